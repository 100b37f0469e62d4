/// Finds the range nodes that contain a cell. Ranges are grouped by sheet, first row and
/// columns; within a group they are sorted by last row, so the ranges `$A$1:A1 … $A$1:A20000`
/// of a running total form one group searched by bisection, not a list scanned per edit.
///
/// An edit asks this for every cell of its cone, so the question is answered from arrays
/// (groups by sheet index), without hashing; only adding and removing ranges look a group up
/// by its key.
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

    private struct Group {
        var key: GroupKey
        /// Sorted by last row.
        var entries: [Entry] = []
    }

    private var groups: [Group] = []
    private var groupIDs: [GroupKey: Int] = [:]
    /// Per sheet, the groups that hold a range.
    private var groupsBySheet: [[Int]] = []

    mutating func insert(_ id: Int32, sheet: Int32, range: CellRange) {
        let key = GroupKey(sheet: sheet, startRow: range.start.row, startColumn: range.start.column, endColumn: range.end.column)
        let g: Int
        if let known = groupIDs[key] {
            g = known
        } else {
            g = groups.count
            groups.append(Group(key: key))
            groupIDs[key] = g
        }
        if groups[g].entries.isEmpty {
            let s = Int(sheet)
            if s >= groupsBySheet.count { groupsBySheet.append(contentsOf: repeatElement([], count: s + 1 - groupsBySheet.count)) }
            groupsBySheet[s].append(g)
        }
        let position = RangeIndex.firstIndex(in: groups[g].entries, endRowAtLeast: range.end.row)
        groups[g].entries.insert(Entry(endRow: range.end.row, id: id), at: position)
    }

    mutating func remove(_ id: Int32, sheet: Int32, range: CellRange) {
        let key = GroupKey(sheet: sheet, startRow: range.start.row, startColumn: range.start.column, endColumn: range.end.column)
        guard let g = groupIDs[key], !groups[g].entries.isEmpty else { return }
        var i = RangeIndex.firstIndex(in: groups[g].entries, endRowAtLeast: range.end.row)
        while i < groups[g].entries.count && groups[g].entries[i].endRow == range.end.row {
            if groups[g].entries[i].id == id { groups[g].entries.remove(at: i); break }
            i += 1
        }
        if groups[g].entries.isEmpty { groupsBySheet[Int(sheet)].removeAll(where: { $0 == g }) }
    }

    /// Calls `body` with the id of every range that contains the cell.
    func forEachRange(containing cell: CellLocation, _ body: (Int32) -> Void) {
        let s = Int(cell.sheet)
        guard s < groupsBySheet.count else { return }
        let row = cell.address.row, column = cell.address.column
        for g in groupsBySheet[s] {
            let key = groups[g].key
            guard key.startRow <= row && key.startColumn <= column && column <= key.endColumn else { continue }
            let entries = groups[g].entries
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
