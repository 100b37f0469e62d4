/// Dates as Excel's 1900-system serial numbers: 1 is 1900-01-01, and 60 is the fictitious
/// 1900-02-29 that Excel keeps for compatibility with Lotus 1-2-3, so every serial from 61 on
/// is the number of days since 1899-12-30.
public enum DateSerial {
    /// Days from 1970-01-01 to a civil date (proleptic Gregorian); Howard Hinnant's algorithm.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 1899-12-30 in days since 1970-01-01.
    private static let epoch = daysFromCivil(year: 1899, month: 12, day: 30)

    /// The serial of a valid civil date (1900-01-01 or later).
    public static func serial(year: Int, month: Int, day: Int) -> Int {
        let serial = daysFromCivil(year: year, month: month, day: day) - epoch
        // Before 1900-03-01 Excel counts the phantom 1900-02-29, so early dates are one less.
        return serial <= 60 ? serial - 1 : serial
    }

    /// The civil date of a serial. Serial 60 gives 1900-02-29; serial 0 gives 1900-01-00 as Excel does.
    public static func date(fromSerial serial: Int) -> (year: Int, month: Int, day: Int) {
        if serial == 60 { return (1900, 2, 29) }
        if serial == 0 { return (1900, 1, 0) }
        let adjusted = serial < 60 ? serial + 1 : serial
        return civilFromDays(adjusted + epoch)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Excel's DATE: years 0–1899 are taken as 1900+year, months and days overflow into the
    /// next or previous year or month. Returns nil outside serials 0…2958465 (year 9999).
    public static func serial(normalizingYear year: Int, month: Int, day: Int) -> Int? {
        var y = year
        if y < 0 || y > 9999 { return nil }
        if y < 1900 { y += 1900 }
        // Normalise the month into 1...12, carrying whole years.
        let monthIndex = y * 12 + (month - 1)
        let normalizedYear = Int((Double(monthIndex) / 12).rounded(.down))
        let normalizedMonth = monthIndex - normalizedYear * 12 + 1
        let firstOfMonth = daysFromCivil(year: normalizedYear, month: normalizedMonth, day: 1) - epoch
        var result = firstOfMonth + day - 1
        // Excel's phantom leap day: dates up to 1900-02-28 are one serial lower.
        if result <= 60 { result -= 1 }
        // DATE(1900,2,29) is serial 60 in Excel.
        if normalizedYear == 1900 && normalizedMonth == 2 && day == 29 { result = 60 }
        guard result >= 0, result <= 2_958_465 else { return nil }
        return result
    }

    /// Day of the week of a serial, 0 = Sunday … 6 = Saturday (Excel treats serial 1 as a Sunday).
    public static func dayOfWeek(_ serial: Int) -> Int {
        // One formula serves all serials: the phantom 1900-02-29 shifts early weekdays as in Excel.
        ((serial - 1) % 7 + 7) % 7
    }
}
