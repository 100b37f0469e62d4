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
}
