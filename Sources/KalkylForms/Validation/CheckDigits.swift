/// The mod-10 (Luhn) check digit that Swedish organisationsnummer, bankgiro and plusgiro
/// numbers end with: from the right, every second digit is doubled (9 subtracted above 9),
/// and the sum of all digits, the check digit included, is a multiple of 10.
public enum CheckDigits {
    public static func isValidMod10(_ digits: [Int]) -> Bool {
        guard !digits.isEmpty else { return false }
        var sum = 0
        for (i, digit) in digits.reversed().enumerated() {
            var n = digit
            if i % 2 == 1 {
                n *= 2
                if n > 9 { n -= 9 }
            }
            sum += n
        }
        return sum % 10 == 0
    }

    /// The digits of a number written with optional spaces and one dash; nil if anything else.
    static func digits(_ text: String, allowingSpaces: Bool = true) -> [Int]? {
        var digits: [Int] = []
        for ch in text {
            if let d = ch.wholeNumberValue, ch.isASCII { digits.append(d); continue }
            if ch == "-" || (allowingSpaces && ch == " ") { continue }
            return nil
        }
        return digits
    }
}
