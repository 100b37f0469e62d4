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
