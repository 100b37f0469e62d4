import Foundation

/// The order SORT and SORTBY give: numbers, then text, then FALSE and TRUE, then errors, and
/// empty cells last whichever the direction (as Excel's Sort does). Text is compared without
/// regard to case by the locale's collation (ICU's, through Foundation): in Swedish å, ä and ö
/// come after z, in English they sort with a and o. Equal keys keep their order (stable).
enum ArraySort {
    static func order(lines: Int, keys: [(values: [Value], descending: Bool)], locale: SpreadsheetLocale) -> [Int] {
        let collation = Locale(identifier: locale.code == "sv" ? "sv_SE" : "en_US")
        return (0..<lines).sorted { a, b in
            for key in keys {
                let x = key.values[a], y = key.values[b]
                let emptyX = x == .empty, emptyY = y == .empty
                if emptyX != emptyY { return emptyY }
                let c = compare(x, y, collation)
                if c != 0 { return key.descending ? c > 0 : c < 0 }
            }
            return a < b
        }
    }

    private static func rank(_ v: Value) -> Int {
        switch v {
        case .number: return 0
        case .text: return 1
        case .boolean: return 2
        case .error: return 3
        case .empty: return 4
        }
    }

    static func compare(_ x: Value, _ y: Value, _ collation: Locale) -> Int {
        switch (x, y) {
        case (.number(let a), .number(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.text(let a), .text(let b)):
            switch a.compare(b, options: [.caseInsensitive], range: nil, locale: collation) {
            case .orderedAscending: return -1
            case .orderedDescending: return 1
            case .orderedSame: return 0
            }
        case (.boolean(let a), .boolean(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.error(let a), .error(let b)): return Int(a.rawValue) - Int(b.rawValue)
        default: return rank(x) - rank(y)
        }
    }

    /// What UNIQUE compares: text without regard to case, an empty cell as 0 (as it spills).
    static func equalityKey(_ v: Value) -> Value {
        switch v {
        case .text(let s): return .text(s.lowercased())
        case .empty: return .number(0)
        default: return v
        }
    }
}
