import Foundation

/// Bonds and other securities: coupon dates and days (COUP…), price and yield of coupon bonds
/// (PRICE, YIELD, DURATION, MDURATION), of discounted securities and of those that pay at
/// maturity, accrued interest, and Treasury bills. Dates are truncated; settlement must come
/// before maturity, frequency be 1, 2 or 4 and basis 0–4 (see `DayCount`), else #NUM!.
extension FunctionRegistry {
    static let bondFunctions: [FunctionDefinition] = [
        coupon("COUPPCD") { c in Double(c.previous) },
        coupon("COUPNCD") { c in Double(c.next) },
        coupon("COUPNUM") { c in Double(c.count) },
        coupon("COUPDAYS") { c in c.daysInPeriod },
        coupon("COUPDAYBS") { c in Double(c.daysBeforeSettlement) },
        coupon("COUPDAYSNC") { c in c.daysToNext },
        .scalar("PRICE", 6...7) { (args) throws(FormulaError) in
            let c = try CouponSchedule(args, frequency: 5, basis: 6)
            let rate = try args.number(2), yld = try args.number(3), redemption = try args.number(4)
            guard rate >= 0, yld >= 0, redemption > 0 else { throw FormulaError.number }
            return try finite(c.price(rate: rate, yield: yld, redemption: redemption))
        },
        .scalar("YIELD", 6...7) { (args) throws(FormulaError) in
            let c = try CouponSchedule(args, frequency: 5, basis: 6)
            let rate = try args.number(2), price = try args.number(3), redemption = try args.number(4)
            guard rate >= 0, price > 0, redemption > 0 else { throw FormulaError.number }
            return try finite(try c.yield(rate: rate, price: price, redemption: redemption))
        },
        .scalar("DURATION", 5...6) { (args) throws(FormulaError) in
            let c = try CouponSchedule(args, frequency: 4, basis: 5)
            let coupon = try args.number(2), yld = try args.number(3)
            guard coupon >= 0, yld >= 0 else { throw FormulaError.number }
            return try finite(c.duration(coupon: coupon, yield: yld))
        },
        .scalar("MDURATION", 5...6) { (args) throws(FormulaError) in
            let c = try CouponSchedule(args, frequency: 4, basis: 5)
            let coupon = try args.number(2), yld = try args.number(3)
            guard coupon >= 0, yld >= 0 else { throw FormulaError.number }
            return try finite(c.duration(coupon: coupon, yield: yld) / (1 + yld / Double(c.frequency)))
        },
        .scalar("ACCRINT", 6...8) { (args) throws(FormulaError) in
            let issue = try day(args, 0), firstInterest = try day(args, 1), settlement = try day(args, 2)
            let rate = try args.number(3), par = try args.number(4, default: 1000), frequency = try args.integer(5)
            let basis = try DayCount.basis(args, 6), fromIssue = try args.boolean(7, default: true)
            guard rate > 0, par > 0, [1, 2, 4].contains(frequency), issue < settlement else { throw FormulaError.number }
            let start = !fromIssue && settlement > firstInterest ? firstInterest : issue
            return try finite(par * rate * DayCount.yearFraction(start, settlement, basis))
        },
        .scalar("ACCRINTM", 4...5) { (args) throws(FormulaError) in
            let issue = try day(args, 0), settlement = try day(args, 1)
            let rate = try args.number(2), par = try args.number(3, default: 1000), basis = try DayCount.basis(args, 4)
            guard rate > 0, par > 0, issue < settlement else { throw FormulaError.number }
            return try finite(par * rate * DayCount.yearFraction(issue, settlement, basis))
        },
        discounted("DISC") { (t, price, redemption) in (1 - price / redemption) / t },
        discounted("INTRATE") { (t, investment, redemption) in (redemption - investment) / investment / t },
        discounted("YIELDDISC") { (t, price, redemption) in (redemption / price - 1) / t },
        discounted("RECEIVED") { (t, investment, discount) in investment / (1 - discount * t) },
        discounted("PRICEDISC") { (t, discount, redemption) in redemption * (1 - discount * t) },
        .scalar("PRICEMAT", 5...6) { (args) throws(FormulaError) in
            let (settlement, maturity, issue) = (try day(args, 0), try day(args, 1), try day(args, 2))
            let rate = try args.number(3), yld = try args.number(4), basis = try DayCount.basis(args, 5)
            guard settlement < maturity, rate >= 0, yld >= 0 else { throw FormulaError.number }
            let issueToMaturity = DayCount.yearFraction(issue, maturity, basis), issueToSettlement = DayCount.yearFraction(issue, settlement, basis)
            let settlementToMaturity = DayCount.yearFraction(settlement, maturity, basis)
            return try finite(100 * ((1 + issueToMaturity * rate) / (1 + settlementToMaturity * yld) - issueToSettlement * rate))
        },
        .scalar("YIELDMAT", 5...6) { (args) throws(FormulaError) in
            let (settlement, maturity, issue) = (try day(args, 0), try day(args, 1), try day(args, 2))
            let rate = try args.number(3), price = try args.number(4), basis = try DayCount.basis(args, 5)
            guard settlement < maturity, rate >= 0, price > 0 else { throw FormulaError.number }
            let issueToMaturity = DayCount.yearFraction(issue, maturity, basis), issueToSettlement = DayCount.yearFraction(issue, settlement, basis)
            let settlementToMaturity = DayCount.yearFraction(settlement, maturity, basis)
            return try finite(((1 + issueToMaturity * rate) / (price / 100 + issueToSettlement * rate) - 1) / settlementToMaturity)
        },
        treasuryBill("TBILLEQ") { (days, discount) in 365 * discount / (360 - discount * days) },
        treasuryBill("TBILLPRICE") { (days, discount) in 100 * (1 - discount * days / 360) },
        treasuryBill("TBILLYIELD") { (days, price) in (100 - price) / price * 360 / days },
    ]

    private static func day(_ args: Arguments, _ i: Int) throws(FormulaError) -> Int { Int(try serial(args, i)) }

    private static func coupon(_ name: String, _ body: @escaping @Sendable (CouponSchedule) -> Double) -> FunctionDefinition {
        .scalar(name, 3...4) { (args) throws(FormulaError) in
            try finite(body(try CouponSchedule(args, frequency: 2, basis: 3)))
        }
    }

    /// Securities without coupons: `body(yearFraction, argument 2, argument 3)`, both arguments > 0.
    private static func discounted(_ name: String, _ body: @escaping @Sendable (Double, Double, Double) -> Double) -> FunctionDefinition {
        .scalar(name, 4...5) { (args) throws(FormulaError) in
            let settlement = try day(args, 0), maturity = try day(args, 1)
            let a = try args.number(2), b = try args.number(3), basis = try DayCount.basis(args, 4)
            guard settlement < maturity, a > 0, b > 0 else { throw FormulaError.number }
            let result = body(DayCount.yearFraction(settlement, maturity, basis), a, b)
            guard result.isFinite, name != "RECEIVED" || result > 0 else { throw FormulaError.number }
            return .number(result)
        }
    }

    /// Treasury bills: at most a year from settlement to maturity, counted in actual days.
    private static func treasuryBill(_ name: String, _ body: @escaping @Sendable (Double, Double) -> Double) -> FunctionDefinition {
        .scalar(name, 3...3) { (args) throws(FormulaError) in
            let settlement = try day(args, 0), maturity = try day(args, 1), x = try args.number(2)
            let oneYearOn = DateSerial.date(fromSerial: settlement)
            let limit = DateSerial.serial(year: oneYearOn.year + 1, month: oneYearOn.month, day: min(oneYearOn.day, DateSerial.daysInMonth(year: oneYearOn.year + 1, month: oneYearOn.month)))
            guard settlement < maturity, maturity <= limit, x > 0 else { throw FormulaError.number }
            let result = body(Double(maturity - settlement), x)
            guard result.isFinite, result > 0 else { throw FormulaError.number }
            return .number(result)
        }
    }
}

/// The coupons of a bond around its settlement date. Coupon dates fall every 12/frequency
/// months back from maturity, on the last day of the month when maturity is one.
struct CouponSchedule {
    let settlement: Int, maturity: Int, frequency: Int
    let basis: DayCount.Basis
    let previous: Int, next: Int, count: Int

    init(_ args: Arguments, frequency f: Int, basis b: Int) throws(FormulaError) {
        settlement = Int(try FunctionRegistry.serial(args, 0))
        maturity = Int(try FunctionRegistry.serial(args, 1))
        frequency = try args.integer(f)
        basis = try DayCount.basis(args, b)
        guard settlement < maturity, [1, 2, 4].contains(frequency) else { throw FormulaError.number }
        let months = 12 / frequency
        var k = 1
        while CouponSchedule.date(maturity, monthsBack: k * months) > settlement { k += 1 }
        previous = CouponSchedule.date(maturity, monthsBack: k * months)
        next = CouponSchedule.date(maturity, monthsBack: (k - 1) * months)
        count = k
    }

    static func date(_ maturity: Int, monthsBack months: Int) -> Int {
        let m = DateSerial.date(fromSerial: maturity)
        let total = m.year * 12 + (m.month - 1) - months
        let year = total / 12, month = total % 12 + 1
        let last = DateSerial.daysInMonth(year: year, month: month)
        let endOfMonth = m.day == DateSerial.daysInMonth(year: m.year, month: m.month)
        return DateSerial.serial(year: year, month: month, day: endOfMonth ? last : min(m.day, last))
    }

    var daysInPeriod: Double {
        switch basis {
        case .actualActual: return Double(next - previous)
        case .actual365: return 365 / Double(frequency)
        default: return 360 / Double(frequency)
        }
    }

    var daysBeforeSettlement: Int { DayCount.days(from: previous, to: settlement, basis) }

    var daysToNext: Double {
        switch basis {
        case .us30_360, .european30_360: return daysInPeriod - Double(daysBeforeSettlement)
        default: return Double(next - settlement)
        }
    }

    /// The price per 100 of face value, from the yield (Excel's PRICE formula).
    func price(rate: Double, yield: Double, redemption: Double) -> Double {
        let f = Double(frequency), e = daysInPeriod, a = Double(daysBeforeSettlement), dsc = daysToNext
        let coupon = 100 * rate / f
        if count == 1 {
            return (redemption + coupon) / (1 + dsc / e * yield / f) - a / e * coupon
        }
        let base = 1 + yield / f, offset = dsc / e
        var total = redemption / pow(base, Double(count - 1) + offset)
        for k in 1...count { total += coupon / pow(base, Double(k - 1) + offset) }
        return total - a / e * coupon
    }

    /// The yield that gives `price`: in closed form for one coupon left, else by Newton's method.
    func yield(rate: Double, price target: Double, redemption: Double) throws(FormulaError) -> Double {
        let f = Double(frequency), e = daysInPeriod, a = Double(daysBeforeSettlement), dsc = daysToNext
        if count == 1 {
            let paid = target / 100 + a / e * rate / f
            return (redemption / 100 + rate / f - paid) / paid * f * e / dsc
        }
        var y = 0.1
        for _ in 0..<100 {
            let p = price(rate: rate, yield: y, redemption: redemption) - target
            let h = 1e-7
            let slope = (price(rate: rate, yield: y + h, redemption: redemption) - price(rate: rate, yield: y - h, redemption: redemption)) / (2 * h)
            guard slope != 0, slope.isFinite else { throw FormulaError.number }
            let next = y - p / slope
            guard next.isFinite, next > -f else { throw FormulaError.number }
            if abs(next - y) < 1e-12 { return next }
            y = next
        }
        throw FormulaError.number
    }

    /// Macaulay duration in years: the cash flows' times weighted by their present values.
    func duration(coupon: Double, yield: Double) -> Double {
        let f = Double(frequency)
        let offset = DayCount.yearFraction(settlement, maturity, basis) * f - Double(count)
        let payment = 100 * coupon / f, base = 1 + yield / f
        var weighted = 0.0, present = 0.0
        for k in 1...count {
            let t = Double(k) + offset
            let flow = k == count ? payment + 100 : payment
            weighted += t * flow / pow(base, t)
            present += flow / pow(base, t)
        }
        return weighted / present / f
    }
}
