import Foundation

/// Counting: combinations and permutations with and without repetition, the double factorial
/// and the multinomial coefficient. Counts are truncated to whole numbers; a negative count, or
/// choosing more than there are, is #NUM!.
extension FunctionRegistry {
    static let combinatoricFunctions: [FunctionDefinition] = [
        .scalar("COMBIN", 2...2) { (args) throws(FormulaError) in
            let n = try whole(args, 0), k = try whole(args, 1)
            guard n >= 0, k >= 0, k <= n else { throw FormulaError.number }
            return try finite(Combinatorics.combinations(n, k))
        },
        .scalar("COMBINA", 2...2) { (args) throws(FormulaError) in
            let n = try whole(args, 0), k = try whole(args, 1)
            guard n >= 0, k >= 0, !(n == 0 && k > 0) else { throw FormulaError.number }
            if k == 0 { return .number(1) }
            return try finite(Combinatorics.combinations(n + k - 1, k))
        },
        .scalar("PERMUT", 2...2) { (args) throws(FormulaError) in
            let n = try whole(args, 0), k = try whole(args, 1)
            guard n > 0, k >= 0, k <= n else { throw FormulaError.number }
            var product = 1.0
            for i in stride(from: n - k + 1, through: n, by: 1) { product *= i; if !product.isFinite { break } }
            return try finite(product)
        },
        .scalar("PERMUTATIONA", 2...2) { (args) throws(FormulaError) in
            let n = try whole(args, 0), k = try whole(args, 1)
            guard n >= 0, k >= 0 else { throw FormulaError.number }
            return try finite(pow(n, k))
        },
        .scalar("FACTDOUBLE", 1...1) { (args) throws(FormulaError) in
            let n = try whole(args, 0)
            guard n >= 0 else { throw FormulaError.number }
            var product = 1.0
            for i in stride(from: n, to: 1, by: -2) { product *= i; if !product.isFinite { break } }
            return try finite(product)
        },
        FunctionDefinition("MULTINOMIAL", 1...variadic) { (args) throws(FormulaError) in
            let values = try args.numbers().map { $0.rounded(.towardZero) }
            guard values.allSatisfy({ $0 >= 0 }) else { throw FormulaError.number }
            // (a + b + …)! / (a!·b!·…) as a product of binomial coefficients.
            var total = 0.0, result = 1.0
            for a in values {
                total += a
                result *= Combinatorics.combinations(total, a)
            }
            return .value(try finite(result))
        },
    ]

    private static func whole(_ args: Arguments, _ i: Int) throws(FormulaError) -> Double {
        (try args.number(i)).rounded(.towardZero)
    }
}

enum Combinatorics {
    /// C(n, k), exact while it fits a Double's integers.
    static func combinations(_ n: Double, _ k: Double) -> Double {
        let k = min(k, n - k)
        if k < 0 { return 0 }
        var result = 1.0
        var i = 1.0
        while i <= k {
            result = result * (n - k + i) / i
            if !result.isFinite { return result }
            i += 1
        }
        return result.rounded()
    }
}
