import Testing
import Foundation
import KalkylEngine

/// Builds small workbooks for tests: `TestWorkbook(["A1": "5", "B1": "=A1*2"])`.
/// Inputs are typed as a person types them into a cell.
func makeWorkbook(_ cells: [String: String], sheets: [String] = ["Sheet1"]) throws -> Workbook {
    let workbook = Workbook()
    for name in sheets { try workbook.addSheet(named: name) }
    for (reference, input) in cells.sorted(by: { $0.key < $1.key }) {
        try workbook.set(.typed(input), at: try workbook.location(of: reference))
    }
    workbook.recalculate()
    return workbook
}

/// The value of `formula` placed in an empty cell (Z100 of the first sheet) of a workbook with `cells`.
func evaluate(_ formula: String, _ cells: [String: String] = [:], sheets: [String] = ["Sheet1"]) throws -> Value {
    var all = cells
    all["Z100"] = formula.hasPrefix("=") ? formula : "=" + formula
    let workbook = try makeWorkbook(all, sheets: sheets)
    return workbook.value(at: try workbook.location(of: "Z100"))
}

extension Workbook {
    func value(_ reference: String) throws -> Value { value(at: try location(of: reference)) }
}

extension Value {
    /// Numbers equal to 1e-12 relative, as in the conformance scorer.
    func isClose(to expected: Double) -> Bool {
        guard case .number(let n) = self else { return false }
        return abs(n - expected) <= max(1e-12, abs(expected) * 1e-12)
    }
}

/// What a formula shows in A1 of an otherwise empty sheet and the cells it spills over.
func spilled(_ formula: String, locale: SpreadsheetLocale = .english, names: [String: String] = [:]) throws -> String {
    var cells = dataCells
    cells["Sheet1!A1"] = formula
    let workbook = Workbook()
    for sheet in ["Sheet1", "Data"] { try workbook.addSheet(named: sheet) }
    for (name, definition) in names { try workbook.defineName(name, formula: definition) }
    for (reference, input) in cells.sorted(by: { $0.key < $1.key }) { try workbook.set(.typed(input), at: try workbook.location(of: reference)) }
    workbook.recalculate()
    if locale != .english {
        workbook.locale = locale
        workbook.recalculate()
    }
    let anchor = try workbook.location(of: "Sheet1!A1")
    let area = workbook.spill(at: anchor)?.area ?? CellRange(anchor.address)
    var rows: [String] = []
    for r in area.start.row...area.end.row {
        var row: [String] = []
        for c in area.start.column...area.end.column {
            switch workbook.value(at: CellLocation(sheet: 0, row: r, column: c)) {
            case .number(let n): row.append(n == n.rounded() ? String(Int(n)) : String(n))
            case .text(let s): row.append("\"\(s)\"")
            case .boolean(let b): row.append(b ? "TRUE" : "FALSE")
            case .error(let e): row.append(e.code)
            case .empty: row.append("")
            }
        }
        rows.append(row.joined(separator: ","))
    }
    return rows.joined(separator: ";")
}

/// An expected result in a function table: numbers compare within 1e-12.
enum Expected: CustomStringConvertible, Sendable {
    case number(Double)
    case text(String)
    case boolean(Bool)
    case error(FormulaError)

    func matches(_ value: Value) -> Bool {
        switch self {
        case .number(let n): return value.isClose(to: n)
        case .text(let s): return value == .text(s)
        case .boolean(let b): return value == .boolean(b)
        case .error(let e): return value == .error(e)
        }
    }

    var description: String {
        switch self {
        case .number(let n): return "\(n)"
        case .text(let s): return "\"\(s)\""
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e.code
        }
    }
}

/// A small data sheet the function tests compute over; every expected value in them can be
/// checked by hand against these cells (or by pasting them into Excel or LibreOffice).
///
///        A      B        C       D     E
///   1    10     apple    North   1.5   1
///   2    20     banana   South   2.25  x
///   3    30     cherry   North   -3    TRUE
///   4    -5     date     East    4     (empty)
///   5    0      Apple    West    5.5   3
///   6    2.5    fig      South   6     =""  (empty text)
let dataCells: [String: String] = [
    "Data!A1": "10", "Data!A2": "20", "Data!A3": "30", "Data!A4": "-5", "Data!A5": "0", "Data!A6": "2.5",
    "Data!B1": "apple", "Data!B2": "banana", "Data!B3": "cherry", "Data!B4": "date", "Data!B5": "Apple", "Data!B6": "fig",
    "Data!C1": "North", "Data!C2": "South", "Data!C3": "North", "Data!C4": "East", "Data!C5": "West", "Data!C6": "South",
    "Data!D1": "1.5", "Data!D2": "2.25", "Data!D3": "-3", "Data!D4": "4", "Data!D5": "5.5", "Data!D6": "6",
    "Data!E1": "1", "Data!E2": "x", "Data!E3": "TRUE", "Data!E5": "3", "Data!E6": "=\"\"",
]

/// Evaluates a table of formulas against `dataCells` in one workbook and reports every
/// mismatch. One case per line: `formula => expected`, where expected is a number, "text",
/// TRUE, FALSE or an error code; blank lines and `//` comments are skipped.
func checkTable(_ table: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    var rows: [(formula: String, expected: Expected)] = []
    for line in table.split(separator: "\n") {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("//") { continue }
        guard let arrow = trimmed.range(of: " => ") else {
            Issue.record("no ' => ' in table line: \(trimmed)", sourceLocation: sourceLocation)
            continue
        }
        var expectedText = String(trimmed[arrow.upperBound...])
        if let comment = expectedText.range(of: "  //") { expectedText = String(expectedText[..<comment.lowerBound]) }
        rows.append((String(trimmed[..<arrow.lowerBound]), Expected.parse(expectedText.trimmingCharacters(in: .whitespaces))))
    }
    var cells = dataCells
    for (i, row) in rows.enumerated() { cells["Sheet1!A\(i + 1)"] = row.formula }
    let workbook = try makeWorkbook(cells, sheets: ["Sheet1", "Data"])
    for (i, row) in rows.enumerated() {
        let value = try workbook.value("Sheet1!A\(i + 1)")
        #expect(row.expected.matches(value), "\(row.formula) gave \(value), expected \(row.expected)", sourceLocation: sourceLocation)
    }
}

extension Expected {
    static func parse(_ text: String) -> Expected {
        if text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2 { return .text(String(text.dropFirst().dropLast())) }
        if text == "TRUE" || text == "FALSE" { return .boolean(text == "TRUE") }
        if let e = FormulaError(code: text) { return .error(e) }
        guard let n = Double(text) else { fatalError("bad expected value \(text)") }
        return .number(n)
    }
}
