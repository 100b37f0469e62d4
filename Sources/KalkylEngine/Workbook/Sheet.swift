/// One sheet: its name, its cells by column, and how it is shown (column widths, number formats).
public struct Sheet: Sendable {
    public internal(set) var name: String
    var columns: [Column] = []
    /// Column widths in characters, by column index.
    public var columnWidths: [Int32: Double] = [:]
    /// Number formats by area, in the order they were given; the last that covers a cell wins.
    public var numberFormats: [(range: CellRange, format: String)] = []

    init(name: String) {
        self.name = name
    }

    @inline(__always)
    func value(row: Int32, column: Int32) -> Value {
        column < columns.count ? columns[Int(column)].value(at: Int(row)) : .empty
    }

    @inline(__always)
    func formula(row: Int32, column: Int32) -> Int32 {
        column < columns.count ? columns[Int(column)].formula(at: Int(row)) : Column.noFormula
    }

    mutating func set(_ value: Value, formula: Int32, at address: CellAddress) {
        let c = Int(address.column)
        if c >= columns.count {
            if case .empty = value, formula == Column.noFormula { return }
            columns.append(contentsOf: repeatElement(Column(), count: c + 1 - columns.count))
        }
        columns[c].set(value, formula: formula, at: Int(address.row))
    }

    @inline(__always)
    mutating func setComputedValue(_ value: Value, at address: CellAddress) {
        columns[Int(address.column)].setComputedValue(value, at: Int(address.row))
    }

    @inline(__always)
    mutating func setComputedNumber(_ n: Double, at address: CellAddress) -> Bool {
        columns[Int(address.column)].setComputedNumber(n, at: Int(address.row))
    }

    /// The last used row and column + 1 (0 when the sheet is empty).
    public var usedRowCount: Int { columns.reduce(0) { max($0, $1.count) } }
    public var usedColumnCount: Int {
        var n = columns.count
        while n > 0 && columns[n - 1].count == 0 { n -= 1 }
        return n
    }

    /// Every cell that holds a value or a formula, column by column.
    func forEachUsedCell(_ body: (CellAddress, Value, Int32) -> Void) {
        for (c, column) in columns.enumerated() {
            for r in 0..<column.count {
                let formula = column.formulas[r]
                if formula == Column.noFormula && column.isEmpty(at: r) { continue }
                body(CellAddress(row: r, column: c), column.value(at: r), formula)
            }
        }
    }

    /// Every cell that holds a value or a formula, row by row (as a file writes them) without
    /// sorting: each row visits only the columns that reach it, so a walk costs what the
    /// column-by-column one does even when one column is far taller than the others.
    func forEachUsedCellByRow<E: Error>(_ body: (CellAddress, Value, Int32) throws(E) -> Void) throws(E) {
        var reaching = columns.indices.filter { columns[$0].count > 0 }
        var r = 0
        while !reaching.isEmpty {
            var kept = 0
            for c in reaching {
                let column = columns[c]
                let formula = column.formulas[r]
                if formula != Column.noFormula || !column.isEmpty(at: r) {
                    try body(CellAddress(row: Int32(r), column: Int32(c)), column.value(at: r), formula)
                }
                if column.count > r + 1 {
                    reaching[kept] = c
                    kept += 1
                }
            }
            reaching.removeLast(reaching.count - kept)
            r += 1
        }
    }

    /// The number format that applies to a cell, if any.
    public func numberFormat(at address: CellAddress) -> String? {
        numberFormats.last(where: { $0.range.contains(address) })?.format
    }
}
