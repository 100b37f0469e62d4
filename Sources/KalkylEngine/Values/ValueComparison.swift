/// Excel's ordering of values, used by `=`, `<`, sorting lookups and criteria:
/// numbers < text < booleans; text compares case-insensitively; empty acts as 0, "" or FALSE
/// depending on what it meets.
public enum ValueComparison {
    /// -1, 0 or 1; the caller handles errors first.
    public static func compare(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.empty, .empty): return 0
        case (.empty, .number): return compare(.number(0), b)
        case (.number, .empty): return compare(a, .number(0))
        case (.empty, .text): return compare(.text(""), b)
        case (.text, .empty): return compare(a, .text(""))
        case (.empty, .boolean): return compare(.boolean(false), b)
        case (.boolean, .empty): return compare(a, .boolean(false))
        case (.number(let x), .number(let y)): return compareNumbers(x, y)
        case (.text(let x), .text(let y)): return compareText(x, y)
        case (.boolean(let x), .boolean(let y)): return x == y ? 0 : (x ? 1 : -1)
        default: return rank(a) < rank(b) ? -1 : 1
        }
    }

    /// Numbers that differ only in the last bits of their 15 significant digits are equal,
    /// as in Excel (`=0.1+0.2=0.3` is TRUE).
    public static func compareNumbers(_ x: Double, _ y: Double) -> Int {
        if x == y { return 0 }
        if abs(x - y) <= max(abs(x), abs(y)) * 1e-15 { return 0 }
        return x < y ? -1 : 1
    }

    public static func compareText(_ x: String, _ y: String) -> Int {
        if x == y { return 0 }
        let lx = x.lowercased(), ly = y.lowercased()
        if lx == ly { return 0 }
        return lx < ly ? -1 : 1
    }

    private static func rank(_ v: Value) -> Int {
        switch v {
        case .number, .empty: return 0
        case .text: return 1
        case .boolean: return 2
        case .error: return 3
        }
    }
}
