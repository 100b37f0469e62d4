import KalkylEngine

extension FilledForm {
    /// A field's value as the form shows it: amounts in kronor, dates as yyyy-mm-dd, the
    /// attestation as its alternative, organisationsnummer and giro numbers with their dash; a
    /// negative unspent amount says it is over-spending.
    public func display(_ field: FormField) -> String {
        switch field.kind {
        case .signature, .costs: return ""
        case .amount:
            guard let n = number(field.key) else { return text(of: field) }
            let amount = SwedishAmount.text(n)
            return field.key == "ej_forbrukat" && n < 0 ? amount + " (överförbrukning)" : amount
        case .attestation:
            switch text(of: field) {
            case "1": return "Alt 1: intygar att redovisningen är korrekt"
            case "2": return "Alt 2: bedömer inte att redovisningen är korrekt"
            default: return text(of: field)
            }
        case .organisationsnummer:
            if case .success(let written) = SwedishNumbers.organisationsnummer(text(of: field)) { return written }
            return text(of: field)
        case .giro:
            if case .success(let written) = SwedishNumbers.bankgiro(text(of: field)) { return written }
            if case .success(let written) = SwedishNumbers.plusgiro(text(of: field)) { return written }
            return text(of: field)
        default:
            return text(of: field)
        }
    }

    /// The cost items as `item: amount` lines.
    public var costLines: [(item: String, amount: String)] {
        costs.map { item, amount in
            if case .number(let n) = amount { return (item, SwedishAmount.text(n)) }
            return (item, amount.description)
        }
    }
}
