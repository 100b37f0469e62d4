/// Results over ranges that many formulas of one recalculation share: the sum of
/// `SUM($B$4:$B$N)` asked by every row, the running total of `SUM($A$1:A{i})` down a
/// column, and the split of `ALLOCATE($B$1,$C$2:$C$N)` filled down the weights' rows. (Hash indexes of lookup columns live longer: `LookupIndexes`.)
///
/// It lives for one recalculation and is used only while evaluating formulas without dynamic
/// references: their ranges are range nodes of the graph, so every cell in them is final
/// before such a formula runs, and a cached result cannot go stale within the pass.
struct RangeCache {
    struct AggregateKey: Hashable {
        var function: Int32
        var sheet: Int32
        var range: CellRange
    }

    /// A running SUM down a column group: ranges with the same sheet, first row and columns.
    struct RunKey: Hashable {
        var sheet: Int32
        var startRow: Int32
        var startColumn: Int32
        var endColumn: Int32
    }

    /// One split of a total over a weights range: every row of the range asks for the same.
    struct AllocationKey: Hashable {
        var total: Double
        var sheet: Int32
        var range: CellRange
    }

    var aggregates: [AggregateKey: Operand] = [:]
    typealias Run = (endRow: Int32, total: Result<Double, FormulaError>)
    var runs: [RunKey: Run] = [:]
    /// The run asked for last, outside `runs` while it is here: a filled-down column asks for
    /// the same run row after row, which then costs a comparison, not a hash lookup.
    var lastRun: (key: RunKey, run: Run)?
    var allocations: [AllocationKey: Result<[Double], FormulaError>] = [:]
}

extension EvaluationContext {
    /// SUM of one reference, extending the running total of the same column group when the
    /// range grows downwards. The additions happen in the same order as a fresh SUM's, so the
    /// result is the same to the last bit.
    func cachedSum(sheet: Int32, range: CellRange) throws(FormulaError) -> Double {
        let key = RangeCache.RunKey(sheet: sheet, startRow: range.start.row, startColumn: range.start.column, endColumn: range.end.column)
        var total: Result<Double, FormulaError> = .success(0)
        var from = range.start.row
        let known: RangeCache.Run?
        if let last = rangeCache.lastRun, last.key == key {
            known = last.run
        } else {
            if let last = rangeCache.lastRun { rangeCache.runs[last.key] = last.run }
            known = rangeCache.runs.removeValue(forKey: key)
        }
        if let run = known, run.endRow == range.end.row {
            rangeCache.lastRun = (key, run)
            return try run.total.get()
        }
        if let run = known, run.endRow < range.end.row {
            total = run.total
            from = run.endRow + 1
        }
        if case .success(var sum) = total {
            do {
                try forEachStoredValue(sheet: sheet, range: CellRange(CellAddress(row: from, column: range.start.column), range.end)) { (value) throws(FormulaError) in
                    switch value {
                    case .number(let n): sum += n
                    case .error(let e): throw e
                    default: break
                    }
                }
                total = .success(sum)
            } catch {
                total = .failure(error)
            }
        }
        rangeCache.lastRun = (key, (range.end.row, total))
        return try total.get()
    }

    /// The position of the first exact match of `needle` in a lookup column or row, from the
    /// workbook's hash index of that range (built here the first time); nil when the index has
    /// no such value (the caller then scans, which also finds numbers equal within Excel's 15
    /// digits).
    func indexedPosition(of needle: Value, sheet: Int32, range: CellRange, vertical: Bool) -> Int? {
        // Reads that must be checked against cells still to compute go cell by cell.
        guard !checksPendingReads, let wanted = LookupIndexes.LookupValue(needle) else { return nil }
        let key = LookupIndexes.Key(sheet: sheet, range: range)
        if let index = workbook.lookupIndexes.indexes[key] { return index[wanted] }
        var index: [LookupIndexes.LookupValue: Int] = [:]
        let count = vertical ? range.rowCount : range.columnCount
        let used = min(count, vertical ? workbook.sheets[Int(sheet)].usedRowCount - Int(range.start.row) : count)
        for i in 0..<max(0, used) {
            let value = vertical
                ? value(sheet: sheet, row: range.start.row + Int32(i), column: range.start.column)
                : value(sheet: sheet, row: range.start.row, column: range.start.column + Int32(i))
            if let k = LookupIndexes.LookupValue(value), index[k] == nil { index[k] = i }
        }
        workbook.lookupIndexes.indexes[key] = index
        return index[wanted]
    }
}
