import Foundation

/// Declining-balance depreciation as Excel computes it: DB (fixed rate, rounded to three
/// decimals, with a part first year of `month` months) and VDB (double or `factor` declining
/// balance between two periods, switching to straight line when that is larger unless told not
/// to; a part of a period counts in proportion). Also MIRR and the dollar fractions.
extension FunctionRegistry {
    static let depreciationFunctions: [FunctionDefinition] = [
        .scalar("DB", 4...5) { (args) throws(FormulaError) in
            let cost = try args.number(0), salvage = try args.number(1), life = try args.number(2)
            let period = (try args.number(3)).rounded(.towardZero), month = (try args.number(4, default: 12)).rounded(.towardZero)
            guard cost >= 0, salvage >= 0, life > 0, period >= 1, (1...12).contains(month),
                  period <= life + (month < 12 ? 1 : 0) else { throw FormulaError.number }
            if cost == 0 { return .number(0) }
            let rate = DecimalRounding.round(1 - pow(salvage / cost, 1 / life), digits: 3)
            let first = cost * rate * month / 12
            if period == 1 { return .number(first) }
            // After the first part year the book value falls by the rate each year; the year after
            // the last full one holds the rest of the months.
            let value = (cost - first) * pow(1 - rate, period - 2)
            return try finite(period == life + 1 ? value * rate * (12 - month) / 12 : value * rate)
        },
        .scalar("VDB", 5...7) { (args) throws(FormulaError) in
            let cost = try args.number(0), salvage = try args.number(1), life = try args.number(2)
            let start = try args.number(3), end = try args.number(4), factor = try args.number(5, default: 2)
            let noSwitch = try args.boolean(6, default: false)
            guard cost >= 0, salvage >= 0, life > 0, start >= 0, end >= start, end <= life, factor > 0,
                  end <= Depreciation.mostPeriods else { throw FormulaError.number }
            let periods = Depreciation.declining(cost: cost, salvage: salvage, life: life, factor: factor, switches: !noSwitch, through: end)
            var total = 0.0
            for (i, amount) in periods.enumerated() {
                let from = Double(i), to = Double(i + 1)
                let overlap = max(0, min(end, to) - max(start, from))
                total += amount * overlap
            }
            return try finite(total)
        },
        FunctionDefinition("MIRR", 3...3) { (args) throws(FormulaError) in
            let values = try Finance.cashFlows(args, 0)
            let financeRate = try args.number(1), reinvestRate = try args.number(2)
            let n = Double(values.count)
            var positive = 0.0, negative = 0.0
            // As NPV discounts them: the first value one period from now.
            for (t, v) in values.enumerated() {
                if v > 0 { positive += v / pow(1 + reinvestRate, Double(t + 1)) } else { negative += v / pow(1 + financeRate, Double(t + 1)) }
            }
            guard positive != 0, negative != 0, n > 1 else { throw FormulaError.divisionByZero }
            let ratio = -positive * pow(1 + reinvestRate, n) / (negative * (1 + financeRate))
            return .value(try finite(pow(ratio, 1 / (n - 1)) - 1))
        },
        .scalar("DOLLARDE", 2...2) { (args) throws(FormulaError) in try dollarFraction(args, toDecimal: true) },
        .scalar("DOLLARFR", 2...2) { (args) throws(FormulaError) in try dollarFraction(args, toDecimal: false) },
    ]
}

extension FunctionRegistry {
    /// DOLLARDE (1.02 in sixteenths is 1.125) and DOLLARFR, its inverse: the fraction's digits
    /// take as many decimal places as the denominator has digits.
    private static func dollarFraction(_ args: Arguments, toDecimal: Bool) throws(FormulaError) -> Value {
        let x = try args.number(0), fraction = (try args.number(1)).rounded(.towardZero)
        guard fraction >= 0 else { throw FormulaError.number }
        guard fraction > 0 else { throw FormulaError.divisionByZero }
        let whole = x.rounded(.towardZero), scale = pow(10, (log10(fraction)).rounded(.up))
        return try finite(whole + (x - whole) * (toDecimal ? scale / fraction : fraction / scale))
    }
}

enum Depreciation {
    /// VDB computes period by period: at most this many (a daily schedule over 27 000 years).
    static let mostPeriods = 10_000_000.0

    /// Each whole period's declining-balance depreciation until the salvage value, the last
    /// partial period included, up to period `end`.
    static func declining(cost: Double, salvage: Double, life: Double, factor: Double, switches: Bool, through end: Double) -> [Double] {
        var value = cost, amounts: [Double] = [], straightLine: Double?
        let periods = Int(min(life, end).rounded(.up))
        for p in 0..<periods {
            let remaining = life - Double(p)
            var amount: Double
            if let sl = straightLine {
                amount = sl
            } else {
                amount = min(value * factor / life, max(0, value - salvage))
                if switches {
                    let sl = (value - salvage) / remaining
                    if sl > amount { straightLine = sl; amount = sl }
                }
            }
            amount = min(amount, max(0, value - salvage))
            amounts.append(amount)
            value -= amount
        }
        return amounts
    }
}
