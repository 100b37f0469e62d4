/// Finds the range nodes that contain a cell. Ranges are grouped by sheet, first row and
/// columns; within a group they are sorted by last row, so the ranges `$A$1:A1 … $A$1:A20000`
/// of a running total form one group searched by bisection, not a list scanned per edit.
struct RangeIndex {
    private struct GroupKey: Hashable {
        var sheet: Int32
        var startRow: Int32
        var startColumn: Int32
        var endColumn: Int32
    }

    private struct Entry {
        var endRow: Int32
        var id: Int32
    }

    private var groups: [GroupKey: [Entry]] = [:]
    private var groupsBySheet: [Int32: [GroupKey]] = [:]

    mutating func insert(_ id: Int32, sheet: Int32, range: CellRange) {
        let key = GroupKey(sheet: sheet, startRow: range.start.row, startColumn: range.start.column, endColumn: range.end.column)
        if groups[key] == nil { groupsBySheet[sheet, default: []].append(key) }
        var entries = groups.removeValue(forKey: key) ?? []
        let position = RangeIndex.firstIndex(in: entries, endRowAtLeast: range.end.row)
        entries.insert(Entry(endRow: range.end.row, id: id), at: position)
        groups[key] = entries
    }

    mutating func remove(_ id: Int32, sheet: Int32, range: CellRange) {
        let key = GroupKey(sheet: sheet, startRow: range.start.row, startColumn: range.start.column, endColumn: range.end.column)
        guard var entries = groups.removeValue(forKey: key) else { return }
        var i = RangeIndex.firstIndex(in: entries, endRowAtLeast: range.end.row)
        while i < entries.count && entries[i].endRow == range.end.row {
            if entries[i].id == id { entries.remove(at: i); break }
            i += 1
        }
        if entries.isEmpty {
            groupsBySheet[sheet]?.removeAll(where: { $0 == key })
        } else {
            groups[key] = entries
        }
    }

    /// Calls `body` with the id of every range that contains the cell.
    func forEachRange(containing cell: CellLocation, _ body: (Int32) -> Void) {
        guard let keys = groupsBySheet[cell.sheet] else { return }
        let row = cell.address.row, column = cell.address.column
        for key in keys where key.startRow <= row && key.startColumn <= column && column <= key.endColumn {
            guard let entries = groups[key] else { continue }
            var i = RangeIndex.firstIndex(in: entries, endRowAtLeast: row)
            while i < entries.count {
                body(entries[i].id)
                i += 1
            }
        }
    }

    private static func firstIndex(in entries: [Entry], endRowAtLeast row: Int32) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].endRow < row { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
