/// Organisationsnummer, bankgiro and plusgiro numbers, checked as their issuers define them.
public enum SwedishNumbers {
    /// Organisationsnummer: ten digits, `NNNNNN-NNNN` or without the dash, the last a mod-10
    /// check digit. Returns the number written `NNNNNN-NNNN`.
    public static func organisationsnummer(_ text: String) -> Result<String, Invalid> {
        let trimmed = text.trimmingSpaces()
        guard let digits = CheckDigits.digits(trimmed, allowingSpaces: false), digits.count == 10,
              trimmed.filter({ $0 == "-" }).count <= 1, !trimmed.contains("-") || trimmed.firstIndex(of: "-") == trimmed.index(trimmed.startIndex, offsetBy: 6) else {
            return .invalid("must be 10 digits written NNNNNN-NNNN, got '\(text)'")
        }
        guard CheckDigits.isValidMod10(digits) else {
            return .invalid("the check digit is wrong (the last digit of \(text) does not match the others)")
        }
        let s = digits.map(String.init).joined()
        return .success(String(s.prefix(6)) + "-" + String(s.suffix(4)))
    }

    /// Bankgiro: seven or eight digits written `NNN-NNNN` or `NNNN-NNNN`, the last a mod-10 check digit.
    public static func bankgiro(_ text: String) -> Result<String, Invalid> {
        let trimmed = text.trimmingSpaces()
        guard let digits = CheckDigits.digits(trimmed, allowingSpaces: false), (7...8).contains(digits.count),
              !trimmed.contains("-") || trimmed.distance(from: trimmed.firstIndex(of: "-")!, to: trimmed.endIndex) == 5 else {
            return .invalid("a bankgiro number is 7 or 8 digits written NNN-NNNN or NNNN-NNNN, got '\(text)'")
        }
        guard CheckDigits.isValidMod10(digits) else { return .invalid("the check digit of bankgiro \(text) is wrong") }
        let s = digits.map(String.init).joined()
        return .success(String(s.dropLast(4)) + "-" + String(s.suffix(4)))
    }

    /// Plusgiro: two to eight digits, the last a mod-10 check digit, written with the check digit
    /// after a dash (`4 10 52 10-3` or `4105210-3`).
    public static func plusgiro(_ text: String) -> Result<String, Invalid> {
        let trimmed = text.trimmingSpaces()
        guard let digits = CheckDigits.digits(trimmed), (2...8).contains(digits.count),
              !trimmed.contains("-") || trimmed.distance(from: trimmed.firstIndex(of: "-")!, to: trimmed.endIndex) == 2 else {
            return .invalid("a plusgiro number is 2 to 8 digits with the check digit after a dash, got '\(text)'")
        }
        guard CheckDigits.isValidMod10(digits) else { return .invalid("the check digit of plusgiro \(text) is wrong") }
        let s = digits.map(String.init).joined()
        return .success(String(s.dropLast()) + "-" + String(s.suffix(1)))
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
