import Foundation

/// Matrices and paired sums: MMULT, MINVERSE, MDETERM, MUNIT, SUMX2MY2, SUMX2PY2, SUMXMY2 and
/// SERIESSUM. A matrix with an empty or text cell is #VALUE!; one of the wrong shape too; a
/// singular matrix has no inverse (#NUM!).
extension FunctionRegistry {
    static let matrixFunctions: [FunctionDefinition] = [
        FunctionDefinition("MMULT", 2...2) { (args) throws(FormulaError) in
            let a = try MatrixArgument.rows(try args.matrix(0)), b = try MatrixArgument.rows(try args.matrix(1))
            guard a[0].count == b.count else { throw FormulaError.value }
            guard Double(a.count) * Double(b.count) * Double(b[0].count) <= MatrixArgument.mostOperations else { throw FormulaError.number }
            return MatrixArgument.array(LinearAlgebra.product(a, b))
        },
        FunctionDefinition("MINVERSE", 1...1) { (args) throws(FormulaError) in
            let a = try MatrixArgument.square(try args.matrix(0))
            return MatrixArgument.array(try LinearAlgebra.inverse(a))
        },
        FunctionDefinition("MDETERM", 1...1) { (args) throws(FormulaError) in
            .value(try finite(LinearAlgebra.determinant(try MatrixArgument.square(try args.matrix(0)))))
        },
        FunctionDefinition("MUNIT", 1...1) { (args) throws(FormulaError) in
            let n = try args.integer(0)
            guard n >= 1 else { throw FormulaError.value }
            try Matrix.checkSize(rows: n, columns: n)
            return MatrixArgument.array(LinearAlgebra.identity(n))
        },
        pairedSum("SUMX2MY2") { x, y in x * x - y * y },
        pairedSum("SUMX2PY2") { x, y in x * x + y * y },
        pairedSum("SUMXMY2") { x, y in (x - y) * (x - y) },
        FunctionDefinition("SERIESSUM", 4...4) { (args) throws(FormulaError) in
            let x = try args.number(0), n = try args.number(1), m = try args.number(2)
            let coefficients = try Regression.numbers(try args.matrix(3))
            var total = 0.0
            for (i, a) in coefficients.enumerated() { total += a * pow(x, n + Double(i) * m) }
            return .value(try finite(total))
        },
    ]

    private static func pairedSum(_ name: String, _ term: @escaping @Sendable (Double, Double) -> Double) -> FunctionDefinition {
        FunctionDefinition(name, 2...2) { (args) throws(FormulaError) in
            let (x, y) = try args.numberPairs(0, 1)
            return .value(try finite(zip(x, y).reduce(0) { $0 + term($1.0, $1.1) }))
        }
    }
}

/// Arguments read as matrices of numbers.
enum MatrixArgument {
    static func rows(_ m: Matrix) throws(FormulaError) -> [[Double]] {
        let numbers = try m.values.map { (v) throws(FormulaError) -> Double in
            switch v {
            case .number(let n): return n
            case .error(let e): throw e
            default: throw FormulaError.value
            }
        }
        return (0..<m.rows).map { r in Array(numbers[(r * m.columns)..<((r + 1) * m.columns)]) }
    }

    /// The most multiplications a matrix function does (a 585 × 585 inverse, a 200-million-step
    /// product): beyond, #NUM! rather than minutes of work.
    static let mostOperations = 2e8

    static func square(_ m: Matrix) throws(FormulaError) -> [[Double]] {
        guard m.rows == m.columns else { throw FormulaError.value }
        guard Double(m.rows) * Double(m.rows) * Double(m.rows) <= mostOperations else { throw FormulaError.number }
        return try rows(m)
    }

    static func array(_ rows: [[Double]]) -> Operand {
        let columns = rows.first?.count ?? 0
        return .array(Matrix(rows: rows.count, columns: columns, values: rows.joined().map { $0.isFinite ? .number($0) : .error(.number) }))
    }
}
