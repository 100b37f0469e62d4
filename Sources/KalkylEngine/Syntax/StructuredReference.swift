/// A reference to part of an Excel table by the table's and its columns' names:
/// `Tabell1[Belopp]` (a column's data), `Tabell1[[#This Row],[Belopp]]` (the cell in the
/// formula's own row, `[@Belopp]` in Excel's editor), `Tabell1[#Totals]`,
/// `Tabell1[[#Headers],[Belopp]:[Moms]]`. It is resolved to cells when the formula is compiled
/// (see `Table`), so a table that grows takes its formulas with it.
public struct StructuredReference: Hashable, Sendable {
    /// Which rows of the table: none written means the data rows.
    public enum Rows: String, Hashable, Sendable, CaseIterable {
        case all = "#All", data = "#Data", headers = "#Headers", totals = "#Totals", thisRow = "#This Row"
    }

    public var table: String
    public var rows: [Rows]
    /// The first and last column named, or nil for every column.
    public var columns: (first: String, last: String)?

    public init(table: String, rows: [Rows] = [], columns: (first: String, last: String)? = nil) {
        self.table = table
        self.rows = rows
        self.columns = columns
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.table.uppercased() == b.table.uppercased() && a.rows == b.rows
            && a.columns?.first.uppercased() == b.columns?.first.uppercased() && a.columns?.last.uppercased() == b.columns?.last.uppercased()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(table.uppercased())
        hasher.combine(rows)
        hasher.combine(columns?.first.uppercased())
        hasher.combine(columns?.last.uppercased())
    }

    // MARK: Text

    /// Parses what stands between the brackets after the table's name (`[[#This Row],[Belopp]]`
    /// gives `[#This Row],[Belopp]`); nil when it is not a structured reference.
    static func parse(table: String, specifier: String) -> StructuredReference? {
        var reference = StructuredReference(table: table)
        let text = Array(specifier.unicodeScalars)
        var i = 0
        func skipSpaces() { while i < text.count, text[i] == " " { i += 1 } }
        /// A name up to an unescaped `]` (or the end); `'` escapes the next character.
        func name(until end: Unicode.Scalar?) -> String? {
            var out = String.UnicodeScalarView()
            while i < text.count, text[i] != end ?? "\u{0}" {
                if text[i] == "'" {
                    i += 1
                    guard i < text.count else { return nil }
                }
                if end == nil, text[i] == "[" || text[i] == "]" { return nil }
                out.append(text[i])
                i += 1
            }
            return String(out)
        }
        func special(_ name: String) -> Rows? { Rows.allCases.first { $0.rawValue.uppercased() == name.uppercased() } }
        func addColumns(_ first: String, _ last: String) -> Bool {
            guard reference.columns == nil, !first.isEmpty, !last.isEmpty else { return false }
            reference.columns = (first, last)
            return true
        }

        skipSpaces()
        if i == text.count { return reference }
        if text[i] == "@" {
            // `@Belopp`, `@[Belopp]`, `@[Belopp]:[Moms]`, `@`: this row.
            reference.rows = [.thisRow]
            i += 1
            if i == text.count { return reference }
            if text[i] != "[" {
                guard let column = name(until: nil), addColumns(column, column) else { return nil }
                return reference
            }
        } else if text[i] != "[" {
            let isSpecial = text[i] == "#"
            guard let word = name(until: nil) else { return nil }
            if isSpecial {
                guard let rows = special(word) else { return nil }
                reference.rows = [rows]
            } else {
                guard addColumns(word, word) else { return nil }
            }
            return reference
        }
        // A list of bracketed items: specials first, then a column or a column range.
        while i < text.count {
            skipSpaces()
            guard i < text.count, text[i] == "[" else { return nil }
            i += 1
            let isSpecial = i < text.count && text[i] == "#"  // an escaped `'#` starts a column's name
            guard let item = name(until: "]"), i < text.count else { return nil }
            i += 1
            if isSpecial {
                guard let rows = special(item) else { return nil }
                guard reference.columns == nil, !reference.rows.contains(rows) else { return nil }
                reference.rows.append(rows)
            } else {
                var last = item
                skipSpaces()
                if i < text.count, text[i] == ":" {
                    i += 1
                    skipSpaces()
                    guard i < text.count, text[i] == "[" else { return nil }
                    i += 1
                    guard let end = name(until: "]"), i < text.count else { return nil }
                    i += 1
                    last = end
                }
                guard addColumns(item, last) else { return nil }
            }
            skipSpaces()
            if i < text.count {
                guard text[i] == "," else { return nil }
                i += 1
            }
        }
        return reference
    }

    /// As Excel stores it in files: `Tabell1[Belopp]`, `Tabell1[[#This Row],[Belopp]]`.
    public var text: String {
        var items = rows.map { "[\($0.rawValue)]" }
        if let columns {
            let first = "[" + Self.escaped(columns.first) + "]"
            items.append(columns.first.uppercased() == columns.last.uppercased() ? first : first + ":[" + Self.escaped(columns.last) + "]")
        }
        if items.count == 1, rows.isEmpty, let columns, columns.first.uppercased() == columns.last.uppercased(), !Self.needsBrackets(columns.first) {
            return table + "[" + Self.escaped(columns.first) + "]"
        }
        if items.count == 1, columns == nil { return table + items[0] }
        return table + "[" + items.joined(separator: ",") + "]"
    }

    /// `'` before the characters that end or open a name inside brackets.
    private static func escaped(_ name: String) -> String {
        var out = ""
        for c in name.unicodeScalars {
            if c == "[" || c == "]" || c == "#" || c == "'" { out += "'" }
            out.unicodeScalars.append(c)
        }
        return out
    }

    /// Column names Excel writes only in double brackets (`Tabell1[[Belopp, kr]]`).
    private static func needsBrackets(_ name: String) -> Bool {
        name.unicodeScalars.contains { " \t\n,:.[]#'\"{}$^&*+=-><@/".unicodeScalars.contains($0) } || name.hasPrefix("#")
    }
}
