import Foundation

/// Excel's rules for reading a value as a number, text or truth value.
extension Value {
    /// The value in arithmetic: empty is 0, TRUE is 1, text must read as a number.
    public func asNumber() -> Result<Double, FormulaError> {
        switch self {
        case .number(let n): return .success(n)
        case .empty: return .success(0)
        case .boolean(let b): return .success(b ? 1 : 0)
        case .text(let s):
            if let n = NumberText.parse(s) { return .success(n) }
            return .failure(.value)
        case .error(let e): return .failure(e)
        }
    }

    /// The value in arithmetic in a workbook of `locale`: text reads as a person of that locale
    /// types numbers (Swedish `"1 000"`, `"12,5"`, `"100 kr"`), or as a time; English as `asNumber()`.
    public func asNumber(in locale: SpreadsheetLocale) -> Result<Double, FormulaError> {
        guard case .text(let s) = self, locale.code != "en" else { return asNumber() }
        if let typed = locale.number(from: s) { return .success(typed.value) }
        if let time = TimeText.dateAndTime(s) { return .success(time) }
        return .failure(.value)
    }

    /// The value in text context: empty is "", numbers in General format, TRUE is "TRUE".
    public func asText() -> Result<String, FormulaError> {
        switch self {
        case .text(let s): return .success(s)
        case .error(let e): return .failure(e)
        default: return .success(description)
        }
    }

    /// The value as a condition: numbers are true when not 0, text must be TRUE or FALSE.
    public func asBoolean() -> Result<Bool, FormulaError> {
        switch self {
        case .boolean(let b): return .success(b)
        case .number(let n): return .success(n != 0)
        case .empty: return .success(false)
        case .text(let s):
            switch s.uppercased() {
            case "TRUE": return .success(true)
            case "FALSE": return .success(false)
            default: return .failure(.value)
            }
        case .error(let e): return .failure(e)
        }
    }
}

/// Reads text as a number the way Excel does when text meets arithmetic or `VALUE`:
/// `" 1,234.5 "`, `"50%"`, `"$5"`, `"1e3"`, `"(12)"`, ISO dates `"2024-03-31"` as serials,
/// times `"10:30"` as fractions of a day and both `"2024-03-31 10:30"`. Dates with slashes are
/// left alone here: their order depends on the locale (see `DateText`), which arithmetic does
/// not know.
public enum NumberText {
    public static func parse(_ text: String) -> Double? {
        plainNumber(text) ?? TimeText.dateAndTime(text)
    }

    private static func plainNumber(_ text: String) -> Double? {
        var s = Substring(text.trimmingCharacters(in: " "))
        guard !s.isEmpty else { return nil }
        if let date = parseISODate(s) { return date }
        var negative = false
        if s.first == "(" && s.last == ")" {
            negative = true
            s = s.dropFirst().dropLast()
        }
        if s.first == "-" { negative.toggle(); s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        if s.first == "$" { s = s.dropFirst() }
        var scale = 1.0
        while s.last == "%" { scale /= 100; s = s.dropLast() }
        guard let first = s.first, first.isASCII, first.isNumber || first == "." else { return nil }
        // Thousands separators: "1,234,567.5" — a first group of 1 to 3 digits, then groups of 3.
        var digits = String(s)
        if s.contains(",") {
            let integerPart = s.prefix(while: { $0 != "." && $0 != "e" && $0 != "E" })
            let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            digits = digits.replacingOccurrences(of: ",", with: "")
        }
        guard digits.allSatisfy({ "0123456789.eE+-".contains($0) }),
              let value = Double(digits), value.isFinite else { return nil }
        return (negative ? -value : value) * scale
    }

    /// `yyyy-mm-dd` as a 1900-system serial.
    public static func parseISODate(_ s: Substring) -> Double? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= DateSerial.daysInMonth(year: y, month: m)
        else { return nil }
        return Double(DateSerial.serial(year: y, month: m, day: d))
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: Character) -> Substring {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return s
    }
}
