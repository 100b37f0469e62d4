import Foundation

/// The counting distributions (binomial, negative binomial, Poisson, hypergeometric), the
/// special functions Excel shows on their own (GAMMA, GAMMALN, ERF, ERFC), and PROB. Counts are
/// truncated to whole numbers; a count or probability outside its domain is #NUM!.
extension FunctionRegistry {
    static let discreteDistributionFunctions: [FunctionDefinition] = [
        .scalar("BINOM.DIST", 4...4) { (args) throws(FormulaError) in try binomial(args) },
        .scalar("BINOMDIST", 4...4) { (args) throws(FormulaError) in try binomial(args) },
        .scalar("BINOM.DIST.RANGE", 3...4) { (args) throws(FormulaError) in
            let n = try count(args, 0), p = try probability(args, 1), s = try count(args, 2)
            let s2 = args.isOmitted(3) ? s : try count(args, 3)
            guard s <= n, s2 >= s, s2 <= n else { throw FormulaError.number }
            if s2 - s > Counting.largestSum { return .number(max(0, Counting.binomialCDF(s2, n, p) - Counting.binomialCDF(s - 1, n, p))) }
            return .number(stride(from: s, through: s2, by: 1).reduce(0) { $0 + Counting.binomial($1, n, p) })
        },
        .scalar("BINOM.INV", 3...3) { (args) throws(FormulaError) in try binomialInverse(args) },
        .scalar("CRITBINOM", 3...3) { (args) throws(FormulaError) in try binomialInverse(args) },
        .scalar("NEGBINOM.DIST", 4...4) { (args) throws(FormulaError) in
            try negativeBinomial(args, cumulative: try args.boolean(3))
        },
        .scalar("NEGBINOMDIST", 3...3) { (args) throws(FormulaError) in try negativeBinomial(args, cumulative: false) },
        .scalar("POISSON.DIST", 3...3) { (args) throws(FormulaError) in try poisson(args) },
        .scalar("POISSON", 3...3) { (args) throws(FormulaError) in try poisson(args) },
        .scalar("HYPGEOM.DIST", 5...5) { (args) throws(FormulaError) in try hypergeometric(args, cumulative: try args.boolean(4)) },
        .scalar("HYPGEOMDIST", 4...4) { (args) throws(FormulaError) in try hypergeometric(args, cumulative: false) },

        .scalar("GAMMA", 1...1) { (args) throws(FormulaError) in
            let x = try args.number(0)
            guard !(x <= 0 && x == x.rounded()) else { throw FormulaError.number }
            return try finite(tgamma(x))
        },
        .scalar("GAMMALN", 1...1) { (args) throws(FormulaError) in .number(SpecialFunctions.logGamma(try positive(args, 0))) },
        .scalar("GAMMALN.PRECISE", 1...1) { (args) throws(FormulaError) in .number(SpecialFunctions.logGamma(try positive(args, 0))) },
        .scalar("ERF", 1...2) { (args) throws(FormulaError) in
            let lower = try args.number(0)
            if args.isOmitted(1) { return .number(erf(lower)) }
            return .number(erf(try args.number(1)) - erf(lower))
        },
        .scalar("ERF.PRECISE", 1...1) { (args) throws(FormulaError) in .number(erf(try args.number(0))) },
        .scalar("ERFC", 1...1) { (args) throws(FormulaError) in .number(erfc(try args.number(0))) },
        .scalar("ERFC.PRECISE", 1...1) { (args) throws(FormulaError) in .number(erfc(try args.number(0))) },
        FunctionDefinition("PROB", 3...4) { (args) throws(FormulaError) in
            let xs = try Regression.numbers(try args.matrix(0)), ps = try Regression.numbers(try args.matrix(1))
            guard xs.count == ps.count else { throw FormulaError.notAvailable }
            guard ps.allSatisfy({ $0 >= 0 && $0 <= 1 }), abs(ps.reduce(0, +) - 1) < 1e-9 else { throw FormulaError.number }
            let lower = try args.number(2), upper = args.isOmitted(3) ? lower : try args.number(3)
            return .value(.number(zip(xs, ps).reduce(0) { $0 + ($1.0 >= lower && $1.0 <= upper ? $1.1 : 0) }))
        },
    ]

    private static func count(_ args: Arguments, _ i: Int) throws(FormulaError) -> Double {
        let n = (try args.number(i)).rounded(.towardZero)
        guard n >= 0 else { throw FormulaError.number }
        return n
    }

    private static func positive(_ args: Arguments, _ i: Int) throws(FormulaError) -> Double {
        let x = try args.number(i)
        guard x > 0 else { throw FormulaError.number }
        return x
    }

    private static func binomial(_ args: Arguments) throws(FormulaError) -> Value {
        let s = try count(args, 0), n = try count(args, 1), p = try probability(args, 2)
        guard s <= n else { throw FormulaError.number }
        if try args.boolean(3) {
            return .number(Counting.binomialCDF(s, n, p))
        }
        return .number(Counting.binomial(s, n, p))
    }

    private static func binomialInverse(_ args: Arguments) throws(FormulaError) -> Value {
        let n = try count(args, 0), p = try probability(args, 1), alpha = try probability(args, 2)
        if n > Counting.largestSum {
            // The smallest k whose cumulative probability reaches alpha, by halving.
            var low = 0.0, high = n
            while low < high {
                let mid = ((low + high) / 2).rounded(.down)
                if Counting.binomialCDF(mid, n, p) >= alpha * (1 - 1e-15) { high = mid } else { low = mid + 1 }
            }
            return .number(low)
        }
        var total = 0.0, k = 0.0
        while k < n {
            total += Counting.binomial(k, n, p)
            if total >= alpha * (1 - 1e-15) { return .number(k) }
            k += 1
        }
        return .number(n)
    }

    private static func negativeBinomial(_ args: Arguments, cumulative: Bool) throws(FormulaError) -> Value {
        let f = try count(args, 0), s = (try args.number(1)).rounded(.towardZero), p = try probability(args, 2)
        guard s >= 1 else { throw FormulaError.number }
        if cumulative { return .number(SpecialFunctions.incompleteBeta(p, s, f + 1)) }
        return .number(exp(SpecialFunctions.logCombinations(f + s - 1, s - 1) + s * log(p) + f * log1p(-p)))
    }

    private static func poisson(_ args: Arguments) throws(FormulaError) -> Value {
        let x = try count(args, 0), mean = try args.number(1)
        guard mean >= 0 else { throw FormulaError.number }
        if mean == 0 { return .number(try args.boolean(2) || x == 0 ? 1 : 0) }
        if try args.boolean(2) { return .number(SpecialFunctions.upperGamma(x + 1, mean)) }
        return .number(exp(x * log(mean) - mean - SpecialFunctions.logGamma(x + 1)))
    }

    private static func hypergeometric(_ args: Arguments, cumulative: Bool) throws(FormulaError) -> Value {
        let s = try count(args, 0), n = try count(args, 1), successes = try count(args, 2), population = try count(args, 3)
        guard n > 0, n <= population, successes > 0, successes <= population, population > 0,
              s <= min(n, successes), s >= max(0, n - population + successes) else { throw FormulaError.number }
        func mass(_ k: Double) -> Double {
            exp(SpecialFunctions.logCombinations(successes, k) + SpecialFunctions.logCombinations(population - successes, n - k)
                - SpecialFunctions.logCombinations(population, n))
        }
        if cumulative {
            let low = max(0, n - population + successes)
            guard s - low <= Counting.largestSum else { throw FormulaError.number }
            return .number(min(1, stride(from: low, through: s, by: 1).reduce(0) { $0 + mass($1) }))
        }
        return .number(mass(s))
    }
}

enum Counting {
    /// The most terms a cumulative probability adds one by one; beyond, a closed form (or #NUM!).
    static let largestSum = 100_000.0

    /// P(X ≤ k) for X binomial: the terms summed, or I₁₋ₚ(n − k, k + 1) for many terms (good to
    /// about 1e-9 at a few hundred thousand trials; ln Γ of huge counts limits both ways).
    static func binomialCDF(_ k: Double, _ n: Double, _ p: Double) -> Double {
        if k < 0 { return 0 }
        if k >= n { return 1 }
        if k > largestSum { return SpecialFunctions.incompleteBeta(1 - p, n - k, k + 1) }
        return min(1, stride(from: 0, through: k, by: 1).reduce(0) { $0 + binomial($1, n, p) })
    }

    /// P(X = k) for X binomial with n trials of probability p.
    static func binomial(_ k: Double, _ n: Double, _ p: Double) -> Double {
        if p == 0 { return k == 0 ? 1 : 0 }
        if p == 1 { return k == n ? 1 : 0 }
        return exp(SpecialFunctions.logCombinations(n, k) + k * log(p) + (n - k) * log1p(-p))
    }
}
