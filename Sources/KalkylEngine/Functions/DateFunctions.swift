import Foundation

extension FunctionRegistry {
    static let dateFunctions: [FunctionDefinition] = [
        .scalar("DATE", 3...3) { (args) throws(FormulaError) in
            let y = try args.integer(0), m = try args.integer(1), d = try args.integer(2)
            guard let serial = DateSerial.serial(normalizingYear: y, month: m, day: d) else { throw FormulaError.number }
            return .number(Double(serial))
        },
        .scalar("YEAR", 1...1) { (args) throws(FormulaError) in .number(Double(try date(args, 0).year)) },
        .scalar("MONTH", 1...1) { (args) throws(FormulaError) in .number(Double(try date(args, 0).month)) },
        .scalar("DAY", 1...1) { (args) throws(FormulaError) in .number(Double(try date(args, 0).day)) },
        .scalar("TODAY", 0...0, volatile: true) { (args) in .number(args.context.now.rounded(.down)) },
        .scalar("NOW", 0...0, volatile: true) { (args) in .number(args.context.now) },
        .scalar("TIME", 3...3) { (args) throws(FormulaError) in
            let seconds = try args.integer(0) * 3600 + (try args.integer(1)) * 60 + (try args.integer(2))
            guard seconds >= 0 else { throw FormulaError.number }
            return .number(Double(seconds % 86400) / 86400)
        },
        .scalar("HOUR", 1...1) { (args) throws(FormulaError) in .number(Double(try secondsOfDay(args) / 3600)) },
        .scalar("MINUTE", 1...1) { (args) throws(FormulaError) in .number(Double(try secondsOfDay(args) % 3600 / 60)) },
        .scalar("SECOND", 1...1) { (args) throws(FormulaError) in .number(Double(try secondsOfDay(args) % 60)) },
        .scalar("DATEVALUE", 1...1) { (args) throws(FormulaError) in
            let currentYear = DateSerial.date(fromSerial: Int(args.context.now)).year
            guard let n = DateText.parse(try args.text(0), locale: args.context.workbook.locale, currentYear: currentYear) else {
                throw FormulaError.value
            }
            return .number(n)
        },
        .scalar("EDATE", 2...2) { (args) throws(FormulaError) in
            let (y, m, d) = try date(args, 0)
            let months = try args.integer(1)
            let total = y * 12 + (m - 1) + months
            let ny = total / 12, nm = total % 12 + 1
            // Before 1900 is no date (DATE's rule of adding 1900 to small years is not EDATE's).
            guard ny >= 1900, let serial = DateSerial.serial(normalizingYear: ny, month: nm, day: min(d, DateSerial.daysInMonth(year: ny, month: nm))) else {
                throw FormulaError.number
            }
            return .number(Double(serial))
        },
        .scalar("EOMONTH", 2...2) { (args) throws(FormulaError) in
            let (y, m, _) = try date(args, 0)
            let total = y * 12 + (m - 1) + (try args.integer(1))
            let ny = total / 12, nm = total % 12 + 1
            guard ny >= 1900, let serial = DateSerial.serial(normalizingYear: ny, month: nm, day: DateSerial.daysInMonth(year: ny, month: nm)) else {
                throw FormulaError.number
            }
            return .number(Double(serial))
        },
        .scalar("DAYS", 2...2) { (args) throws(FormulaError) in
            .number((try serial(args, 0)).rounded(.down) - (try serial(args, 1)).rounded(.down))
        },
        .scalar("DATEDIF", 3...3) { (args) throws(FormulaError) in
            let start = Int(try serial(args, 0)), end = Int(try serial(args, 1))
            guard start <= end else { throw FormulaError.number }
            let a = DateSerial.date(fromSerial: start), b = DateSerial.date(fromSerial: end)
            var months = (b.year - a.year) * 12 + (b.month - a.month)
            if b.day < a.day { months -= 1 }
            switch (try args.text(2)).uppercased() {
            case "D": return .number(Double(end - start))
            case "M": return .number(Double(months))
            case "Y": return .number(Double(months / 12))
            case "YM": return .number(Double(months % 12))
            case "MD":
                if b.day >= a.day { return .number(Double(b.day - a.day)) }
                // Days from the same day of the previous month.
                let (py, pm) = b.month == 1 ? (b.year - 1, 12) : (b.year, b.month - 1)
                let anchor = DateSerial.serial(year: py, month: pm, day: min(a.day, DateSerial.daysInMonth(year: py, month: pm)))
                return .number(Double(end - anchor))
            case "YD":
                var anniversaryYear = b.year
                if (b.month, b.day) < (a.month, a.day) { anniversaryYear -= 1 }
                let anchor = DateSerial.serial(year: anniversaryYear, month: a.month,
                                               day: min(a.day, DateSerial.daysInMonth(year: anniversaryYear, month: a.month)))
                return .number(Double(end - anchor))
            default: throw FormulaError.number
            }
        },
        .scalar("WEEKDAY", 1...2) { (args) throws(FormulaError) in
            let day = DateSerial.dayOfWeek(Int(try serial(args, 0)))  // 0 = Sunday
            let type = try args.integer(1, default: 1)
            switch type {
            case 1, 17: return .number(Double(day + 1))
            case 2, 11: return .number(Double((day + 6) % 7 + 1))
            case 3: return .number(Double((day + 6) % 7))
            case 12...16:
                // 12 = Tuesday first … 16 = Saturday first.
                let first = type - 10
                return .number(Double((day - first + 7) % 7 + 1))
            default: throw FormulaError.number
            }
        },
        .scalar("WEEKNUM", 1...2) { (args) throws(FormulaError) in
            let s = Int(try serial(args, 0))
            let type = try args.integer(1, default: 1)
            // 1 and 17: weeks from Sunday, 2 and 11: from Monday, 12–16: Tuesday … Saturday; 21 is the ISO week.
            if type == 21 { return .number(Double(isoWeek(s))) }
            guard [1, 2].contains(type) || (11...17).contains(type) else { throw FormulaError.number }
            let firstWeekday = type == 2 || type == 11 ? 1 : (type >= 12 && type <= 16 ? type - 10 : 0)
            let (y, _, _) = DateSerial.date(fromSerial: s)
            let jan1 = DateSerial.serial(year: y, month: 1, day: 1)
            let offset = (DateSerial.dayOfWeek(jan1) - firstWeekday + 7) % 7
            return .number(Double((s - jan1 + offset) / 7 + 1))
        },
        .scalar("ISOWEEKNUM", 1...1) { (args) throws(FormulaError) in
            .number(Double(isoWeek(Int(try serial(args, 0)))))
        },
        FunctionDefinition("NETWORKDAYS", 2...3) { (args) throws(FormulaError) in
            let start = Int(try serial(args, 0)), end = Int(try serial(args, 1))
            let holidays = try holidaySet(args, 2)
            var count = 0
            for day in min(start, end)...max(start, end) where isWorkday(day, holidays) { count += 1 }
            return .number(Double(start <= end ? count : -count))
        },
        FunctionDefinition("WORKDAY", 2...3) { (args) throws(FormulaError) in
            var day = Int(try serial(args, 0))
            var remaining = try args.integer(1)
            // More working days than the calendar holds (up to 9999-12-31) cannot end well.
            guard abs(remaining) <= 2_958_465 else { throw FormulaError.number }
            let holidays = try holidaySet(args, 2)
            let step = remaining >= 0 ? 1 : -1
            while remaining != 0 {
                day += step
                if isWorkday(day, holidays) { remaining -= step }
            }
            guard day >= 0, day <= 2_958_465 else { throw FormulaError.number }
            return .number(Double(day))
        },
        .scalar("YEARFRAC", 2...3) { (args) throws(FormulaError) in
            let start = Int(try serial(args, 0)), end = Int(try serial(args, 1))
            return .number(DayCount.yearFraction(start, end, try DayCount.basis(args, 2)))
        },
    ]

    /// The ISO 8601 week: weeks start on Monday, and week 1 holds the year's first Thursday.
    static func isoWeek(_ s: Int) -> Int {
        let weekday = (DateSerial.dayOfWeek(s) + 6) % 7  // Monday = 0
        let thursday = s - weekday + 3
        let (y, _, _) = DateSerial.date(fromSerial: thursday)
        let jan1 = DateSerial.serial(year: y, month: 1, day: 1)
        return (thursday - jan1) / 7 + 1
    }

    /// A date argument as a serial: numbers, or text Excel reads as a date.
    static func serial(_ args: Arguments, _ i: Int) throws(FormulaError) -> Double {
        let n = try args.number(i)
        guard n >= 0, n < 2_958_466 else { throw FormulaError.number }
        return n
    }

    static func date(_ args: Arguments, _ i: Int) throws(FormulaError) -> (year: Int, month: Int, day: Int) {
        DateSerial.date(fromSerial: Int(try serial(args, i)))
    }

    private static func secondsOfDay(_ args: Arguments) throws(FormulaError) -> Int {
        var value = args.scalar(0)
        if case .text(let s) = value, let t = TimeText.parse(s) { value = .number(t) }
        guard case .success(let n) = value.asNumber() else { throw FormulaError.value }
        guard n >= 0 else { throw FormulaError.number }
        return Int(((n - n.rounded(.down)) * 86400).rounded()) % 86400
    }

    static func holidaySet(_ args: Arguments, _ i: Int) throws(FormulaError) -> Set<Int> {
        guard !args.isOmitted(i) else { return [] }
        var set = Set<Int>()
        try args.forEachValue(i) { (value, _) throws(FormulaError) in
            switch value {
            case .number(let n): set.insert(try n.truncatedInteger(or: .number))
            case .error(let e): throw e
            case .text(let s):
                guard let n = NumberText.parse(s) else { throw FormulaError.value }
                set.insert(try n.truncatedInteger(or: .number))
            default: break
            }
        }
        return set
    }

    private static func isWorkday(_ serial: Int, _ holidays: Set<Int>) -> Bool {
        let weekday = DateSerial.dayOfWeek(serial)
        return weekday != 0 && weekday != 6 && !holidays.contains(serial)
    }
}
