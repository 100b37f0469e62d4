import Foundation

/// Time value of money, cash flows and depreciation, with Excel's argument rules: `type` 0 pays
/// at the end of each period, 1 at the start; money paid out is negative. RATE and IRR search by
/// Newton's method from Excel's guess (0.1) for at most 20 steps, XIRR for 100, and give #NUM!
/// when the search does not settle, as Excel does.
extension FunctionRegistry {
    static let financialFunctions: [FunctionDefinition] = [
        .scalar("PV", 3...5) { (args) throws(FormulaError) in
            let r = try args.number(0), n = try args.number(1), pmt = try args.number(2)
            let fv = try args.number(3, default: 0), type = try Finance.type(args, 4)
            if r == 0 { return .number(-(pmt * n + fv)) }
            let growth = pow(1 + r, n)
            return try FunctionRegistry.finite(-(fv + pmt * (1 + r * type) * (growth - 1) / r) / growth)
        },
        .scalar("FV", 3...5) { (args) throws(FormulaError) in
            try FunctionRegistry.finite(Finance.futureValue(rate: try args.number(0), periods: try args.number(1), payment: try args.number(2),
                                                         present: try args.number(3, default: 0), type: try Finance.type(args, 4)))
        },
        .scalar("PMT", 3...5) { (args) throws(FormulaError) in
            try FunctionRegistry.finite(try Finance.payment(rate: try args.number(0), periods: try args.number(1), present: try args.number(2),
                                                         future: try args.number(3, default: 0), type: try Finance.type(args, 4)))
        },
        .scalar("NPER", 3...5) { (args) throws(FormulaError) in
            let r = try args.number(0), pmt = try args.number(1), pv = try args.number(2)
            let fv = try args.number(3, default: 0), type = try Finance.type(args, 4)
            if r == 0 {
                guard pmt != 0 else { throw FormulaError.number }
                return .number(-(pv + fv) / pmt)
            }
            let ratio = (pmt * (1 + r * type) - fv * r) / (pmt * (1 + r * type) + pv * r)
            guard ratio > 0, r > -1 else { throw FormulaError.number }
            return try FunctionRegistry.finite(log(ratio) / log(1 + r))
        },
        .scalar("RATE", 3...6) { (args) throws(FormulaError) in
            let n = try args.number(0), pmt = try args.number(1), pv = try args.number(2)
            let fv = try args.number(3, default: 0), type = try Finance.type(args, 4), guess = try args.number(5, default: 0.1)
            guard n > 0 else { throw FormulaError.number }
            // f(r) = pv·(1+r)^n + pmt·(1+r·type)·((1+r)^n − 1)/r + fv
            return .number(try Finance.newton(from: guess, steps: 20) { r in
                if abs(r) < 1e-12 { return (pv + pmt * n + fv, pv * n + pmt * (n * (n - 1) / 2 + type * n)) }
                let g = pow(1 + r, n), dg = n * pow(1 + r, n - 1)
                let annuity = (g - 1) / r, dAnnuity = (dg * r - (g - 1)) / (r * r)
                let value = pv * g + pmt * (1 + r * type) * annuity + fv
                let slope = pv * dg + pmt * (type * annuity + (1 + r * type) * dAnnuity)
                return (value, slope)
            })
        },
        .scalar("IPMT", 4...6) { (args) throws(FormulaError) in
            try FunctionRegistry.finite(try Finance.interest(rate: try args.number(0), period: try args.number(1), periods: try args.number(2),
                                                          present: try args.number(3), future: try args.number(4, default: 0),
                                                          type: try Finance.type(args, 5)))
        },
        .scalar("PPMT", 4...6) { (args) throws(FormulaError) in
            let r = try args.number(0), per = try args.number(1), n = try args.number(2), pv = try args.number(3)
            let fv = try args.number(4, default: 0), type = try Finance.type(args, 5)
            let pmt = try Finance.payment(rate: r, periods: n, present: pv, future: fv, type: type)
            let ipmt = try Finance.interest(rate: r, period: per, periods: n, present: pv, future: fv, type: type)
            return try FunctionRegistry.finite(pmt - ipmt)
        },
        .scalar("CUMIPMT", 6...6) { (args) throws(FormulaError) in
            .number(try Finance.cumulative(args, principal: false))
        },
        .scalar("CUMPRINC", 6...6) { (args) throws(FormulaError) in
            .number(try Finance.cumulative(args, principal: true))
        },
        FunctionDefinition("NPV", 2...variadic) { (args) throws(FormulaError) in
            let r = try args.number(0)
            guard r != -1 else { throw FormulaError.divisionByZero }
            var total = 0.0, i = 0.0
            try args.forEachNumber(from: 1) { value in
                i += 1
                total += value / pow(1 + r, i)
            }
            return .value(try FunctionRegistry.finite(total))
        },
        FunctionDefinition("IRR", 1...2) { (args) throws(FormulaError) in
            let values = try Finance.cashFlows(args, 0)
            let guess = try args.number(1, default: 0.1)
            guard values.contains(where: { $0 > 0 }), values.contains(where: { $0 < 0 }) else { throw FormulaError.number }
            return .value(.number(try Finance.newton(from: guess, steps: 20) { r in
                var value = 0.0, slope = 0.0
                for (t, v) in values.enumerated() {
                    value += v / pow(1 + r, Double(t))
                    slope -= Double(t) * v / pow(1 + r, Double(t + 1))
                }
                return (value, slope)
            }))
        },
        FunctionDefinition("XNPV", 3...3) { (args) throws(FormulaError) in
            let r = try args.number(0)
            let (values, days) = try Finance.datedCashFlows(args)
            guard r > -1 else { throw FormulaError.number }
            var total = 0.0
            for (v, d) in zip(values, days) { total += v / pow(1 + r, d / 365) }
            return .value(try FunctionRegistry.finite(total))
        },
        FunctionDefinition("XIRR", 2...3) { (args) throws(FormulaError) in
            let (values, days) = try Finance.datedCashFlows(args, values: 0, dates: 1)
            let guess = try args.number(2, default: 0.1)
            guard values.contains(where: { $0 > 0 }), values.contains(where: { $0 < 0 }) else { throw FormulaError.number }
            return .value(.number(try Finance.newton(from: guess, steps: 100) { r in
                var value = 0.0, slope = 0.0
                for (v, d) in zip(values, days) {
                    value += v / pow(1 + r, d / 365)
                    slope -= d / 365 * v / pow(1 + r, d / 365 + 1)
                }
                return (value, slope)
            }))
        },
        .scalar("EFFECT", 2...2) { (args) throws(FormulaError) in
            let nominal = try args.number(0), periods = (try args.number(1)).rounded(.towardZero)
            guard nominal > 0, periods >= 1 else { throw FormulaError.number }
            return try FunctionRegistry.finite(pow(1 + nominal / periods, periods) - 1)
        },
        .scalar("NOMINAL", 2...2) { (args) throws(FormulaError) in
            let effect = try args.number(0), periods = (try args.number(1)).rounded(.towardZero)
            guard effect > 0, periods >= 1 else { throw FormulaError.number }
            return try FunctionRegistry.finite(periods * (pow(1 + effect, 1 / periods) - 1))
        },
        .scalar("SLN", 3...3) { (args) throws(FormulaError) in
            let cost = try args.number(0), salvage = try args.number(1), life = try args.number(2)
            guard life != 0 else { throw FormulaError.divisionByZero }
            return .number((cost - salvage) / life)
        },
        .scalar("SYD", 4...4) { (args) throws(FormulaError) in
            let cost = try args.number(0), salvage = try args.number(1), life = try args.number(2), period = try args.number(3)
            guard life > 0, period > 0, period <= life else { throw FormulaError.number }
            return .number((cost - salvage) * (life - period + 1) * 2 / (life * (life + 1)))
        },
        .scalar("DDB", 4...5) { (args) throws(FormulaError) in
            let cost = try args.number(0), salvage = try args.number(1), life = try args.number(2), period = try args.number(3)
            let factor = try args.number(4, default: 2)
            guard cost >= 0, salvage >= 0, life > 0, period > 0, period <= life, factor > 0 else { throw FormulaError.number }
            var rate = factor / life
            let old: Double
            if rate >= 1 {
                rate = 1
                old = period == 1 ? cost : 0
            } else {
                old = cost * pow(1 - rate, period - 1)
            }
            let new = cost * pow(1 - rate, period)
            return .number(max(new < salvage ? old - salvage : old - new, 0))
        },
        FunctionDefinition("FVSCHEDULE", 2...2) { (args) throws(FormulaError) in
            var value = try args.number(0)
            try args.forEachValue(1) { (v, _) throws(FormulaError) in
                switch v {
                case .number(let r): value *= 1 + r
                case .empty: break
                case .error(let e): throw e
                default: throw FormulaError.value
                }
            }
            return .value(try FunctionRegistry.finite(value))
        },
        .scalar("ISPMT", 4...4) { (args) throws(FormulaError) in
            let r = try args.number(0), per = try args.number(1), n = try args.number(2), pv = try args.number(3)
            guard n != 0 else { throw FormulaError.divisionByZero }
            return .number(pv * r * (per / n - 1))
        },
        .scalar("PDURATION", 3...3) { (args) throws(FormulaError) in
            let r = try args.number(0), pv = try args.number(1), fv = try args.number(2)
            guard r > 0, pv > 0, fv > 0 else { throw FormulaError.number }
            return try FunctionRegistry.finite((log(fv) - log(pv)) / log(1 + r))
        },
        .scalar("RRI", 3...3) { (args) throws(FormulaError) in
            let n = try args.number(0), pv = try args.number(1), fv = try args.number(2)
            guard n > 0, pv != 0 else { throw FormulaError.number }
            return try FunctionRegistry.finite(pow(fv / pv, 1 / n) - 1)
        },
    ]
}

/// What the financial functions share.
enum Finance {
    /// `type`: 0 (end of period, the default) or 1 (start); anything else non-zero counts as 1.
    static func type(_ args: Arguments, _ i: Int) throws(FormulaError) -> Double {
        (try args.number(i, default: 0)) != 0 ? 1 : 0
    }

    static func futureValue(rate r: Double, periods n: Double, payment pmt: Double, present pv: Double, type: Double) -> Double {
        if r == 0 { return -(pv + pmt * n) }
        let growth = pow(1 + r, n)
        return -(pv * growth + pmt * (1 + r * type) * (growth - 1) / r)
    }

    static func payment(rate r: Double, periods n: Double, present pv: Double, future fv: Double, type: Double) throws(FormulaError) -> Double {
        guard n != 0 else { throw FormulaError.number }
        if r == 0 { return -(pv + fv) / n }
        let growth = pow(1 + r, n)
        return -(pv * growth + fv) * r / ((1 + r * type) * (growth - 1))
    }

    /// The interest part of one period's payment (IPMT).
    static func interest(rate r: Double, period per: Double, periods n: Double, present pv: Double, future fv: Double, type: Double) throws(FormulaError) -> Double {
        guard per >= 1, per <= n else { throw FormulaError.number }
        let pmt = try payment(rate: r, periods: n, present: pv, future: fv, type: type)
        let balance: Double
        if per == 1 {
            balance = type == 1 ? 0 : -pv
        } else if type == 1 {
            balance = futureValue(rate: r, periods: per - 2, payment: pmt, present: pv, type: 1) - pmt
        } else {
            balance = futureValue(rate: r, periods: per - 1, payment: pmt, present: pv, type: 0)
        }
        return balance * r
    }

    /// CUMIPMT and CUMPRINC: the interest or principal paid from one period to another.
    static func cumulative(_ args: Arguments, principal: Bool) throws(FormulaError) -> Double {
        let r = try args.number(0), n = try args.number(1), pv = try args.number(2)
        let start = (try args.number(3)).rounded(.up), end = (try args.number(4)).rounded(.towardZero), type = try args.number(5)
        guard r > 0, n > 0, pv > 0, start >= 1, end >= 1, start <= end, end <= n, type == 0 || type == 1 else { throw FormulaError.number }
        let pmt = try payment(rate: r, periods: n, present: pv, future: 0, type: type)
        var total = 0.0
        var per = start
        while per <= end {
            let interest = try interest(rate: r, period: per, periods: n, present: pv, future: 0, type: type)
            total += principal ? pmt - interest : interest
            per += 1
        }
        guard total.isFinite else { throw FormulaError.number }
        return total
    }

    /// The numbers of a cash-flow argument (a range or an array; text and blanks are skipped).
    static func cashFlows(_ args: Arguments, _ i: Int) throws(FormulaError) -> [Double] {
        var values: [Double] = []
        try args.forEachValue(i) { (v, direct) throws(FormulaError) in
            switch v {
            case .number(let n): values.append(n)
            case .error(let e): throw e
            default: if direct { throw FormulaError.value }
            }
        }
        return values
    }

    /// XNPV's and XIRR's values and their days after the first date; #NUM! for dates before it.
    static func datedCashFlows(_ args: Arguments, values valueIndex: Int = 1, dates dateIndex: Int = 2) throws(FormulaError) -> ([Double], [Double]) {
        let values = try cashFlows(args, valueIndex)
        let dates = try cashFlows(args, dateIndex).map { $0.rounded(.towardZero) }
        guard values.count == dates.count, let first = dates.first else { throw FormulaError.number }
        guard dates.allSatisfy({ $0 >= first && $0 >= 0 }) else { throw FormulaError.number }
        return (values, dates.map { $0 - first })
    }

    /// A root of `f` by Newton's method: `f` gives the value and the slope at a rate. #NUM! when
    /// the steps do not settle (to 1e-10) or leave the rates that mean anything (above −100 %).
    static func newton(from guess: Double, steps: Int, _ f: (Double) -> (value: Double, slope: Double)) throws(FormulaError) -> Double {
        var r = guess
        for _ in 0..<steps {
            let (value, slope) = f(r)
            guard value.isFinite, slope.isFinite, slope != 0 else { throw FormulaError.number }
            let next = r - value / slope
            guard next.isFinite, next > -1 else { throw FormulaError.number }
            if abs(next - r) <= 1e-10 * max(1, abs(r)) { return next }
            r = next
        }
        throw FormulaError.number
    }
}
