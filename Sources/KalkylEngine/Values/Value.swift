/// The value of a cell or of a formula: the five kinds Excel knows.
///
/// `empty` is a cell with no input. It reads as 0 in arithmetic and "" in text, but it is
/// not the same as either: `COUNTA` skips it and `ISBLANK` sees it.
public enum Value: Hashable, Sendable {
    case empty
    case number(Double)
    case text(String)
    case boolean(Bool)
    case error(FormulaError)

    public var isError: Bool {
        if case .error = self { return true }
        return false
    }

    public var errorValue: FormulaError? {
        if case .error(let e) = self { return e }
        return nil
    }

    /// The name of the kind, as JSON exports and `TYPE`-like messages show it.
    public var kindName: String {
        switch self {
        case .empty: return "empty"
        case .number: return "number"
        case .text: return "text"
        case .boolean: return "boolean"
        case .error: return "error"
        }
    }
}

extension Value: CustomStringConvertible {
    /// The value as Excel's General format shows it: `0.333333333333333`, `TRUE`, `#N/A`.
    public var description: String {
        switch self {
        case .empty: return ""
        case .number(let n): return GeneralNumberFormat.string(n)
        case .text(let s): return s
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e.code
        }
    }
}
