/// Every stored cell of a workbook numbered densely: a column's rows are consecutive slots,
/// followed by one end slot, column after column, sheet after sheet. A table indexed by slot
/// (a full calculation's pending cells, a large edit's cone positions) takes four bytes a cell
/// and is read in storage order where a hash table is read at random.
struct CellSlots {
    /// Per sheet, its first column's index into the per-column tables.
    private let firstColumn: [Int]
    private let columnBase: [Int]
    private let columnRows: [Int]
    private let columnSheet: [Int32]
    /// Slots in all, end slots included.
    let count: Int

    init(_ workbook: Workbook) {
        var firstColumn: [Int] = [], base: [Int] = [], rows: [Int] = [], sheetOf: [Int32] = []
        var slots = 0
        for (s, sheet) in workbook.sheets.enumerated() {
            firstColumn.append(base.count)
            for column in sheet.columns {
                base.append(slots)
                rows.append(column.count)
                sheetOf.append(Int32(s))
                slots += column.count + 1
            }
        }
        firstColumn.append(base.count)
        self.firstColumn = firstColumn
        columnBase = base
        columnRows = rows
        columnSheet = sheetOf
        count = slots
    }

    var columnCount: Int { columnBase.count }
    @inline(__always) func base(_ column: Int) -> Int { columnBase[column] }
    @inline(__always) func rows(_ column: Int) -> Int { columnRows[column] }

    func sheetAndColumn(_ column: Int) -> (sheet: Int, column: Int) {
        let sheet = Int(columnSheet[column])
        return (sheet, column - firstColumn[sheet])
    }

    /// How many columns the sheet stores (0 for a sheet index that does not exist).
    @inline(__always)
    func usedColumns(sheet: Int32) -> Int32 {
        let s = Int(sheet)
        guard s >= 0, s + 1 < firstColumn.count else { return 0 }
        return Int32(firstColumn[s + 1] - firstColumn[s])
    }

    /// The index of a sheet's column in the per-column tables (the column must be stored).
    @inline(__always)
    func column(sheet: Int32, column: Int32) -> Int { firstColumn[Int(sheet)] + Int(column) }

    /// The slot of a cell, or nil when it is not stored (beyond the stored rows or columns).
    @inline(__always)
    func slot(of location: CellLocation) -> Int? {
        guard location.address.column >= 0, location.address.column < usedColumns(sheet: location.sheet) else { return nil }
        let column = self.column(sheet: location.sheet, column: location.address.column)
        guard location.address.row >= 0, Int(location.address.row) < columnRows[column] else { return nil }
        return columnBase[column] + Int(location.address.row)
    }
}
