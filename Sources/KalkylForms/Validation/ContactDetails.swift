/// E-mail addresses and Swedish telephone numbers with area code.
public enum ContactDetails {
    /// `name@domain.tld`: one @, no spaces, a dot in the domain with something on both sides.
    public static func email(_ text: String) -> Result<String, Invalid> {
        let s = text.trimmingSpaces()
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !s.contains(" "),
              let dot = parts[1].lastIndex(of: "."), dot != parts[1].startIndex, parts[1].index(after: dot) != parts[1].endIndex,
              !parts[1].hasPrefix("."), !parts[1].contains("..") else {
            return .invalid("must be an e-mail address such as namn@region.se, got '\(text)'")
        }
        return .success(s)
    }

    /// A Swedish number with its area code: `090-785 00 00`, `08-123 456 78`, `+46 90 785 00 00`,
    /// `070-123 45 67`. Eight to ten digits starting with 0 (or +46 instead of the 0).
    public static func phone(_ text: String) -> Result<String, Invalid> {
        var s = text.trimmingSpaces()
        if s.hasPrefix("+46") { s = "0" + s.dropFirst(3).trimmingSpaces() }
        guard s.allSatisfy({ $0.isASCII && ($0.isNumber || " -()".contains($0)) }) else {
            return .invalid("must be a telephone number with area code, such as 090-785 00 00, got '\(text)'")
        }
        let digits = s.filter(\.isNumber)
        guard digits.hasPrefix("0"), !digits.hasPrefix("00"), (8...10).contains(digits.count) else {
            return .invalid("must include the area code (starting with 0 or +46) and be 8 to 10 digits, got '\(text)'")
        }
        return .success(text.trimmingSpaces())
    }
}
