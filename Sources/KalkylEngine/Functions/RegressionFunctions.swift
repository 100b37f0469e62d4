import Foundation

/// Two samples side by side: correlation, covariance and the least-squares line, and LINEST,
/// LOGEST, TREND and GROWTH for several explanatory variables. Pairs where either value is not
/// a number are left out (CORREL and its kin); samples of different sizes are #N/A, and a line
/// through points with no spread in x is #DIV/0!.
extension FunctionRegistry {
    static let regressionFunctions: [FunctionDefinition] = [
        paired("CORREL") { (x, y) throws(FormulaError) in try Regression.correlation(x, y) },
        paired("PEARSON") { (x, y) throws(FormulaError) in try Regression.correlation(x, y) },
        paired("RSQ") { (x, y) throws(FormulaError) in pow(try Regression.correlation(x, y), 2) },
        paired("COVAR") { (x, y) throws(FormulaError) in try Regression.covariance(x, y, sample: false) },
        paired("COVARIANCE.P") { (x, y) throws(FormulaError) in try Regression.covariance(x, y, sample: false) },
        paired("COVARIANCE.S") { (x, y) throws(FormulaError) in try Regression.covariance(x, y, sample: true) },
        // SLOPE, INTERCEPT and STEYX take the y values first.
        paired("SLOPE") { (y, x) throws(FormulaError) in try Regression.line(x, y).slope },
        paired("INTERCEPT") { (y, x) throws(FormulaError) in try Regression.line(x, y).intercept },
        paired("STEYX") { (y, x) throws(FormulaError) in
            guard x.count >= 3 else { throw FormulaError.divisionByZero }
            let (slope, intercept) = try Regression.line(x, y)
            let residuals = zip(x, y).reduce(0) { $0 + pow($1.1 - (intercept + slope * $1.0), 2) }
            return (residuals / Double(x.count - 2)).squareRoot()
        },
        forecast("FORECAST"), forecast("FORECAST.LINEAR"),
        FunctionDefinition("LINEST", 1...4) { (args) throws(FormulaError) in
            try Regression.estimate(args, logarithmic: false)
        },
        FunctionDefinition("LOGEST", 1...4) { (args) throws(FormulaError) in
            try Regression.estimate(args, logarithmic: true)
        },
        FunctionDefinition("TREND", 1...4) { (args) throws(FormulaError) in
            try Regression.fitted(args, logarithmic: false)
        },
        FunctionDefinition("GROWTH", 1...4) { (args) throws(FormulaError) in
            try Regression.fitted(args, logarithmic: true)
        },
    ]

    private static func paired(_ name: String, _ body: @escaping @Sendable ([Double], [Double]) throws(FormulaError) -> Double) -> FunctionDefinition {
        FunctionDefinition(name, 2...2) { (args) throws(FormulaError) in
            let (x, y) = try args.numberPairs(0, 1)
            return .value(try finite(try body(x, y)))
        }
    }

    private static func forecast(_ name: String) -> FunctionDefinition {
        FunctionDefinition(name, 3...3) { (args) throws(FormulaError) in
            let (y, x) = try args.numberPairs(1, 2)
            let (slope, intercept) = try Regression.line(x, y)
            return try lifting(args, 0) { value in intercept + slope * value }
        }
    }
}

enum Regression {
    static func covariance(_ x: [Double], _ y: [Double], sample: Bool) throws(FormulaError) -> Double {
        guard x.count > (sample ? 1 : 0) else { throw FormulaError.divisionByZero }
        let mx = Moments.mean(x), my = Moments.mean(y)
        let sum = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        return sum / Double(sample ? x.count - 1 : x.count)
    }

    static func correlation(_ x: [Double], _ y: [Double]) throws(FormulaError) -> Double {
        guard !x.isEmpty else { throw FormulaError.divisionByZero }
        let sx = Moments.squaredDeviations(x), sy = Moments.squaredDeviations(y)
        guard sx > 0, sy > 0 else { throw FormulaError.divisionByZero }
        let mx = Moments.mean(x), my = Moments.mean(y)
        return zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / (sx * sy).squareRoot()
    }

    static func line(_ x: [Double], _ y: [Double]) throws(FormulaError) -> (slope: Double, intercept: Double) {
        guard !x.isEmpty else { throw FormulaError.divisionByZero }
        let sx = Moments.squaredDeviations(x)
        guard sx > 0 else { throw FormulaError.divisionByZero }
        let mx = Moments.mean(x), my = Moments.mean(y)
        let slope = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / sx
        return (slope, my - slope * mx)
    }

    /// The y values, the explanatory variables per observation, and whether observations run
    /// down columns (y is a column) or along rows.
    struct Design {
        var y: [Double]
        var x: [[Double]]
        var byRows: Bool
        var variables: Int { x.first?.count ?? 0 }
    }

    static func numbers(_ m: Matrix) throws(FormulaError) -> [Double] {
        try m.values.map { (v) throws(FormulaError) in
            switch v {
            case .number(let n): return n
            case .error(let e): throw e
            default: throw FormulaError.value
            }
        }
    }

    static func design(_ args: Arguments, logarithmic: Bool) throws(FormulaError) -> Design {
        let yMatrix = try args.matrix(0)
        var y = try numbers(yMatrix)
        if logarithmic {
            guard y.allSatisfy({ $0 > 0 }) else { throw FormulaError.number }
            y = y.map { log($0) }
        }
        let byRows = yMatrix.columns == 1
        guard !args.isOmitted(1) else {
            return Design(y: y, x: y.indices.map { [Double($0 + 1)] }, byRows: byRows)
        }
        let xMatrix = try args.matrix(1)
        let xs = try numbers(xMatrix)
        if xs.count == y.count && (xMatrix.rows == 1 || xMatrix.columns == 1) {
            return Design(y: y, x: xs.map { [$0] }, byRows: byRows)
        }
        if byRows, xMatrix.rows == y.count {
            return Design(y: y, x: (0..<xMatrix.rows).map { r in (0..<xMatrix.columns).map { xs[r * xMatrix.columns + $0] } }, byRows: true)
        }
        if yMatrix.rows == 1, xMatrix.columns == y.count {
            return Design(y: y, x: (0..<xMatrix.columns).map { c in (0..<xMatrix.rows).map { xs[$0 * xMatrix.columns + c] } }, byRows: false)
        }
        throw FormulaError.reference
    }

    struct Fit {
        var coefficients: [Double]   // one per variable, in order
        var intercept: Double
        var inverse: [[Double]]      // (XᵀX)⁻¹ of the design with its constant column first
    }

    static func fit(_ d: Design, constant: Bool) throws(FormulaError) -> Fit {
        let rows = d.x.map { constant ? [1] + $0 : $0 }
        let columns = rows.first?.count ?? 0
        guard d.y.count > 0, columns > 0 else { throw FormulaError.value }
        // XᵀX costs rows · columns²: as much as the matrix functions may do.
        guard Double(rows.count) * Double(columns) * Double(columns) <= MatrixArgument.mostOperations else { throw FormulaError.number }
        let xt = LinearAlgebra.transpose(rows)
        let xtx = LinearAlgebra.product(xt, rows)
        let inverse = try LinearAlgebra.inverse(xtx)
        let xty = LinearAlgebra.product(xt, d.y.map { [$0] }).map { $0[0] }
        let beta = inverse.map { row in zip(row, xty).reduce(0) { $0 + $1.0 * $1.1 } }
        return Fit(coefficients: Array(beta.dropFirst(constant ? 1 : 0)), intercept: constant ? beta[0] : 0, inverse: inverse)
    }

    static func predict(_ fit: Fit, _ x: [Double]) -> Double {
        fit.intercept + zip(fit.coefficients, x).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// LINEST and LOGEST: the coefficients last variable first, then the constant; with `stats`
    /// four more rows (standard errors; r² and the error of y; F and the degrees of freedom; the
    /// regression and residual sums of squares), #N/A where a row has fewer values.
    static func estimate(_ args: Arguments, logarithmic: Bool) throws(FormulaError) -> Operand {
        let d = try design(args, logarithmic: logarithmic)
        let constant = try args.boolean(2, default: true), stats = try args.boolean(3, default: false)
        let f = try fit(d, constant: constant)
        let k = d.variables
        let transform: (Double) -> Double = logarithmic ? { exp($0) } : { $0 }
        var first: [Value] = f.coefficients.reversed().map { .number(transform($0)) }
        first.append(.number(transform(f.intercept)))
        guard stats else { return .array(Matrix(rows: 1, columns: k + 1, values: first)) }
        let n = Double(d.y.count)
        let df = n - Double(k) - (constant ? 1 : 0)
        let fitted = d.x.map { predict(f, $0) }
        let meanY = constant ? Moments.mean(d.y) : 0
        let ssResidual = zip(d.y, fitted).reduce(0) { $0 + pow($1.0 - $1.1, 2) }
        let ssTotal = d.y.reduce(0) { $0 + pow($1 - meanY, 2) }
        let ssRegression = ssTotal - ssResidual
        let r2 = ssTotal == 0 ? 1 : ssRegression / ssTotal
        let errorOfY = df > 0 ? (ssResidual / df).squareRoot() : Double.nan
        let variance = df > 0 ? ssResidual / df : Double.nan
        let offset = constant ? 1 : 0
        var errors: [Value] = (0..<k).reversed().map { .number((f.inverse[$0 + offset][$0 + offset] * variance).squareRoot()) }
        errors.append(constant ? .number((f.inverse[0][0] * variance).squareRoot()) : .error(.notAvailable))
        let na = Value.error(.notAvailable)
        let fStatistic = df > 0 && ssResidual > 0 ? (ssRegression / Double(k)) / (ssResidual / df) : Double.nan
        func row(_ a: Value, _ b: Value) -> [Value] { [a, b] + Array(repeating: na, count: k - 1) }
        let number: (Double) -> Value = { $0.isFinite ? .number($0) : .error(.number) }
        let values = first + errors.map { if case .number(let x) = $0 { return number(x) }; return $0 }
            + row(number(r2), number(errorOfY)) + row(number(fStatistic), .number(df))
            + row(number(ssRegression), number(ssResidual))
        return .array(Matrix(rows: 5, columns: k + 1, values: values))
    }

    /// TREND and GROWTH: the fitted values at new x values (the known ones by default).
    static func fitted(_ args: Arguments, logarithmic: Bool) throws(FormulaError) -> Operand {
        let d = try design(args, logarithmic: logarithmic)
        let f = try fit(d, constant: try args.boolean(3, default: true))
        let transform: (Double) -> Double = logarithmic ? { exp($0) } : { $0 }
        let k = d.variables
        guard !args.isOmitted(2) else {
            let values = d.x.map { Value.number(transform(predict(f, $0))) }
            let shape = try args.matrix(0)
            return .array(Matrix(rows: shape.rows, columns: shape.columns, values: values))
        }
        let newMatrix = try args.matrix(2)
        let xs = try numbers(newMatrix)
        if k == 1 {
            return .array(Matrix(rows: newMatrix.rows, columns: newMatrix.columns, values: xs.map { .number(transform(predict(f, [$0]))) }))
        }
        if d.byRows {
            guard newMatrix.columns == k else { throw FormulaError.reference }
            let values = (0..<newMatrix.rows).map { r in Value.number(transform(predict(f, Array(xs[(r * k)..<(r * k + k)])))) }
            return .array(Matrix(rows: newMatrix.rows, columns: 1, values: values))
        }
        guard newMatrix.rows == k else { throw FormulaError.reference }
        let values = (0..<newMatrix.columns).map { c in Value.number(transform(predict(f, (0..<k).map { xs[$0 * newMatrix.columns + c] }))) }
        return .array(Matrix(rows: 1, columns: newMatrix.columns, values: values))
    }
}
