/// A cell anywhere in a workbook: a sheet index and an address.
public struct CellLocation: Hashable, Sendable, Comparable {
    public var sheet: Int32
    public var address: CellAddress

    public init(sheet: Int, address: CellAddress) {
        self.sheet = Int32(sheet)
        self.address = address
    }

    public init(sheet: Int32, row: Int32, column: Int32) {
        self.sheet = sheet
        self.address = CellAddress(row: row, column: column)
    }

    public static func < (a: CellLocation, b: CellLocation) -> Bool {
        a.sheet != b.sheet ? a.sheet < b.sheet : a.address < b.address
    }

    /// One integer per cell for the dependency graph's tables: 20 bits of row, 14 of column,
    /// the sheet above them. Always non-negative (range nodes use negative keys).
    @inline(__always)
    var key: Int { Int(sheet) << 34 | Int(address.column) << 20 | Int(address.row) }

    @inline(__always)
    init(key: Int) {
        self.init(sheet: Int32(key >> 34), row: Int32(key & 0xF_FFFF), column: Int32((key >> 20) & 0x3FFF))
    }
}
