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

    /// Per column (by index), the runs in row order, and the next one a cell may be in.
    private var runs: [[Run]] = []
    private var next: [Int] = []

    init(_ workbook: Workbook, sheet: Int, texts: DynamicArrayXML.FormulaTexts) {
        var count = 0
        var current: (column: Int32, start: Int32, end: Int32, formula: CompiledFormula)? = nil
        func close() {
            guard let run = current, run.end > run.start, let legacy = texts.forms(of: run.formula, sheet: sheet, in: workbook).legacy else { return }
            let start = CellAddress(row: run.start, column: run.column), end = CellAddress(row: run.end, column: run.column)
            let master = #"<f t="shared" ref="\#(CellRange(start, end))" si="\#(count)">"# + XMLText.escape(legacy.text(at: start)) + "</f>"
            let column = Int(run.column)
            if runs.count <= column {
                runs.append(contentsOf: repeatElement([], count: column + 1 - runs.count))
                next.append(contentsOf: repeatElement(0, count: column + 1 - next.count))
            }
            runs[column].append(Run(start: run.start, end: run.end, master: master, follower: #"<f t="shared" si="\#(count)"/>"#))
            count += 1
        }
        // Whether a formula's text is one template, for the formula met last (a run's cells
        // have one formula, so it is worked out once a run).
        var last: (formula: CompiledFormula, hasTemplate: Bool)? = nil
        workbook.forEachCell(inSheet: sheet) { address, _, formula in
            guard let formula else {
                close()
                current = nil
                return
            }
            let hasTemplate: Bool
            if let last, last.formula === formula {
                hasTemplate = last.hasTemplate
            } else {
                hasTemplate = texts.forms(of: formula, sheet: sheet, in: workbook).legacy?.template != nil
                last = (formula, hasTemplate)
            }
            // A formula that spills is written as a dynamic array, so not shared.
            guard hasTemplate, workbook.spill(at: CellLocation(sheet: sheet, address: address)) == nil else {
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

    /// The `<f>` of a cell in a run, or nil for a cell in none. Asked in row order per column.
    mutating func element(at address: CellAddress) -> String? {
        let column = Int(address.column)
        guard column < runs.count else { return nil }
        let columnRuns = runs[column]
        var k = next[column]
        while k < columnRuns.count && columnRuns[k].end < address.row { k += 1 }
        next[column] = k
        guard k < columnRuns.count, columnRuns[k].start <= address.row else { return nil }
        let run = columnRuns[k]
        return address.row == run.start ? run.master : run.follower
    }
}
