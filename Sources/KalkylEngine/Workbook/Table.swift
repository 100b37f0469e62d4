/// An Excel table (ListObject): a named rectangle of a sheet with an optional header row, data
/// rows and an optional totals row, whose columns have names. Formulas refer to its parts by
/// name (`StructuredReference`).
public struct Table: Hashable, Sendable {
    public var name: String
    public var sheet: Int
    /// The whole table, header and totals rows included.
    public var range: CellRange
    public var hasHeaderRow: Bool
    public var hasTotalsRow: Bool
    /// One name per column, left to right.
    public var columns: [String]

    public init(name: String, sheet: Int, range: CellRange, hasHeaderRow: Bool = true, hasTotalsRow: Bool = false, columns: [String]) {
        self.name = name
        self.sheet = sheet
        self.range = range
        self.hasHeaderRow = hasHeaderRow
        self.hasTotalsRow = hasTotalsRow
        self.columns = columns
    }

    /// The rows (first, last) of each part; nil when the table has no such part.
    func rows(_ part: StructuredReference.Rows) -> (first: Int32, last: Int32)? {
        let first = range.start.row, last = range.end.row
        let dataFirst = first + (hasHeaderRow ? 1 : 0), dataLast = last - (hasTotalsRow ? 1 : 0)
        switch part {
        case .all: return (first, last)
        case .headers: return hasHeaderRow ? (first, first) : nil
        case .totals: return hasTotalsRow ? (last, last) : nil
        case .data, .thisRow: return dataFirst <= dataLast ? (dataFirst, dataLast) : nil
        }
    }

    /// The column index (in the sheet) of a column's name, case-insensitively.
    func column(named name: String) -> Int32? {
        let upper = name.uppercased()
        return columns.firstIndex { $0.uppercased() == upper }.map { range.start.column + Int32($0) }
    }

    /// The cells a structured reference covers, as a reference on the table's sheet; nil for
    /// #REF! (an unknown column, a part the table does not have, rows not side by side).
    /// `[#This Row]` is the cell in the formula's own row: a row offset of 0.
    func reference(for structured: StructuredReference) -> RelativeArea? {
        let columns: (Int32, Int32)
        if let named = structured.columns {
            guard let a = column(named: named.first), let b = column(named: named.last) else { return nil }
            columns = (min(a, b), max(a, b))
        } else {
            columns = (range.start.column, range.end.column)
        }
        let parts = structured.rows.isEmpty ? [.data] : structured.rows
        if parts == [.thisRow] {
            return RelativeArea(shape: columns.0 == columns.1 ? .cell : .area,
                                startRow: ReferenceCoordinate(0, absolute: false), startColumn: ReferenceCoordinate(columns.0, absolute: true),
                                endRow: ReferenceCoordinate(0, absolute: false), endColumn: ReferenceCoordinate(columns.1, absolute: true))
        }
        guard !parts.contains(.thisRow) else { return nil }
        var first = Int32.max, last = Int32.min
        for part in parts {
            guard let rows = rows(part) else { return nil }
            // Parts must touch: #Headers with #Totals and no #Data is not one rectangle.
            if first != .max, rows.first > last + 1 || rows.last + 1 < first { return nil }
            first = min(first, rows.first)
            last = max(last, rows.last)
        }
        let single = first == last && columns.0 == columns.1
        return RelativeArea(shape: single ? .cell : .area,
                            startRow: ReferenceCoordinate(first, absolute: true), startColumn: ReferenceCoordinate(columns.0, absolute: true),
                            endRow: ReferenceCoordinate(last, absolute: true), endColumn: ReferenceCoordinate(columns.1, absolute: true))
    }
}
