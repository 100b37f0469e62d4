import Foundation

/// What a running formula sees: the workbook's cells, its own position, the clock and the
/// random source. One context serves a whole recalculation; the evaluator moves `sheet` and
/// `host` from cell to cell.
public final class EvaluationContext {
    unowned let workbook: Workbook
    /// The sheet and cell of the formula being evaluated.
    public internal(set) var sheet: Int32 = 0
    public internal(set) var host = CellAddress(row: 0, column: 0)
    /// NOW() as a serial, fixed for one recalculation so every cell sees the same time.
    public let now: Double
    var random = SystemRandomNumberGenerator()

    /// Set while evaluating a formula that reads dynamic references: a read of a cell that is
    /// still waiting to be computed in this recalculation is recorded here.
    var checksPendingReads = false
    var blockedOn: Int?
    var isPending: (Int) -> Bool = { _ in false }

    init(workbook: Workbook) {
        self.workbook = workbook
        now = workbook.clock()
    }

    @inline(__always)
    public func value(sheet: Int32, row: Int32, column: Int32) -> Value {
        if checksPendingReads { notePendingRead(CellLocation(sheet: sheet, row: row, column: column).key) }
        return workbook.sheets[Int(sheet)].value(row: row, column: column)
    }

    private func notePendingRead(_ key: Int) {
        if blockedOn == nil && isPending(key) { blockedOn = key }
    }

    /// Calls `body` with each stored cell of the range that is not empty, column by column;
    /// empty cells beyond a column's last used row are not visited.
    @inline(__always)
    func forEachStoredValue(sheet: Int32, range: CellRange, _ body: (Value) throws(FormulaError) -> Void) throws(FormulaError) {
        let columns = workbook.sheets[Int(sheet)].columns
        let lastColumn = min(Int(range.end.column), columns.count - 1)
        guard Int(range.start.column) <= lastColumn else { return }
        for c in Int(range.start.column)...lastColumn {
            let values = columns[c].values
            let lastRow = min(Int(range.end.row), values.count - 1)
            guard Int(range.start.row) <= lastRow else { continue }
            if checksPendingReads {
                for r in Int(range.start.row)...lastRow {
                    notePendingRead(CellLocation(sheet: sheet, row: Int32(r), column: Int32(c)).key)
                }
            }
            for r in Int(range.start.row)...lastRow {
                try body(values[r])
            }
        }
    }

    /// The range clipped to the used part of its sheet, so whole-column references do not walk
    /// a million empty rows.
    func clippedToUsedArea(sheet: Int32, range: CellRange) -> CellRange? {
        let s = workbook.sheets[Int(sheet)]
        let rows = Int32(s.usedRowCount), columns = Int32(s.usedColumnCount)
        guard rows > 0, columns > 0, range.start.row < rows, range.start.column < columns else { return nil }
        return CellRange(range.start, CellAddress(row: min(range.end.row, rows - 1), column: min(range.end.column, columns - 1)))
    }

    func sheetIndex(named name: String) -> Int? { workbook.sheetIndex(named: name) }

    func nextRandom() -> Double { Double.random(in: 0..<1, using: &random) }
}
