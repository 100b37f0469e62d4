import KalkylEngine

/// Which row and cell a sheet part's `<row>` and `<c>` stand for. OOXML lets `r` be left out
/// (then it is the next row, the next column); the reader and the patcher both go through
/// here, so they find the same cells.
struct SheetCursor {
    /// A `<row>` or `<c>` that names no valid place.
    struct Invalid: Error {
        var message: String
    }

    /// The current row (0-based; -1 before the first).
    private(set) var row: Int32 = -1
    private var nextColumn: Int32 = 0
    /// The first `<c r="…">` that names a cell of another row than its `<row>` (the file is
    /// read by the cells' own addresses, but a patch goes row by row and cannot follow it).
    private(set) var cellOutsideItsRow: (cell: CellAddress, row: Int32)?

    @inline(__always)
    mutating func enterRow(_ attributes: XMLAttributes) throws(Invalid) {
        try enterRow(r: attributes["r"])
    }

    /// A `<row r="…">` whose row number (1 to 1 048 576) was read already, as the scanner reads
    /// it from the bytes.
    @inline(__always)
    mutating func enterRow(number: Int32) {
        row = number - 1
        nextColumn = 0
    }

    /// A `<row>` with its `r`, if it has one.
    @inline(__always)
    mutating func enterRow(r: String?) throws(Invalid) {
        if let text = r {
            guard let r = Int32(text), r >= 1, r <= CellAddress.maxRows else {
                throw Invalid(message: "<row r=\"\(text.prefix(40))\"> is not a row number (1 to 1 048 576)")
            }
            row = r - 1
        } else {
            guard row + 1 < CellAddress.maxRows else { throw Invalid(message: "more than 1 048 576 rows") }
            row += 1
        }
        nextColumn = 0
    }

    @inline(__always)
    mutating func enterCell(_ attributes: XMLAttributes) throws(Invalid) -> CellAddress {
        try enterCell(r: attributes["r"])
    }

    /// A `<c>` with its `r`, if it has one.
    @inline(__always)
    mutating func enterCell(r: String?) throws(Invalid) -> CellAddress {
        let address: CellAddress
        if let r {
            guard let parsed = CellAddress(r) else {
                throw Invalid(message: "<c r=\"\(r.prefix(40))\"> is not a cell reference (A1 to XFD1048576)")
            }
            address = parsed
        } else {
            guard nextColumn < CellAddress.maxColumns else {
                throw Invalid(message: "row \(max(row, 0) + 1) has more than 16 384 cells")
            }
            address = CellAddress(row: max(row, 0), column: nextColumn)
        }
        return enterCell(at: address)
    }

    /// A `<c>` whose `r` was read already (as the scanner reads it from the bytes).
    @inline(__always)
    mutating func enterCell(at address: CellAddress) -> CellAddress {
        nextColumn = address.column + 1
        if address.row != row && row >= 0 && cellOutsideItsRow == nil { cellOutsideItsRow = (address, row) }
        return address
    }
}
