/// What a person types into a cell: a constant or a formula.
public enum CellInput: Hashable, Sendable {
    case constant(Value)
    /// Formula text, with or without the leading `=`.
    case formula(String)

    /// Reads typed text as Excel does in `locale`: `=…` is a formula, `'…` is text as written,
    /// numbers (`1 500`, `12,5`, `50 %` in Swedish; `1,500`, `12.5`, `50%` in English), truth
    /// values, error codes and ISO dates are values, anything else is text; an empty string
    /// clears the cell. The number format the typing implies (percent, currency, date) is
    /// `typedWithFormat`'s.
    public static func typed(_ text: String, locale: SpreadsheetLocale = .english) -> CellInput {
        typedWithFormat(text, locale: locale).input
    }

    public static func typedWithFormat(_ text: String, locale: SpreadsheetLocale = .english) -> (input: CellInput, format: String?) {
        if text.unicodeScalars.first == "=" && text.unicodeScalars.count > 1 { return (.formula(text), nil) }
        if text.hasPrefix("'") { return (.constant(.text(String(text.dropFirst()))), nil) }
        if text.isEmpty { return (.constant(.empty), nil) }
        if let b = locale.boolean(from: text) { return (.constant(.boolean(b)), nil) }
        if text.hasPrefix("#"), let e = locale.error(named: text), e != .cycle { return (.constant(.error(e)), nil) }
        if let n = locale.number(from: text) { return (.constant(.number(n.value)), n.format) }
        return (.constant(.text(text)), nil)
    }
}
