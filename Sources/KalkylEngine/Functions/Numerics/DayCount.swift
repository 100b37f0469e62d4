import Foundation

/// Excel's day-count bases, shared by YEARFRAC and the bond functions: 0 US (NASD) 30/360,
/// 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360. Dates are serials.
enum DayCount {
    enum Basis: Int { case us30_360 = 0, actualActual, actual360, actual365, european30_360 }

    /// The basis argument: 0 when omitted, #NUM! outside 0–4.
    static func basis(_ args: Arguments, _ i: Int) throws(FormulaError) -> Basis {
        guard let basis = Basis(rawValue: try args.integer(i, default: 0)) else { throw FormulaError.number }
        return basis
    }

    /// Days from one date to another as the basis counts them.
    static func days(from start: Int, to end: Int, _ basis: Basis) -> Int {
        switch basis {
        case .us30_360, .european30_360:
            let a = DateSerial.date(fromSerial: start), b = DateSerial.date(fromSerial: end)
            var d1 = a.day, d2 = b.day
            if basis == .european30_360 {
                d1 = min(d1, 30)
                d2 = min(d2, 30)
            } else {
                let aIsFebruaryEnd = a.month == 2 && a.day == DateSerial.daysInMonth(year: a.year, month: 2)
                let bIsFebruaryEnd = b.month == 2 && b.day == DateSerial.daysInMonth(year: b.year, month: 2)
                if aIsFebruaryEnd && bIsFebruaryEnd { d2 = 30 }
                if aIsFebruaryEnd { d1 = 30 }
                if d2 == 31 && d1 >= 30 { d2 = 30 }
                if d1 == 31 { d1 = 30 }
            }
            return (b.year - a.year) * 360 + (b.month - a.month) * 30 + (d2 - d1)
        default:
            return end - start
        }
    }

    /// YEARFRAC: the fraction of a year between two dates (in either order).
    static func yearFraction(_ first: Int, _ second: Int, _ basis: Basis) -> Double {
        let start = min(first, second), end = max(first, second)
        switch basis {
        case .us30_360, .european30_360: return Double(days(from: start, to: end, basis)) / 360
        case .actual360: return Double(end - start) / 360
        case .actual365: return Double(end - start) / 365
        case .actualActual:
            let a = DateSerial.date(fromSerial: start), b = DateSerial.date(fromSerial: end)
            if a.year == b.year { return Double(end - start) / (DateSerial.isLeapYear(a.year) ? 366 : 365) }
            // Within a year of each other: a year of 366 days when it holds a 29 February.
            let oneYearOn = DateSerial.serial(year: a.year + 1, month: a.month, day: min(a.day, DateSerial.daysInMonth(year: a.year + 1, month: a.month)))
            if end <= oneYearOn {
                let holdsLeapDay = (a.year...b.year).contains { y in
                    guard DateSerial.isLeapYear(y) else { return false }
                    let leapDay = DateSerial.serial(year: y, month: 2, day: 29)
                    return leapDay >= start && leapDay <= end
                }
                return Double(end - start) / (holdsLeapDay ? 366 : 365)
            }
            let years = Double(b.year - a.year + 1)
            let days = (a.year...b.year).reduce(0) { $0 + (DateSerial.isLeapYear($1) ? 366 : 365) }
            return Double(end - start) / (Double(days) / years)
        }
    }
}
