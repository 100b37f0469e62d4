/// What a person types into a cell: a constant or a formula.
public enum CellInput: Hashable, Sendable {
    case constant(Value)
    /// Formula text, with or without the leading `=`.
    case formula(String)

    /// Reads typed text as Excel does: `=…` is a formula, `'…` is text as written,
    /// numbers (`1 500`, `12.5`, `50%`), TRUE/FALSE, error codes and ISO dates are values,
    /// anything else is text; an empty string clears the cell.
    public static func typed(_ text: String) -> CellInput {
        if text.hasPrefix("=") && text.count > 1 { return .formula(text) }
        if text.hasPrefix("'") { return .constant(.text(String(text.dropFirst()))) }
        if text.isEmpty { return .constant(.empty) }
        switch text.uppercased() {
        case "TRUE": return .constant(.boolean(true))
        case "FALSE": return .constant(.boolean(false))
        default: break
        }
        if text.hasPrefix("#"), let e = FormulaError(code: text), e != .cycle { return .constant(.error(e)) }
        if let n = NumberText.parse(text) { return .constant(.number(n)) }
        return .constant(.text(text))
    }
}
