import KalkylEngine

/// Runs of a column's cells that share one formula (a filled-down column: one `CompiledFormula`
/// in consecutive rows), written as Excel writes them: the first cell carries the text with
/// `<f t="shared" ref="B2:B9" si="0">`, the others only `<f t="shared" si="0"/>`, which means the
/// first cell's formula moved to theirs. A 100 000-row grid's sheet part is a third as large,
/// and a reader parses each column's formula once.
///
/// Only formulas written as legacy (no spill, no dynamic array) and whose text is the same
/// template at every cell (not ALLOCATE, whose Excel form depends on its cell) are shared.
struct SharedFormulaRuns {
    private struct Run {
        var start: Int32
        var end: Int32
        var master: String
        /// The `<f>` of the run's other cells, made once for all of them.
        var follower: String
    }

    /// Per column, the runs in row order, and the next one a cell may be in.
    private var runs: [Int32: [Run]] = [:]
    private var next: [Int32: Int] = [:]

    init(_ workbook: Workbook, sheet: Int, texts: DynamicArrayXML.FormulaTexts) {
        var count = 0
        var current: (column: Int32, start: Int32, end: Int32, formula: CompiledFormula)? = nil
        func close() {
            guard let run = current, run.end > run.start, let legacy = texts.forms(of: run.formula, sheet: sheet, in: workbook).legacy else { return }
            let start = CellAddress(row: run.start, column: run.column), end = CellAddress(row: run.end, column: run.column)
            let master = #"<f t="shared" ref="\#(CellRange(start, end))" si="\#(count)">"# + XMLText.escape(legacy.text(at: start)) + "</f>"
            runs[run.column, default: []].append(Run(start: run.start, end: run.end, master: master, follower: #"<f t="shared" si="\#(count)"/>"#))
            count += 1
        }
        workbook.forEachCell(inSheet: sheet) { address, _, formula in
            guard let formula, Self.isShareable(formula, at: CellLocation(sheet: sheet, address: address), in: workbook, texts: texts) else {
                close()
                current = nil
                return
            }
            if let run = current, run.column == address.column, run.end + 1 == address.row, run.formula === formula {
                current?.end = address.row
            } else {
                close()
                current = (address.column, address.row, address.row, formula)
            }
        }
        close()
    }

    private static func isShareable(_ formula: CompiledFormula, at location: CellLocation, in workbook: Workbook, texts: DynamicArrayXML.FormulaTexts) -> Bool {
        guard workbook.spill(at: location) == nil, let legacy = texts.forms(of: formula, sheet: Int(location.sheet), in: workbook).legacy else { return false }
        return legacy.template != nil
    }

    /// The `<f>` of a cell in a run, or nil for a cell in none. Asked in row order per column.
    mutating func element(at address: CellAddress) -> String? {
        guard let columnRuns = runs[address.column] else { return nil }
        var k = next[address.column] ?? 0
        while k < columnRuns.count && columnRuns[k].end < address.row { k += 1 }
        next[address.column] = k
        guard k < columnRuns.count, columnRuns[k].start <= address.row else { return nil }
        let run = columnRuns[k]
        return address.row == run.start ? run.master : run.follower
    }
}
