/// One field of a Bilaga 2 form: its key (the defined name of the workbook cell that holds its
/// value), its label as Bilaga 2 words it, and what kind of value it takes.
public struct FormField: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text
        case organisationsnummer
        case phone
        case email
        case diarienummer
        case amount
        case period
        case date
        /// Bankgiro or plusgiro.
        case giro
        /// A list of cost items: a two-column range (item, amount).
        case costs
        /// 1 or 2: the finance director's two alternatives.
        case attestation
        /// A line to sign by hand; it has no value.
        case signature
    }

    public var key: String
    public var label: String
    public var kind: Kind
    public var isRequired: Bool

    public init(_ key: String, _ label: String, _ kind: Kind = .text, required: Bool = true) {
        self.key = key
        self.label = label
        self.kind = kind
        self.isRequired = required
    }
}

/// A numbered part of a form, with any fixed text it prints before its fields.
public struct FormSection: Sendable, Equatable {
    public var number: Int
    public var title: String
    public var fixedText: [String]
    public var fields: [FormField]
}
