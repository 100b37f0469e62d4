/// The cells a reference covers, relative to the formula's cell where it is not absolute:
/// a `Reference` without its sheet name, so compiled formulas hold it as plain data (copying it
/// costs no reference counting in the evaluator's loop).
public struct RelativeArea: Hashable, Sendable {
    public var shape: Reference.Shape
    public var startRow: ReferenceCoordinate
    public var startColumn: ReferenceCoordinate
    public var endRow: ReferenceCoordinate
    public var endColumn: ReferenceCoordinate

    /// The rectangle covered from a host cell, or nil when it falls off the sheet (#REF!).
    @inline(__always)
    public func resolve(from host: CellAddress) -> CellRange? {
        switch shape {
        case .columns:
            let c1 = startColumn.resolve(from: host.column), c2 = endColumn.resolve(from: host.column)
            guard c1 >= 0, c2 >= 0, c1 < CellAddress.maxColumns, c2 < CellAddress.maxColumns else { return nil }
            return CellRange(CellAddress(row: 0, column: c1), CellAddress(row: CellAddress.maxRows - 1, column: c2))
        case .rows:
            let r1 = startRow.resolve(from: host.row), r2 = endRow.resolve(from: host.row)
            guard r1 >= 0, r2 >= 0, r1 < CellAddress.maxRows, r2 < CellAddress.maxRows else { return nil }
            return CellRange(CellAddress(row: r1, column: 0), CellAddress(row: r2, column: CellAddress.maxColumns - 1))
        case .cell, .area:
            let a = CellAddress(row: startRow.resolve(from: host.row), column: startColumn.resolve(from: host.column))
            let b = CellAddress(row: endRow.resolve(from: host.row), column: endColumn.resolve(from: host.column))
            guard a.isValid, b.isValid else { return nil }
            return CellRange(a, b)
        }
    }
}
