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

extension Value {
    /// Excel: "Total number of characters that a cell can contain: 32,767 characters".
    /// Text longer than this is #VALUE! wherever a formula makes it.
    public static let maximumTextLength = 32_767

    /// The value as a cell may hold it: a number that is not finite (an overflow, NaN) is
    /// #NUM!, text past Excel's length limit is #VALUE!. No other kind of value needs a check.
    @inline(__always)
    var checked: Value {
        switch self {
        case .number(let n): return n.isFinite ? self : .error(.number)
        case .text(let s): return s.utf16.count <= Value.maximumTextLength ? self : .error(.value)
        default: return self
        }
    }
}
