/// A rectangle of cells on one sheet, corners included, always normalised so that
/// `start` is the top-left and `end` the bottom-right.
public struct CellRange: Hashable, Sendable {
    public var start: CellAddress
    public var end: CellAddress

    public init(_ a: CellAddress, _ b: CellAddress) {
        start = CellAddress(row: min(a.row, b.row), column: min(a.column, b.column))
        end = CellAddress(row: max(a.row, b.row), column: max(a.column, b.column))
    }

    public init(_ cell: CellAddress) { self.init(cell, cell) }

    public var rowCount: Int { Int(end.row - start.row) + 1 }
    public var columnCount: Int { Int(end.column - start.column) + 1 }
    public var cellCount: Int { rowCount * columnCount }
    public var isSingleCell: Bool { start == end }

    /// Whether the two ranges share a cell.
    public func intersects(_ other: CellRange) -> Bool {
        start.row <= other.end.row && other.start.row <= end.row && start.column <= other.end.column && other.start.column <= end.column
    }

    public func contains(_ cell: CellAddress) -> Bool {
        cell.row >= start.row && cell.row <= end.row && cell.column >= start.column && cell.column <= end.column
    }

    /// Whether the two share a cell.
    public func overlaps(_ other: CellRange) -> Bool {
        start.row <= other.end.row && other.start.row <= end.row && start.column <= other.end.column && other.start.column <= end.column
    }

    /// Every address, row by row.
    public var addresses: [CellAddress] {
        var result: [CellAddress] = []
        result.reserveCapacity(cellCount)
        for r in start.row...end.row {
            for c in start.column...end.column { result.append(CellAddress(row: r, column: c)) }
        }
        return result
    }
}

extension CellRange: CustomStringConvertible {
    /// `A1:B3`, or `A1` for a single cell.
    public var description: String {
        isSingleCell ? start.description : "\(start):\(end)"
    }

    /// Parses `A1:B3`, `B7` or `$A$1:$B$3`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let a = CellAddress(parts[0]) else { return nil }
            self.init(a)
        case 2:
            guard let a = CellAddress(parts[0]), let b = CellAddress(parts[1]) else { return nil }
            self.init(a, b)
        default:
            return nil
        }
    }
}
