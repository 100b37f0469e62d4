import Foundation
import KalkylEngine

/// Dates, periods, diarienummer and amounts as the Bilaga 2 forms need them.
public enum FormValues {
    /// An ISO date, `2025-03-31`, that exists in the calendar; returns its serial.
    public static func date(_ text: String) -> Result<Int, Invalid> {
        let s = text.trimmingSpaces()
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            return .invalid("must be a date written yyyy-mm-dd, got '\(text)'")
        }
        guard y >= 1900, (1...12).contains(m), d >= 1, d <= DateSerial.daysInMonth(year: y, month: m) else {
            return .invalid("\(text) is not a date in the calendar")
        }
        return .success(DateSerial.serial(year: y, month: m, day: d))
    }

    /// A period `2025-01-01 – 2025-12-31` (dash, en dash or "till" between): both dates valid,
    /// the end after the start.
    public static func period(_ text: String) -> Result<(start: Int, end: Int), Invalid> {
        var separated: [String] = []
        for separator in [" – ", " - ", "–", " till ", " to "] where text.contains(separator) {
            separated = text.components(separatedBy: separator)
            break
        }
        if separated.isEmpty, text.count == 21, text[text.index(text.startIndex, offsetBy: 10)] == "-" {
            separated = [String(text.prefix(10)), String(text.suffix(10))]
        }
        guard separated.count == 2 else {
            return .invalid("must be a period written yyyy-mm-dd – yyyy-mm-dd, got '\(text)'")
        }
        let start: Int, end: Int
        switch (date(separated[0]), date(separated[1])) {
        case (.success(let a), .success(let b)): (start, end) = (a, b)
        case (.failure(let message), _), (_, .failure(let message)): return .failure(message)
        }
        guard end > start else { return .invalid("the period ends (\(separated[1].trimmingSpaces())) before it starts (\(separated[0].trimmingSpaces()))") }
        return .success((start, end))
    }

    /// A Government Offices diarienummer: a department letter or letters, the year, a slash and
    /// the number, such as `S2023/01234` (`S2024/02033` in the seed agreements).
    public static func diarienummer(_ text: String) -> Result<String, Invalid> {
        let s = text.trimmingSpaces()
        let halves = s.split(separator: "/", omittingEmptySubsequences: false)
        let letters = halves.first?.prefix(while: { $0.isLetter && $0.isUppercase && $0.isASCII }) ?? ""
        let year = halves.first?.dropFirst(letters.count) ?? ""
        guard halves.count == 2, (1...3).contains(letters.count), year.count == 4, year.allSatisfy(\.isNumber),
              (2...6).contains(halves[1].count), halves[1].allSatisfy({ $0.isNumber && $0.isASCII }) else {
            return .invalid("must be a diarienummer such as S2023/01234, got '\(text)'")
        }
        return .success(s)
    }

    /// An amount in kronor: whole kronor or kronor and öre, not negative. Spaces between
    /// thousands and a decimal comma are accepted (`13 419 998`, `1 500,50`).
    public static func amount(_ text: String) -> Result<Double, Invalid> {
        // As Swedish Excel reads it; a percent is no amount.
        guard let typed = SpreadsheetLocale.swedish.number(from: text), typed.format?.hasSuffix("%") != true else {
            return .invalid("must be an amount in kronor, got '\(text)'")
        }
        guard typed.value >= 0 else { return .invalid("must not be negative, got \(text)") }
        guard typed.decimals <= 2 else {
            return .invalid("has more than two decimals (öre), got \(text)")
        }
        return .success(typed.value)
    }
}
