/// What is wrong with one field of a form, named by the field's label.
public struct FieldProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// Why a value is not valid for its field (the field's name is added by the form).
public struct Invalid: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}

extension Result where Failure == Invalid {
    static func invalid(_ message: String) -> Result { .failure(Invalid(message)) }
}
