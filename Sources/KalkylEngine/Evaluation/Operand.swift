/// What lies on the evaluator's stack: a value, a reference (so functions like `ROW`, `OFFSET`
/// and `SUM` see cells, not copies) or an array.
public enum Operand: Sendable {
    case value(Value)
    case reference(sheet: Int32, range: CellRange)
    case array(Matrix)

    static let empty = Operand.value(.empty)

    @inline(__always)
    static func error(_ e: FormulaError) -> Operand { .value(.error(e)) }

    @inline(__always)
    static func number(_ n: Double) -> Operand {
        n.isFinite ? .value(.number(n)) : .value(.error(.number))
    }

    /// The number of rows and columns this operand spans.
    var dimensions: (rows: Int, columns: Int) {
        switch self {
        case .value: return (1, 1)
        case .reference(_, let range): return (range.rowCount, range.columnCount)
        case .array(let m): return (m.rows, m.columns)
        }
    }

    var isMultiCell: Bool {
        switch self {
        case .value: return false
        case .reference(_, let range): return !range.isSingleCell
        case .array(let m): return m.rows * m.columns > 1
        }
    }
}
