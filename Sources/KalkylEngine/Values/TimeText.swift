import Foundation

/// Times written as text, as arithmetic, VALUE and TIMEVALUE read them.
enum TimeText {
    /// `h:mm`, `h:mm:ss` (seconds may have a fraction), and with `AM`/`PM` after it (`6:35 PM`).
    static func parse(_ s: String) -> Double? {
        var text = Substring(s.trimmingCharacters(in: .whitespaces))
        var afternoon: Bool?
        let upper = text.uppercased()
        if upper.hasSuffix("AM") || upper.hasSuffix("PM") {
            afternoon = upper.hasSuffix("PM")
            text = text.dropLast(2)
            while text.last == " " { text = text.dropLast() }
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }), var h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        let sec = parts.count == 3 ? Double(parts[2]) ?? -1 : 0
        guard h >= 0, (0..<60).contains(m), sec >= 0, sec < 60 else { return nil }
        if let pm = afternoon {
            guard (0...12).contains(h) else { return nil }
            h = h % 12 + (pm ? 12 : 0)
        }
        return (Double(h) * 3600 + Double(m) * 60 + sec) / 86400
    }

    /// A time (`18:35`) or an ISO date and a time (`2011-08-22 18:35`) as a serial: the date's
    /// days and the time's fraction of one.
    static func dateAndTime(_ s: String) -> Double? {
        if let t = parse(s) { return t }
        let trimmed = s.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(of: " "), let day = NumberText.parseISODate(trimmed[..<space]),
              let t = parse(String(trimmed[space...])) else { return nil }
        return day + t
    }

    /// TIMEVALUE's reading: the time of day of a time or of an ISO date and a time.
    static func timeOfDay(_ s: String) -> Double? {
        dateAndTime(s).map { $0.truncatingRemainder(dividingBy: 1) }
    }
}
