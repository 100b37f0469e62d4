import Foundation

/// Rounding to a multiple, as Excel 2010 added it: the sign of the significance does not
/// matter; CEILING.MATH and FLOOR.MATH take a mode for negative numbers (0 rounds them toward
/// +∞ and −∞ respectively, anything else the other way); the .PRECISE forms and ISO.CEILING
/// always round toward +∞ (CEILING) or −∞ (FLOOR). A significance of 0 gives 0.
extension FunctionRegistry {
    static let roundingFunctions: [FunctionDefinition] = [
        .scalar("CEILING.MATH", 1...3) { (args) throws(FormulaError) in
            let x = try args.number(0), m = abs(try args.number(1, default: 1)), mode = try args.number(2, default: 0)
            return .number(Rounding.toMultiple(x, m, upward: !(x < 0 && mode != 0)))
        },
        .scalar("FLOOR.MATH", 1...3) { (args) throws(FormulaError) in
            let x = try args.number(0), m = abs(try args.number(1, default: 1)), mode = try args.number(2, default: 0)
            return .number(Rounding.toMultiple(x, m, upward: x < 0 && mode != 0))
        },
        .scalar("CEILING.PRECISE", 1...2) { (args) throws(FormulaError) in
            .number(Rounding.toMultiple(try args.number(0), abs(try args.number(1, default: 1)), upward: true))
        },
        .scalar("ISO.CEILING", 1...2) { (args) throws(FormulaError) in
            .number(Rounding.toMultiple(try args.number(0), abs(try args.number(1, default: 1)), upward: true))
        },
        .scalar("FLOOR.PRECISE", 1...2) { (args) throws(FormulaError) in
            .number(Rounding.toMultiple(try args.number(0), abs(try args.number(1, default: 1)), upward: false))
        },
    ]
}

enum Rounding {
    /// `x` rounded to a multiple of `m` ≥ 0 toward +∞ or −∞, to 15 digits as Excel shows it
    /// (so that 24.3 / 0.1 is 243, not 243.00000000000003).
    static func toMultiple(_ x: Double, _ m: Double, upward: Bool) -> Double {
        guard m != 0, x != 0 else { return 0 }
        let q = DecimalRounding.fifteenDigits(x / m)
        return DecimalRounding.fifteenDigits((upward ? q.rounded(.up) : q.rounded(.down)) * m)
    }
}
