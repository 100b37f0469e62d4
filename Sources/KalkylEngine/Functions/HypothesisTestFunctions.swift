import Foundation

/// Tests of samples (T.TEST, F.TEST, CHISQ.TEST, Z.TEST) and confidence intervals, under the new
/// names and the legacy ones. They give the probability of the observed difference, not the
/// statistic; too few numbers for a variance is #DIV/0!.
extension FunctionRegistry {
    static let hypothesisTestFunctions: [FunctionDefinition] = [
        FunctionDefinition("T.TEST", 4...4) { (args) throws(FormulaError) in .number(try Tests.student(args)) },
        FunctionDefinition("TTEST", 4...4) { (args) throws(FormulaError) in .number(try Tests.student(args)) },
        FunctionDefinition("F.TEST", 2...2) { (args) throws(FormulaError) in .number(try Tests.fisher(args)) },
        FunctionDefinition("FTEST", 2...2) { (args) throws(FormulaError) in .number(try Tests.fisher(args)) },
        FunctionDefinition("CHISQ.TEST", 2...2) { (args) throws(FormulaError) in .number(try Tests.chiSquared(args)) },
        FunctionDefinition("CHITEST", 2...2) { (args) throws(FormulaError) in .number(try Tests.chiSquared(args)) },
        FunctionDefinition("Z.TEST", 2...3) { (args) throws(FormulaError) in .number(try Tests.z(args)) },
        FunctionDefinition("ZTEST", 2...3) { (args) throws(FormulaError) in .number(try Tests.z(args)) },
        .scalar("CONFIDENCE.NORM", 3...3) { (args) throws(FormulaError) in try Tests.confidence(args, student: false) },
        .scalar("CONFIDENCE", 3...3) { (args) throws(FormulaError) in try Tests.confidence(args, student: false) },
        .scalar("CONFIDENCE.T", 3...3) { (args) throws(FormulaError) in try Tests.confidence(args, student: true) },
    ]
}

enum Tests {
    static func student(_ args: Arguments) throws(FormulaError) -> Double {
        let tails = try args.integer(2), type = try args.integer(3)
        guard tails == 1 || tails == 2, (1...3).contains(type) else { throw FormulaError.number }
        let t: Double, df: Double
        if type == 1 {
            let a = try args.matrix(0), b = try args.matrix(1)
            guard a.values.count == b.values.count else { throw FormulaError.notAvailable }
            let (x, y) = try args.numberPairs(0, 1)
            let d = zip(x, y).map { $0 - $1 }
            guard d.count >= 2 else { throw FormulaError.divisionByZero }
            let s = try Moments.variance(d, sample: true)
            guard s > 0 else { throw FormulaError.divisionByZero }
            t = Moments.mean(d) / (s / Double(d.count)).squareRoot()
            df = Double(d.count - 1)
        } else {
            let x = try args.numbers(at: 0), y = try args.numbers(at: 1)
            guard x.count >= 2, y.count >= 2 else { throw FormulaError.divisionByZero }
            let n1 = Double(x.count), n2 = Double(y.count)
            let v1 = try Moments.variance(x, sample: true), v2 = try Moments.variance(y, sample: true)
            let difference = Moments.mean(x) - Moments.mean(y)
            if type == 2 {
                let pooled = ((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2)
                guard pooled > 0 else { throw FormulaError.divisionByZero }
                t = difference / (pooled * (1 / n1 + 1 / n2)).squareRoot()
                df = n1 + n2 - 2
            } else {
                let a = v1 / n1, b = v2 / n2
                guard a + b > 0 else { throw FormulaError.divisionByZero }
                t = difference / (a + b).squareRoot()
                df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1))
            }
        }
        return Double(tails) * Distribution.studentTail(abs(t), df)
    }

    static func fisher(_ args: Arguments) throws(FormulaError) -> Double {
        let x = try args.numbers(at: 0), y = try args.numbers(at: 1)
        guard x.count >= 2, y.count >= 2 else { throw FormulaError.divisionByZero }
        let v1 = try Moments.variance(x, sample: true), v2 = try Moments.variance(y, sample: true)
        guard v1 > 0, v2 > 0 else { throw FormulaError.divisionByZero }
        let f = v1 / v2, d1 = Double(x.count - 1), d2 = Double(y.count - 1)
        return min(1, 2 * min(Distribution.fisherCDF(f, d1, d2), Distribution.fisherTail(f, d1, d2)))
    }

    static func chiSquared(_ args: Arguments) throws(FormulaError) -> Double {
        let actual = try args.matrix(0), expected = try args.matrix(1)
        guard actual.rows == expected.rows, actual.columns == expected.columns else { throw FormulaError.notAvailable }
        var statistic = 0.0
        for (a, e) in zip(actual.values, expected.values) {
            if case .error(let err) = a { throw err }
            if case .error(let err) = e { throw err }
            guard case .number(let o) = a, case .number(let x) = e else { continue }
            guard x != 0 else { throw FormulaError.divisionByZero }
            guard x > 0 else { throw FormulaError.number }
            statistic += (o - x) * (o - x) / x
        }
        let r = Double(actual.rows), c = Double(actual.columns)
        let df = r > 1 && c > 1 ? (r - 1) * (c - 1) : max(r, c) - 1
        guard df >= 1 else { throw FormulaError.notAvailable }
        return SpecialFunctions.upperGamma(df / 2, statistic / 2)
    }

    static func z(_ args: Arguments) throws(FormulaError) -> Double {
        let x = try args.numbers(at: 0), mu = try args.number(1)
        guard !x.isEmpty else { throw FormulaError.notAvailable }
        let sigma = args.isOmitted(2) ? try Moments.variance(x, sample: true).squareRoot() : try args.number(2)
        guard sigma > 0 else { throw FormulaError.divisionByZero }
        return 1 - SpecialFunctions.normalCDF((Moments.mean(x) - mu) / (sigma / Double(x.count).squareRoot()))
    }

    static func confidence(_ args: Arguments, student: Bool) throws(FormulaError) -> Value {
        let alpha = try args.number(0), sd = try args.number(1), n = (try args.number(2)).rounded(.towardZero)
        guard alpha > 0, alpha < 1, sd > 0, n >= 1 else { throw FormulaError.number }
        if student {
            guard n > 1 else { throw FormulaError.divisionByZero }
            return .number(try Distribution.studentInverseTail(alpha / 2, n - 1) * sd / n.squareRoot())
        }
        return .number(SpecialFunctions.inverseNormal(1 - alpha / 2) * sd / n.squareRoot())
    }
}
