/// A defined name: `Total` standing for `Parametrar!$B$1`, for the whole workbook or one sheet.
public struct DefinedName: Hashable, Sendable {
    public var name: String
    /// The sheet the name belongs to; nil for a workbook-wide name.
    public var scope: Int?
    /// The definition, parsed as if written in A1 of its sheet.
    public var expression: Expression

    /// The definition as formula text (with `=`).
    public var formula: String { FormulaPrinter.formula(expression, at: CellAddress(row: 0, column: 0)) }

    /// Letters, digits, `_`, `.` and `\`, starting with a letter, `_` or `\`, and not a cell address.
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first,
              first.properties.isAlphabetic || first == "_" || first == "\\" else { return false }
        guard name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ($0.value >= 48 && $0.value <= 57) || "_.\\".unicodeScalars.contains($0) }) else {
            return false
        }
        let upper = name.uppercased()
        if upper == "TRUE" || upper == "FALSE" { return false }
        return A1.parseCell(Substring(name)) == nil
    }
}
