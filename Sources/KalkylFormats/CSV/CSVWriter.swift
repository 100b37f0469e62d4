import KalkylEngine

/// Writes one sheet's computed values as CSV (RFC 4180: quoted fields where needed, CRLF line
/// ends). By default numbers are written in full precision; `formatted` applies each cell's
/// number format instead, as a person would see it.
public struct CSVWriter: Sendable {
    public var delimiter: Character = ","
    /// How numbers, truth values and errors are written (SANT, #SAKNAS! in Swedish).
    public var locale: SpreadsheetLocale = .english
    public var separators: NumberFormat.Separators { locale == .english ? .english : locale.separators }
    public var formatted = false
    /// A UTF-8 byte order mark first: Excel on Windows reads CSV without one as its ANSI code
    /// page and garbles å, ä and ö. On for Swedish CSV, off for scripts (`--no-bom`).
    public var byteOrderMark = false
    /// Text that a spreadsheet would run as a formula gets a leading `'` (see `CSVField.neutralized`);
    /// off only when asked (`--raw`).
    public var neutralizesFormulas = true

    public init(delimiter: Character = ",", locale: SpreadsheetLocale = .english, formatted: Bool = false, byteOrderMark: Bool = false) {
        self.delimiter = delimiter
        self.locale = locale
        self.formatted = formatted
        self.byteOrderMark = byteOrderMark
    }

    /// Swedish CSV, as Excel writes it in a Swedish locale: a byte order mark, `;` between
    /// fields, decimal commas, SANT/FALSKT.
    public static let swedish = CSVWriter(delimiter: ";", locale: .swedish, byteOrderMark: true)

    public func text(of workbook: Workbook, sheet: Int) -> String {
        let s = workbook.sheets[sheet]
        var out = byteOrderMark ? "\u{FEFF}" : ""
        for row in 0..<s.usedRowCount {
            var fields: [String] = []
            for column in 0..<s.usedColumnCount {
                let location = CellLocation(sheet: sheet, address: CellAddress(row: row, column: column))
                let value = workbook.value(at: location)
                let format = formatted ? (s.numberFormat(at: location.address) ?? "General") : nil
                fields.append(CSVField.quoted(text(of: value, format: format), delimiter: delimiter))
            }
            out += fields.joined(separator: String(delimiter)) + "\r\n"
        }
        return out
    }

    func text(of value: Value, format: String?) -> String {
        switch value {
        case .number(let n):
            if let format { return NumberFormat(format).format(n, separators: separators) }
            let plain = NumberLiteral.text(n)
            return separators.decimal == "." ? plain : plain.replacingOccurrences(of: ".", with: separators.decimal)
        case .text(let s):
            return neutralizesFormulas ? CSVField.neutralized(s) : s
        default:
            return locale.text(of: value)
        }
    }
}
