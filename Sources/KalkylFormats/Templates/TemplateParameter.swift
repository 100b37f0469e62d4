import KalkylEngine

/// A parameter a template asks for when a workbook is made from it (`kalkyl new`): its name,
/// type, description, default, the cell it fills and how it is validated.
public struct TemplateParameter: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case number, integer, text, date, boolean
    }

    public var name: String
    public var kind: Kind
    public var description: String
    /// The cell the value goes into, e.g. `Parametrar!B2`.
    public var cell: String?
    public var defaultValue: String?
    public var minimum: Double?
    public var maximum: Double?
    /// Whether the parameter must have a value: given, or its default.
    public var isRequired: Bool

    public init(name: String, kind: Kind, description: String, cell: String? = nil, defaultValue: String? = nil,
                minimum: Double? = nil, maximum: Double? = nil, isRequired: Bool = false) {
        self.name = name
        self.kind = kind
        self.description = description
        self.cell = cell
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.maximum = maximum
        self.isRequired = isRequired
    }
}
