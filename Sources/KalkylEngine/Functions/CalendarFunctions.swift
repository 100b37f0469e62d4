import Foundation

/// Working days with any weekend (NETWORKDAYS.INTL, WORKDAY.INTL), the 360-day year of DAYS360,
/// and TIMEVALUE. A weekend is a code (1 = Saturday and Sunday … 7 = Friday and Saturday,
/// 11 = Sunday only … 17 = Saturday only) or seven 0/1 characters from Monday to Sunday
/// ("0000011"); another code is #NUM!, another text #VALUE!.
extension FunctionRegistry {
    static let calendarFunctions: [FunctionDefinition] = [
        FunctionDefinition("NETWORKDAYS.INTL", 2...4) { (args) throws(FormulaError) in
            let start = Int(try serial(args, 0)), end = Int(try serial(args, 1))
            let weekend = try Weekend(args, 2), holidays = try holidaySet(args, 3)
            var count = 0
            for day in min(start, end)...max(start, end) where weekend.isWorkday(day) && !holidays.contains(day) { count += 1 }
            return .value(.number(Double(start <= end ? count : -count)))
        },
        FunctionDefinition("WORKDAY.INTL", 2...4) { (args) throws(FormulaError) in
            var day = Int(try serial(args, 0))
            var remaining = try args.integer(1)
            let weekend = try Weekend(args, 2), holidays = try holidaySet(args, 3)
            guard !weekend.isEveryDay else { throw FormulaError.value }
            guard abs(remaining) <= 2_958_465 else { throw FormulaError.number }
            let step = remaining >= 0 ? 1 : -1
            while remaining != 0 {
                day += step
                guard day >= 0, day <= 2_958_465 else { throw FormulaError.number }
                if weekend.isWorkday(day) && !holidays.contains(day) { remaining -= step }
            }
            return .value(.number(Double(day)))
        },
        .scalar("DAYS360", 2...3) { (args) throws(FormulaError) in
            let a = try date(args, 0), b = try date(args, 1), european = try args.boolean(2, default: false)
            var d1 = a.day, d2 = b.day
            if european {
                d1 = min(d1, 30)
                d2 = min(d2, 30)
            } else {
                // The US (NASD) method: a start on the last day of its month counts as the 30th;
                // an end on the 31st as the 30th when the start is the 30th or later.
                if d1 == DateSerial.daysInMonth(year: a.year, month: a.month) { d1 = 30 }
                if d2 == 31 && d1 >= 30 { d2 = 30 }
            }
            return .number(Double((b.year - a.year) * 360 + (b.month - a.month) * 30 + (d2 - d1)))
        },
        .scalar("TIMEVALUE", 1...1) { (args) throws(FormulaError) in
            guard let t = TimeText.timeOfDay(try args.text(0)) else { throw FormulaError.value }
            return .number(t)
        },
    ]
}

/// Which days of the week are not working days.
struct Weekend {
    /// Indexed Monday = 0 … Sunday = 6.
    private var days = [Bool](repeating: false, count: 7)

    init(_ args: Arguments, _ i: Int) throws(FormulaError) {
        guard !args.isOmitted(i) else { days[5] = true; days[6] = true; return }
        switch args.scalar(i) {
        case .text(let s):
            guard s.count == 7, s.allSatisfy({ $0 == "0" || $0 == "1" }) else { throw FormulaError.value }
            days = s.map { $0 == "1" }
        case .error(let e): throw e
        default:
            let code = try args.integer(i)
            switch code {
            case 1...7:
                // 1: Saturday and Sunday, 2: Sunday and Monday … 7: Friday and Saturday.
                days[(code + 4) % 7] = true
                days[(code + 5) % 7] = true
            case 11...17: days[(code - 11 + 6) % 7] = true
            default: throw FormulaError.number
            }
        }
    }

    var isEveryDay: Bool { days.allSatisfy { $0 } }

    func isWorkday(_ serial: Int) -> Bool {
        let sundayFirst = DateSerial.dayOfWeek(serial)  // 0 = Sunday
        return !days[(sundayFirst + 6) % 7]
    }
}
