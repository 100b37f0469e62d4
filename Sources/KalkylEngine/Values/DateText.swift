/// Dates written as text, as DATEVALUE reads them: ISO (`2011-02-23`, `2011/02/23`), with
/// slashes in the locale's order (`2/23/2011` in English, `23/2/2011` in Swedish; the year
/// may be left out for this year, or written with two digits: 00–29 are 2000–2029, 30–99
/// 1930–1999), and with a month's name or its first three letters in English or the locale
/// (`22-MAY-2011`, `May 22, 2011`, `22 maj 2011`). A time after the date is ignored.
enum DateText {
    static func parse(_ text: String, locale: SpreadsheetLocale, currentYear: Int) -> Double? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        // A time after the date: `2011-02-23 10:30`, `2/23/2011 6:35 PM`.
        if let last = words.last?.uppercased(), last == "AM" || last == "PM" { words.removeLast() }
        if words.count > 1, words.last?.contains(":") == true { words.removeLast() }
        let joined = words.joined(separator: " ")
        if let iso = NumberText.parseISODate(Substring(joined)) { return iso }
        let parts = joined.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == " " || $0 == "." }).map(String.init)
        guard (2...3).contains(parts.count) else { return nil }
        var year: Int?, month: Int?, day: Int?
        if let i = parts.firstIndex(where: { monthNumber($0, locale) != nil }) {
            month = monthNumber(parts[i], locale)
            let numbers = parts.enumerated().filter { $0.offset != i }.map(\.element)
            guard numbers.allSatisfy({ Int($0) != nil }) else { return nil }
            day = Int(numbers[0])
            if numbers.count == 2 { year = Int(numbers[1]) }
        } else {
            guard parts.allSatisfy({ Int($0) != nil }) else { return nil }
            let n = parts.map { Int($0)! }
            if parts[0].count == 4 {
                guard parts.count == 3 else { return nil }
                (year, month, day) = (n[0], n[1], n[2])
            } else {
                (month, day) = locale.dayBeforeMonth ? (n[1], n[0]) : (n[0], n[1])
                if n.count == 3 { year = n[2] }
            }
        }
        guard let m = month, let d = day else { return nil }
        var y = year ?? currentYear
        if let written = year, written < 100 { y = written < 30 ? 2000 + written : 1900 + written }
        guard (1900...9999).contains(y), (1...12).contains(m), d >= 1, d <= DateSerial.daysInMonth(year: y, month: m) else { return nil }
        return Double(DateSerial.serial(year: y, month: m, day: d))
    }

    private static let englishMonths = SpreadsheetLocale.english.monthNames

    /// 1–12 for a month's name or its first three letters, in English or the locale.
    private static func monthNumber(_ word: String, _ locale: SpreadsheetLocale) -> Int? {
        let lower = word.lowercased()
        guard lower.count >= 3, lower.allSatisfy(\.isLetter) else { return nil }
        for names in [englishMonths, locale.monthNames] {
            if let i = names.firstIndex(where: { $0.lowercased() == lower || ($0.lowercased().hasPrefix(lower) && lower.count == 3) }) {
                return i + 1
            }
        }
        return nil
    }
}
