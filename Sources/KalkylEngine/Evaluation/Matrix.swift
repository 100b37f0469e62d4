/// A rectangular array of values: an array constant `{1,2;3,4}`, or what an operator makes of
/// ranges (`A1:A3*2`).
public struct Matrix: Hashable, Sendable {
    public var rows: Int
    public var columns: Int
    /// Row by row.
    public var values: [Value]

    public init(rows: Int, columns: Int, values: [Value]) {
        precondition(values.count == rows * columns)
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The most elements an array may have: four whole columns (4 × 1 048 576), about 100 MB.
    /// A larger array (`A:XFD*1`, `1:1=A:A`) is #NUM! instead of a wrong number or an
    /// allocation that ends the process.
    public static let maximumCount = 4 * 1_048_576

    /// Throws #NUM! unless an array of this size may be made.
    @inline(__always)
    static func checkSize(rows: Int, columns: Int) throws(FormulaError) {
        guard rows * columns <= maximumCount else { throw FormulaError.number }
    }

    public init(rows: Int, columns: Int, repeating value: Value) {
        self.init(rows: rows, columns: columns, values: Array(repeating: value, count: rows * columns))
    }

    @inline(__always)
    public subscript(row: Int, column: Int) -> Value {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// Broadcast access as Excel does for arrays of different sizes: a single row or column
    /// repeats; beyond the array's size the element is #N/A.
    @inline(__always)
    func broadcast(row: Int, column: Int) -> Value {
        let r = rows == 1 ? 0 : row
        let c = columns == 1 ? 0 : column
        guard r < rows, c < columns else { return .error(.notAvailable) }
        return values[r * columns + c]
    }
}
