/// What a recalculation did: which values changed, how many formulas ran, which cycles it found.
public struct RecalculationResult: Sendable {
    public struct Change: Hashable, Sendable {
        public var location: CellLocation
        public var oldValue: Value
        public var newValue: Value
    }

    /// A step of a cycle's path: a cell, or a range that contains the next cell.
    public enum PathStep: Hashable, Sendable {
        case cell(CellLocation)
        case range(sheet: Int32, CellRange)
    }

    /// Changed values in sheet, row, column order (edited cells included).
    public var changes: [Change] = []
    /// How many formulas were evaluated.
    public var recomputedCount = 0
    /// Each cycle as a path that starts and ends at the same cell: A1 → B1 → A1.
    public var cycles: [[PathStep]] = []
    public var duration: Duration = .zero

    /// Puts the changes, recorded in the order cells were computed, in sheet, row, column
    /// order: one integer per change (its cell row-major, its position in the low bits) is
    /// radix-sorted by the cell's bits and each change moved once, several times faster than
    /// sorting the changes themselves (two values each) when an edit changes many cells.
    mutating func sortChanges() {
        guard changes.count > 1 else { return }
        var isSorted = true
        for i in 1..<changes.count where changes[i].location < changes[i - 1].location { isSorted = false; break }
        if isSorted { return }
        func cellBits(_ l: CellLocation) -> UInt64 {
            UInt64(UInt32(bitPattern: l.sheet)) << 34 | UInt64(l.address.row) << 14 | UInt64(l.address.column)
        }
        let positionBits = Int.bitWidth - (changes.count - 1).leadingZeroBitCount
        let largestCell = changes.lazy.map { cellBits($0.location) }.max() ?? 0
        let cellBitCount = UInt64.bitWidth - largestCell.leadingZeroBitCount
        guard cellBitCount + positionBits <= UInt64.bitWidth else {
            // A sheet index too large to leave room for the positions.
            changes.sort { $0.location < $1.location }
            return
        }
        var order = changes.indices.map { cellBits(changes[$0].location) << UInt64(positionBits) | UInt64($0) }
        RadixSort.sort(&order, bits: positionBits..<(positionBits + cellBitCount))
        let mask = (UInt64(1) << UInt64(positionBits)) - 1
        let recorded = changes
        changes = order.map { recorded[Int($0 & mask)] }
    }
}
