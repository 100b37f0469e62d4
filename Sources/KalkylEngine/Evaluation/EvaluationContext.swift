import Foundation

/// What a running formula sees: the workbook's cells, its own position, the clock and the
/// random source. One context serves a whole recalculation; the evaluator moves `sheet` and
/// `host` from cell to cell.
///
/// Its state is read for every cell a formula touches, so its properties are marked
/// `@exclusivity(unchecked)`: a recalculation runs on one thread and never holds one of them
/// across a call that changes it, and the runtime checks cost a fifth of the evaluation.
/// CI builds once with `-DKALKYL_CHECKED_EXCLUSIVITY`, which checks them again, and runs the
/// tests so (see `.ci/run`).
public final class EvaluationContext {
    let workbook: Workbook
    /// The sheet and cell of the formula being evaluated.
#if KALKYL_CHECKED_EXCLUSIVITY
    public internal(set) var sheet: Int32 = 0
#else
    @exclusivity(unchecked) public internal(set) var sheet: Int32 = 0
#endif
#if KALKYL_CHECKED_EXCLUSIVITY
    public internal(set) var host = CellAddress(row: 0, column: 0)
#else
    @exclusivity(unchecked) public internal(set) var host = CellAddress(row: 0, column: 0)
#endif
    /// NOW() as a serial, fixed for one recalculation so every cell sees the same time.
    public let now: Double
#if KALKYL_CHECKED_EXCLUSIVITY
    var random = SystemRandomNumberGenerator()
#else
    @exclusivity(unchecked) var random = SystemRandomNumberGenerator()
#endif

    /// Set while evaluating a formula that reads dynamic references: a read of a cell that is
    /// still waiting to be computed in this recalculation is recorded here.
#if KALKYL_CHECKED_EXCLUSIVITY
    var checksPendingReads = false
#else
    @exclusivity(unchecked) var checksPendingReads = false
#endif
    /// Whether range results may be shared between formulas (see `RangeCache`).
#if KALKYL_CHECKED_EXCLUSIVITY
    var cachesRanges = false
#else
    @exclusivity(unchecked) var cachesRanges = false
#endif
#if KALKYL_CHECKED_EXCLUSIVITY
    var rangeCache = RangeCache()
#else
    @exclusivity(unchecked) var rangeCache = RangeCache()
#endif
#if KALKYL_CHECKED_EXCLUSIVITY
    var blockedOn: Int?
#else
    @exclusivity(unchecked) var blockedOn: Int?
#endif
#if KALKYL_CHECKED_EXCLUSIVITY
    var isPending: (Int) -> Bool = { _ in false }
#else
    @exclusivity(unchecked) var isPending: (Int) -> Bool = { _ in false }
#endif

    init(workbook: Workbook) {
        self.workbook = workbook
        now = workbook.clock()
    }

    /// Makes the context the one of `formula` in the cell at `location`.
    @inline(__always)
    func moveTo(_ location: CellLocation, for formula: CompiledFormula) {
        sheet = location.sheet
        host = location.address
        checksPendingReads = formula.readsDynamicReferences
        cachesRanges = !formula.readsDynamicReferences
        blockedOn = nil
    }

    @inline(__always)
    public func value(sheet: Int32, row: Int32, column: Int32) -> Value {
        if checksPendingReads { notePendingRead(CellLocation(sheet: sheet, row: row, column: column).key) }
        return workbook.sheets[Int(sheet)].value(row: row, column: column)
    }

    private func notePendingRead(_ key: Int) {
        if blockedOn == nil && isPending(key) { blockedOn = key }
    }

    /// Calls `body` with each stored value of the range, row by row as Excel reads ranges
    /// (CONCAT and TEXTJOIN depend on the order). Cells beyond a column's last used row are
    /// empty and not visited, so whole-column references cost only the used rows.
    @inline(__always)
    func forEachStoredValue(sheet: Int32, range: CellRange, _ body: (Value) throws(FormulaError) -> Void) throws(FormulaError) {
        let columns = workbook.sheets[Int(sheet)].columns
        let lastColumn = min(Int(range.end.column), columns.count - 1)
        let firstColumn = Int(range.start.column)
        guard firstColumn <= lastColumn else { return }
        if checksPendingReads {
            for c in firstColumn...lastColumn where Int(range.start.row) < columns[c].count {
                for r in Int(range.start.row)...min(Int(range.end.row), columns[c].count - 1) {
                    notePendingRead(CellLocation(sheet: sheet, row: Int32(r), column: Int32(c)).key)
                }
            }
        }
        if firstColumn == lastColumn {
            let column = columns[firstColumn]
            let lastRow = min(Int(range.end.row), column.count - 1)
            guard Int(range.start.row) <= lastRow else { return }
            try column.forEachValue(in: Int(range.start.row)...lastRow, body)
            return
        }
        var lastRow = -1
        for c in firstColumn...lastColumn { lastRow = max(lastRow, columns[c].count - 1) }
        lastRow = min(lastRow, Int(range.end.row))
        guard Int(range.start.row) <= lastRow else { return }
        for r in Int(range.start.row)...lastRow {
            for c in firstColumn...lastColumn {
                try body(columns[c].value(at: r))
            }
        }
    }

    func sheetIndex(named name: String) -> Int? { workbook.sheetIndex(named: name) }

    func nextRandom() -> Double { Double.random(in: 0..<1, using: &random) }
}
