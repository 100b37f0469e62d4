/// A formula that cannot be parsed: what was wrong and where (0-based offset in the text,
/// counted in Unicode scalars, which is what a caret under the text points at).
public struct FormulaSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) at position \(offset + 1)" }
}
