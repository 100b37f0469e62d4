import Foundation

/// Means, spreads and shapes of a sample, and the `…A` aggregates that count text and truth
/// values in ranges (text as 0, TRUE as 1). A sample too small for the formula is #DIV/0!, as in
/// Excel (SKEW needs 3 numbers, KURT 4); a mean of numbers that must be positive is #NUM!.
extension FunctionRegistry {
    static let descriptiveStatistics: [FunctionDefinition] = [
        FunctionDefinition("AVERAGEA", 1...variadic) { (args) throws(FormulaError) in
            let x = try args.numbersCountingText()
            guard !x.isEmpty else { throw FormulaError.divisionByZero }
            return .number(Moments.mean(x))
        },
        FunctionDefinition("MAXA", 1...variadic) { (args) throws(FormulaError) in
            .number(try args.numbersCountingText().max() ?? 0)
        },
        FunctionDefinition("MINA", 1...variadic) { (args) throws(FormulaError) in
            .number(try args.numbersCountingText().min() ?? 0)
        },
        FunctionDefinition("STDEVA", 1...variadic) { (args) throws(FormulaError) in
            .number(try Moments.variance(try args.numbersCountingText(), sample: true).squareRoot())
        },
        FunctionDefinition("STDEVPA", 1...variadic) { (args) throws(FormulaError) in
            .number(try Moments.variance(try args.numbersCountingText(), sample: false).squareRoot())
        },
        FunctionDefinition("VARA", 1...variadic) { (args) throws(FormulaError) in
            .number(try Moments.variance(try args.numbersCountingText(), sample: true))
        },
        FunctionDefinition("VARPA", 1...variadic) { (args) throws(FormulaError) in
            .number(try Moments.variance(try args.numbersCountingText(), sample: false))
        },
        FunctionDefinition("GEOMEAN", 1...variadic) { (args) throws(FormulaError) in
            let x = try args.numbers()
            guard !x.isEmpty, x.allSatisfy({ $0 > 0 }) else { throw FormulaError.number }
            return .number(exp(x.reduce(0) { $0 + log($1) } / Double(x.count)))
        },
        FunctionDefinition("HARMEAN", 1...variadic) { (args) throws(FormulaError) in
            let x = try args.numbers()
            guard !x.isEmpty, x.allSatisfy({ $0 > 0 }) else { throw FormulaError.number }
            return .number(Double(x.count) / x.reduce(0) { $0 + 1 / $1 })
        },
        FunctionDefinition("AVEDEV", 1...variadic) { (args) throws(FormulaError) in
            let x = try args.numbers()
            guard !x.isEmpty else { throw FormulaError.number }
            let m = Moments.mean(x)
            return .number(x.reduce(0) { $0 + abs($1 - m) } / Double(x.count))
        },
        FunctionDefinition("DEVSQ", 1...variadic) { (args) throws(FormulaError) in
            let x = try args.numbers()
            guard !x.isEmpty else { throw FormulaError.number }
            return .number(Moments.squaredDeviations(x))
        },
        FunctionDefinition("SKEW", 1...variadic) { (args) throws(FormulaError) in
            let x = try args.numbers(), n = Double(x.count)
            guard x.count >= 3 else { throw FormulaError.divisionByZero }
            let s = try Moments.variance(x, sample: true).squareRoot()
            guard s > 0 else { throw FormulaError.divisionByZero }
            return .number(n / ((n - 1) * (n - 2)) * Moments.standardizedPowerSum(x, s, 3))
        },
        FunctionDefinition("SKEW.P", 1...variadic) { (args) throws(FormulaError) in
            let x = try args.numbers(), n = Double(x.count)
            guard !x.isEmpty else { throw FormulaError.divisionByZero }
            let s = try Moments.variance(x, sample: false).squareRoot()
            guard s > 0 else { throw FormulaError.divisionByZero }
            return .number(Moments.standardizedPowerSum(x, s, 3) / n)
        },
        FunctionDefinition("KURT", 1...variadic) { (args) throws(FormulaError) in
            let x = try args.numbers(), n = Double(x.count)
            guard x.count >= 4 else { throw FormulaError.divisionByZero }
            let s = try Moments.variance(x, sample: true).squareRoot()
            guard s > 0 else { throw FormulaError.divisionByZero }
            let sum = Moments.standardizedPowerSum(x, s, 4)
            return .number(n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * sum - 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3)))
        },
        .scalar("STANDARDIZE", 3...3) { (args) throws(FormulaError) in
            let x = try args.number(0), mean = try args.number(1), sd = try args.number(2)
            guard sd > 0 else { throw FormulaError.number }
            return .number((x - mean) / sd)
        },
        .scalar("FISHER", 1...1) { (args) throws(FormulaError) in
            let x = try args.number(0)
            guard abs(x) < 1 else { throw FormulaError.number }
            return .number(0.5 * log((1 + x) / (1 - x)))
        },
        .scalar("FISHERINV", 1...1) { (args) throws(FormulaError) in
            .number(tanh(try args.number(0)))
        },
    ]
}

/// Sums of powers of deviations, shared by the descriptive statistics and the tests.
enum Moments {
    static func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }

    static func squaredDeviations(_ x: [Double]) -> Double {
        let m = mean(x)
        return x.reduce(0) { $0 + ($1 - m) * ($1 - m) }
    }

    /// The variance of a sample (n − 1) or of a whole population (n); #DIV/0! for too few numbers.
    static func variance(_ x: [Double], sample: Bool) throws(FormulaError) -> Double {
        guard x.count > (sample ? 1 : 0) else { throw FormulaError.divisionByZero }
        return squaredDeviations(x) / Double(sample ? x.count - 1 : x.count)
    }

    static func standardizedPowerSum(_ x: [Double], _ s: Double, _ power: Double) -> Double {
        let m = mean(x)
        return x.reduce(0) { $0 + pow(($1 - m) / s, power) }
    }
}
