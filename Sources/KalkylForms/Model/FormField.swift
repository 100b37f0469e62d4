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

extension FormField {
    /// What is wrong with `text` as this field's value, or nil when it is right.
    public func problem(with text: String) -> String? {
        func message<T>(_ result: Result<T, Invalid>) -> String? {
            if case .failure(let invalid) = result { return invalid.message }
            return nil
        }
        switch kind {
        case .text, .signature, .costs: return nil
        case .organisationsnummer: return message(SwedishNumbers.organisationsnummer(text))
        case .phone: return message(ContactDetails.phone(text))
        case .email: return message(ContactDetails.email(text))
        case .diarienummer: return message(FormValues.diarienummer(text))
        case .period: return message(FormValues.period(text))
        case .date: return message(FormValues.date(text))
        case .amount: return message(FormValues.amount(text))
        case .giro:
            if case .success = SwedishNumbers.bankgiro(text) { return nil }
            if case .success = SwedishNumbers.plusgiro(text) { return nil }
            return "is neither a valid bankgiro number (NNN-NNNN or NNNN-NNNN) nor a valid plusgiro number (check digit after a dash), got '\(text)'"
        case .attestation:
            return text == "1" || text == "2" ? nil : "must be 1 (the report is correct) or 2 (it is not), got '\(text)'"
        }
    }

    /// The form field a template parameter fills, if any (by key).
    public static func named(_ key: String) -> FormField? {
        (FormDefinition.rekvisition.fields + FormDefinition.redovisning.fields).first { $0.key == key.lowercased() }
    }
}

/// A numbered part of a form, with any fixed text it prints before its fields.
public struct FormSection: Sendable, Equatable {
    public var number: Int
    public var title: String
    public var fixedText: [String]
    public var fields: [FormField]
}
