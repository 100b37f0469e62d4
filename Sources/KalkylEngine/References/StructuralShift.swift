/// Rows or columns inserted into, or deleted from, one sheet, and where that moves a cell or a
/// range, by Excel's rules:
/// - inserting before index `start` moves every index ≥ `start` by `count`; a range grows when
///   the insertion is inside it (after its first row), and does not when it is at its first row
///   (the range moves) or right below its last (the range stays);
/// - deleting `start…start+count-1` removes those indexes and moves the later ones back; a
///   range loses the deleted part and keeps the rest; a cell, or a range wholly deleted, is gone
///   (a formula then says `#REF!`).
public struct StructuralShift: Hashable, Sendable {
    public enum Axis: String, Hashable, Sendable { case rows, columns }

    public var sheet: Int
    public var axis: Axis
    /// The first row or column (0-based) inserted or deleted.
    public var start: Int32
    public var count: Int32
    public var isInsertion: Bool

    public init(sheet: Int, axis: Axis, start: Int32, count: Int32, isInsertion: Bool) {
        self.sheet = sheet
        self.axis = axis
        self.start = start
        self.count = count
        self.isInsertion = isInsertion
    }

    /// The shift that undoes this one's moves (not what a deletion removed).
    public var inverse: StructuralShift {
        StructuralShift(sheet: sheet, axis: axis, start: start, count: count, isInsertion: !isInsertion)
    }

    /// The last index inserted or deleted.
    public var end: Int32 { start + count - 1 }

    var limit: Int32 { axis == .rows ? CellAddress.maxRows : CellAddress.maxColumns }

    /// `rows 22` or `columns C:E`, as a person counts them.
    public var description: String {
        func name(_ i: Int32) -> String { axis == .rows ? String(i + 1) : A1.columnName(Int(i)) }
        let what = count == 1 ? (axis == .rows ? "row" : "column") : axis.rawValue
        return count == 1 ? "\(what) \(name(start))" : "\(what) \(name(start)):\(name(end))"
    }

    /// Where an index goes; nil when it is deleted or pushed off the sheet.
    public func moved(_ index: Int32) -> Int32? {
        if isInsertion {
            guard index >= start else { return index }
            let moved = index + count
            return moved < limit ? moved : nil
        }
        if index < start { return index }
        return index > end ? index - count : nil
    }

    /// Where the span `first…last` goes; nil when all of it is deleted. A span pushed past the
    /// sheet's edge by an insertion is cut there, as Excel keeps `A1:A1048576` whole.
    public func moved(span first: Int32, _ last: Int32) -> (Int32, Int32)? {
        if isInsertion {
            let a = first >= start ? first + count : first
            let b = last >= start ? last + count : last
            guard a < limit else { return nil }
            return (a, min(b, limit - 1))
        }
        if first >= start && last <= end { return nil }
        let a = first < start ? first : (first <= end ? start : first - count)
        let b = last > end ? last - count : (last >= start ? start - 1 : last)
        return (a, b)
    }

    /// Where a cell of the shifted sheet goes; nil when it is deleted.
    public func moved(_ address: CellAddress) -> CellAddress? {
        switch axis {
        case .rows: return moved(address.row).map { CellAddress(row: $0, column: address.column) }
        case .columns: return moved(address.column).map { CellAddress(row: address.row, column: $0) }
        }
    }

    /// Where a range of the shifted sheet goes; nil when all of it is deleted.
    public func moved(_ range: CellRange) -> CellRange? {
        switch axis {
        case .rows:
            guard let (a, b) = moved(span: range.start.row, range.end.row) else { return nil }
            return CellRange(CellAddress(row: a, column: range.start.column), CellAddress(row: b, column: range.end.column))
        case .columns:
            guard let (a, b) = moved(span: range.start.column, range.end.column) else { return nil }
            return CellRange(CellAddress(row: range.start.row, column: a), CellAddress(row: range.end.row, column: b))
        }
    }
}
