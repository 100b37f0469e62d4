import Foundation

/// Angles in radians, as Excel's: the circular and hyperbolic functions, their inverses and
/// reciprocals. Outside a function's domain the result is #NUM!; where a reciprocal divides by
/// zero, #DIV/0!.
extension FunctionRegistry {
    static let trigonometricFunctions: [FunctionDefinition] = [
        unary("SIN") { sin($0) }, unary("COS") { cos($0) }, unary("TAN") { tan($0) },
        unary("ASIN") { x throws(FormulaError) in
            guard abs(x) <= 1 else { throw FormulaError.number }
            return asin(x)
        },
        unary("ACOS") { x throws(FormulaError) in
            guard abs(x) <= 1 else { throw FormulaError.number }
            return acos(x)
        },
        unary("ATAN") { atan($0) },
        .scalar("ATAN2", 2...2) { (args) throws(FormulaError) in
            // Excel's order: ATAN2(x, y) is the angle of the point (x, y).
            let x = try args.number(0), y = try args.number(1)
            guard x != 0 || y != 0 else { throw FormulaError.divisionByZero }
            return .number(atan2(y, x))
        },
        unary("SINH") { sinh($0) }, unary("COSH") { cosh($0) }, unary("TANH") { tanh($0) },
        unary("ASINH") { asinh($0) },
        unary("ACOSH") { x throws(FormulaError) in
            guard x >= 1 else { throw FormulaError.number }
            return acosh(x)
        },
        unary("ATANH") { x throws(FormulaError) in
            guard abs(x) < 1 else { throw FormulaError.number }
            return atanh(x)
        },
        unary("SEC") { 1 / cos($0) },
        unary("CSC") { x throws(FormulaError) in try reciprocal(sin(x)) },
        unary("COT") { x throws(FormulaError) in try reciprocal(tan(x)) },
        unary("SECH") { 1 / cosh($0) },
        unary("CSCH") { x throws(FormulaError) in try reciprocal(sinh(x)) },
        unary("COTH") { x throws(FormulaError) in try reciprocal(tanh(x)) },
        unary("ACOT") { .pi / 2 - atan($0) },
        unary("ACOTH") { x throws(FormulaError) in
            guard abs(x) > 1 else { throw FormulaError.number }
            return 0.5 * log((x + 1) / (x - 1))
        },
        unary("DEGREES") { $0 * 180 / .pi },
        unary("RADIANS") { $0 * .pi / 180 },
        unary("SQRTPI") { x throws(FormulaError) in
            guard x >= 0 else { throw FormulaError.number }
            return (x * .pi).squareRoot()
        },
    ]

    /// A function of one number, element by element on arrays; a non-finite result is #NUM!.
    private static func unary(_ name: String, _ body: @escaping @Sendable (Double) throws(FormulaError) -> Double) -> FunctionDefinition {
        .scalar(name, 1...1) { (args) throws(FormulaError) in try finite(try body(try args.number(0))) }
    }

    private static func reciprocal(_ x: Double) throws(FormulaError) -> Double {
        guard x != 0 else { throw FormulaError.divisionByZero }
        return 1 / x
    }
}
