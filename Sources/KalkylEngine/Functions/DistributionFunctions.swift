import Foundation

/// The continuous distributions: density or cumulative probability (`cumulative` TRUE) and the
/// inverse of the cumulative probability, each under Excel's new name and its legacy one
/// (NORMDIST, TDIST …). Degrees of freedom are truncated to whole numbers, as Excel does; a
/// parameter outside the distribution's domain is #NUM!.
extension FunctionRegistry {
    static let distributionFunctions: [FunctionDefinition] = [
        .scalar("NORM.DIST", 4...4) { (args) throws(FormulaError) in try normal(args, cumulative: try args.boolean(3)) },
        .scalar("NORMDIST", 4...4) { (args) throws(FormulaError) in try normal(args, cumulative: try args.boolean(3)) },
        .scalar("NORM.S.DIST", 2...2) { (args) throws(FormulaError) in
            let z = try args.number(0)
            return .number(try args.boolean(1) ? SpecialFunctions.normalCDF(z) : SpecialFunctions.normalDensity(z))
        },
        .scalar("NORMSDIST", 1...1) { (args) throws(FormulaError) in .number(SpecialFunctions.normalCDF(try args.number(0))) },
        .scalar("PHI", 1...1) { (args) throws(FormulaError) in .number(SpecialFunctions.normalDensity(try args.number(0))) },
        .scalar("GAUSS", 1...1) { (args) throws(FormulaError) in
            let z = try args.number(0)
            // Φ(z) − ½ = ½·erf(z/√2), exact near zero.
            return .number(0.5 * erf(z / 2.0.squareRoot()))
        },
        .scalar("NORM.INV", 3...3) { (args) throws(FormulaError) in try normalInverse(args) },
        .scalar("NORMINV", 3...3) { (args) throws(FormulaError) in try normalInverse(args) },
        .scalar("NORM.S.INV", 1...1) { (args) throws(FormulaError) in .number(SpecialFunctions.inverseNormal(try probability(args, 0, open: true))) },
        .scalar("NORMSINV", 1...1) { (args) throws(FormulaError) in .number(SpecialFunctions.inverseNormal(try probability(args, 0, open: true))) },
        .scalar("LOGNORM.DIST", 4...4) { (args) throws(FormulaError) in try logNormal(args, cumulative: try args.boolean(3)) },
        .scalar("LOGNORMDIST", 3...3) { (args) throws(FormulaError) in try logNormal(args, cumulative: true) },
        .scalar("LOGNORM.INV", 3...3) { (args) throws(FormulaError) in try logNormalInverse(args) },
        .scalar("LOGINV", 3...3) { (args) throws(FormulaError) in try logNormalInverse(args) },

        .scalar("T.DIST", 3...3) { (args) throws(FormulaError) in
            let t = try args.number(0), df = try degrees(args, 1)
            return .number(try args.boolean(2) ? Distribution.studentCDF(t, df) : Distribution.studentDensity(t, df))
        },
        .scalar("T.DIST.RT", 2...2) { (args) throws(FormulaError) in
            .number(Distribution.studentTail(try args.number(0), try degrees(args, 1)))
        },
        .scalar("T.DIST.2T", 2...2) { (args) throws(FormulaError) in
            let t = try args.number(0), df = try degrees(args, 1)
            guard t >= 0 else { throw FormulaError.number }
            return .number(2 * Distribution.studentTail(t, df))
        },
        .scalar("TDIST", 3...3) { (args) throws(FormulaError) in
            let t = try args.number(0), df = try degrees(args, 1), tails = try args.integer(2)
            guard t >= 0, tails == 1 || tails == 2 else { throw FormulaError.number }
            return .number(Double(tails) * Distribution.studentTail(t, df))
        },
        .scalar("T.INV", 2...2) { (args) throws(FormulaError) in
            let p = try args.number(0), df = try degrees(args, 1)
            guard p > 0, p < 1 else { throw FormulaError.number }
            return .number(p < 0.5 ? -(try Distribution.studentInverseTail(p, df)) : try Distribution.studentInverseTail(1 - p, df))
        },
        .scalar("T.INV.2T", 2...2) { (args) throws(FormulaError) in try studentTwoTailedInverse(args) },
        .scalar("TINV", 2...2) { (args) throws(FormulaError) in try studentTwoTailedInverse(args) },

        .scalar("CHISQ.DIST", 3...3) { (args) throws(FormulaError) in
            let x = try args.number(0), df = try degrees(args, 1, most: 1e10)
            guard x >= 0 else { throw FormulaError.number }
            return try finite(try args.boolean(2) ? SpecialFunctions.lowerGamma(df / 2, x / 2) : Distribution.gammaDensity(x, df / 2, 2))
        },
        .scalar("CHISQ.DIST.RT", 2...2) { (args) throws(FormulaError) in try chiSquaredTail(args) },
        .scalar("CHIDIST", 2...2) { (args) throws(FormulaError) in try chiSquaredTail(args) },
        .scalar("CHISQ.INV", 2...2) { (args) throws(FormulaError) in
            let p = try probability(args, 0), df = try degrees(args, 1, most: 1e10)
            return .number(try SpecialFunctions.invert(p, lower: 0, upper: max(1, df)) { SpecialFunctions.lowerGamma(df / 2, $0 / 2) })
        },
        .scalar("CHISQ.INV.RT", 2...2) { (args) throws(FormulaError) in try chiSquaredInverseTail(args) },
        .scalar("CHIINV", 2...2) { (args) throws(FormulaError) in try chiSquaredInverseTail(args) },

        .scalar("F.DIST", 4...4) { (args) throws(FormulaError) in
            let x = try args.number(0), d1 = try degrees(args, 1), d2 = try degrees(args, 2)
            guard x >= 0 else { throw FormulaError.number }
            return try finite(try args.boolean(3) ? Distribution.fisherCDF(x, d1, d2) : Distribution.fisherDensity(x, d1, d2))
        },
        .scalar("F.DIST.RT", 3...3) { (args) throws(FormulaError) in try fisherTail(args) },
        .scalar("FDIST", 3...3) { (args) throws(FormulaError) in try fisherTail(args) },
        .scalar("F.INV", 3...3) { (args) throws(FormulaError) in
            let p = try probability(args, 0), d1 = try degrees(args, 1), d2 = try degrees(args, 2)
            return .number(try SpecialFunctions.invert(p, lower: 0, upper: 1) { Distribution.fisherCDF($0, d1, d2) })
        },
        .scalar("F.INV.RT", 3...3) { (args) throws(FormulaError) in try fisherInverseTail(args) },
        .scalar("FINV", 3...3) { (args) throws(FormulaError) in try fisherInverseTail(args) },

        .scalar("EXPON.DIST", 3...3) { (args) throws(FormulaError) in try exponential(args) },
        .scalar("EXPONDIST", 3...3) { (args) throws(FormulaError) in try exponential(args) },
        .scalar("GAMMA.DIST", 4...4) { (args) throws(FormulaError) in try gammaDistribution(args) },
        .scalar("GAMMADIST", 4...4) { (args) throws(FormulaError) in try gammaDistribution(args) },
        .scalar("GAMMA.INV", 3...3) { (args) throws(FormulaError) in try gammaInverse(args) },
        .scalar("GAMMAINV", 3...3) { (args) throws(FormulaError) in try gammaInverse(args) },
        .scalar("BETA.DIST", 4...6) { (args) throws(FormulaError) in
            try betaDistribution(args, cumulative: try args.boolean(3), bounds: 4)
        },
        .scalar("BETADIST", 3...5) { (args) throws(FormulaError) in try betaDistribution(args, cumulative: true, bounds: 3) },
        .scalar("BETA.INV", 3...5) { (args) throws(FormulaError) in try betaInverse(args) },
        .scalar("BETAINV", 3...5) { (args) throws(FormulaError) in try betaInverse(args) },
        .scalar("WEIBULL.DIST", 4...4) { (args) throws(FormulaError) in try weibull(args) },
        .scalar("WEIBULL", 4...4) { (args) throws(FormulaError) in try weibull(args) },
    ]

    // MARK: Parameters

    /// A probability argument: in [0, 1], or (0, 1) when `open`.
    static func probability(_ args: Arguments, _ i: Int, open: Bool = false) throws(FormulaError) -> Double {
        let p = try args.number(i)
        guard open ? (p > 0 && p < 1) : (p >= 0 && p <= 1) else { throw FormulaError.number }
        return p
    }

    /// Degrees of freedom: truncated, at least 1.
    private static func degrees(_ args: Arguments, _ i: Int, most: Double = 1e10) throws(FormulaError) -> Double {
        let df = (try args.number(i)).rounded(.towardZero)
        guard df >= 1, df <= most else { throw FormulaError.number }
        return df
    }

    private static func positive(_ args: Arguments, _ i: Int) throws(FormulaError) -> Double {
        let x = try args.number(i)
        guard x > 0 else { throw FormulaError.number }
        return x
    }

    // MARK: Bodies shared by a new name and its legacy one

    private static func normal(_ args: Arguments, cumulative: Bool) throws(FormulaError) -> Value {
        let x = try args.number(0), mean = try args.number(1), sd = try positive(args, 2)
        let z = (x - mean) / sd
        return .number(cumulative ? SpecialFunctions.normalCDF(z) : SpecialFunctions.normalDensity(z) / sd)
    }

    private static func normalInverse(_ args: Arguments) throws(FormulaError) -> Value {
        let p = try probability(args, 0, open: true), mean = try args.number(1), sd = try positive(args, 2)
        return .number(mean + sd * SpecialFunctions.inverseNormal(p))
    }

    private static func logNormal(_ args: Arguments, cumulative: Bool) throws(FormulaError) -> Value {
        let x = try positive(args, 0), mean = try args.number(1), sd = try positive(args, 2)
        let z = (log(x) - mean) / sd
        return .number(cumulative ? SpecialFunctions.normalCDF(z) : SpecialFunctions.normalDensity(z) / (sd * x))
    }

    private static func logNormalInverse(_ args: Arguments) throws(FormulaError) -> Value {
        let p = try probability(args, 0, open: true), mean = try args.number(1), sd = try positive(args, 2)
        return try finite(exp(mean + sd * SpecialFunctions.inverseNormal(p)))
    }

    private static func studentTwoTailedInverse(_ args: Arguments) throws(FormulaError) -> Value {
        let p = try args.number(0), df = try degrees(args, 1)
        guard p > 0, p <= 1 else { throw FormulaError.number }
        return .number(try Distribution.studentInverseTail(p / 2, df))
    }

    private static func chiSquaredTail(_ args: Arguments) throws(FormulaError) -> Value {
        let x = try args.number(0), df = try degrees(args, 1, most: 1e10)
        guard x >= 0 else { throw FormulaError.number }
        return .number(SpecialFunctions.upperGamma(df / 2, x / 2))
    }

    private static func chiSquaredInverseTail(_ args: Arguments) throws(FormulaError) -> Value {
        let p = try probability(args, 0), df = try degrees(args, 1, most: 1e10)
        return .number(try SpecialFunctions.invert(-p, lower: 0, upper: max(1, df)) { -SpecialFunctions.upperGamma(df / 2, $0 / 2) })
    }

    private static func fisherTail(_ args: Arguments) throws(FormulaError) -> Value {
        let x = try args.number(0), d1 = try degrees(args, 1), d2 = try degrees(args, 2)
        guard x >= 0 else { throw FormulaError.number }
        return .number(Distribution.fisherTail(x, d1, d2))
    }

    private static func fisherInverseTail(_ args: Arguments) throws(FormulaError) -> Value {
        let p = try probability(args, 0), d1 = try degrees(args, 1), d2 = try degrees(args, 2)
        return .number(try SpecialFunctions.invert(-p, lower: 0, upper: 1) { -Distribution.fisherTail($0, d1, d2) })
    }

    private static func exponential(_ args: Arguments) throws(FormulaError) -> Value {
        let x = try args.number(0), lambda = try positive(args, 1)
        guard x >= 0 else { throw FormulaError.number }
        return .number(try args.boolean(2) ? -expm1(-lambda * x) : lambda * exp(-lambda * x))
    }

    private static func gammaDistribution(_ args: Arguments) throws(FormulaError) -> Value {
        let x = try args.number(0), alpha = try positive(args, 1), beta = try positive(args, 2)
        guard x >= 0 else { throw FormulaError.number }
        return try finite(try args.boolean(3) ? SpecialFunctions.lowerGamma(alpha, x / beta) : Distribution.gammaDensity(x, alpha, beta))
    }

    private static func gammaInverse(_ args: Arguments) throws(FormulaError) -> Value {
        let p = try probability(args, 0), alpha = try positive(args, 1), beta = try positive(args, 2)
        if p == 0 { return .number(0) }
        return .number(try SpecialFunctions.invert(p, lower: 0, upper: max(1, alpha * beta)) { SpecialFunctions.lowerGamma(alpha, $0 / beta) })
    }

    private static func betaDistribution(_ args: Arguments, cumulative: Bool, bounds: Int) throws(FormulaError) -> Value {
        let x = try args.number(0), alpha = try positive(args, 1), beta = try positive(args, 2)
        let a = try args.number(bounds, default: 0), b = try args.number(bounds + 1, default: 1)
        guard a < b, x >= a, x <= b else { throw FormulaError.number }
        let u = (x - a) / (b - a)
        if cumulative { return .number(SpecialFunctions.incompleteBeta(u, alpha, beta)) }
        let logDensity = (alpha - 1) * log(u) + (beta - 1) * log1p(-u) - Distribution.logBeta(alpha, beta)
        return try finite(exp(logDensity) / (b - a))
    }

    private static func betaInverse(_ args: Arguments) throws(FormulaError) -> Value {
        let p = try args.number(0), alpha = try positive(args, 1), beta = try positive(args, 2)
        let a = try args.number(3, default: 0), b = try args.number(4, default: 1)
        guard p > 0, p <= 1, a < b else { throw FormulaError.number }
        let u = try SpecialFunctions.invert(p, lower: 0, upper: 1, growing: false) { SpecialFunctions.incompleteBeta($0, alpha, beta) }
        return .number(a + u * (b - a))
    }

    private static func weibull(_ args: Arguments) throws(FormulaError) -> Value {
        let x = try args.number(0), alpha = try positive(args, 1), beta = try positive(args, 2)
        guard x >= 0 else { throw FormulaError.number }
        let power = pow(x / beta, alpha)
        return try finite(try args.boolean(3) ? -expm1(-power) : alpha / beta * pow(x / beta, alpha - 1) * exp(-power))
    }
}

/// Densities and tails of the continuous distributions, from `SpecialFunctions`.
enum Distribution {
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        SpecialFunctions.logGamma(a) + SpecialFunctions.logGamma(b) - SpecialFunctions.logGamma(a + b)
    }

    /// P(T > t) for Student's t with `df` degrees of freedom.
    static func studentTail(_ t: Double, _ df: Double) -> Double {
        let tail = 0.5 * SpecialFunctions.incompleteBeta(df / (df + t * t), df / 2, 0.5)
        return t >= 0 ? tail : 1 - tail
    }

    static func studentCDF(_ t: Double, _ df: Double) -> Double { 1 - studentTail(t, df) }

    static func studentDensity(_ t: Double, _ df: Double) -> Double {
        exp(SpecialFunctions.logGamma((df + 1) / 2) - SpecialFunctions.logGamma(df / 2) - (df + 1) / 2 * log1p(t * t / df)) / (df * .pi).squareRoot()
    }

    /// The t ≥ 0 with P(T > t) = q, for 0 < q ≤ ½.
    static func studentInverseTail(_ q: Double, _ df: Double) throws(FormulaError) -> Double {
        if q >= 0.5 { return 0 }
        return try SpecialFunctions.invert(-q, lower: 0, upper: 1) { -studentTail($0, df) }
    }

    static func gammaDensity(_ x: Double, _ alpha: Double, _ beta: Double) -> Double {
        if x == 0 { return alpha == 1 ? 1 / beta : (alpha < 1 ? .infinity : 0) }
        return exp((alpha - 1) * log(x) - x / beta - SpecialFunctions.logGamma(alpha) - alpha * log(beta))
    }

    static func fisherCDF(_ x: Double, _ d1: Double, _ d2: Double) -> Double {
        SpecialFunctions.incompleteBeta(d1 * x / (d1 * x + d2), d1 / 2, d2 / 2)
    }

    static func fisherTail(_ x: Double, _ d1: Double, _ d2: Double) -> Double {
        SpecialFunctions.incompleteBeta(d2 / (d2 + d1 * x), d2 / 2, d1 / 2)
    }

    static func fisherDensity(_ x: Double, _ d1: Double, _ d2: Double) -> Double {
        if x == 0 { return d1 == 2 ? 1 : (d1 < 2 ? .infinity : 0) }
        let logDensity = (d1 / 2) * log(d1 * x) + (d2 / 2) * log(d2) - ((d1 + d2) / 2) * log(d1 * x + d2) - log(x) - logBeta(d1 / 2, d2 / 2)
        return exp(logDensity)
    }
}
