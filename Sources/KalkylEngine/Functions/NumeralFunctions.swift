import Foundation

/// Numbers written in other systems: Roman numerals (ROMAN's five forms, from classic to the
/// most concise) and positional bases 2–36 (BASE, DECIMAL).
extension FunctionRegistry {
    static let numeralFunctions: [FunctionDefinition] = [
        .scalar("ROMAN", 1...2) { (args) throws(FormulaError) in
            let n = (try args.number(0)).rounded(.towardZero)
            let form: Int
            if args.count > 1, case .boolean(let b) = args.scalar(1) { form = b ? 0 : 4 } else { form = try args.integer(1, default: 0) }
            guard n >= 0, n <= 3999, (0...4).contains(form) else { throw FormulaError.value }
            return .text(Numerals.roman(Int(n), form: form))
        },
        .scalar("ARABIC", 1...1) { (args) throws(FormulaError) in
            .number(Double(try Numerals.arabic(try args.text(0))))
        },
        .scalar("BASE", 2...3) { (args) throws(FormulaError) in
            let n = (try args.number(0)).rounded(.towardZero), radix = try args.integer(1), length = try args.integer(2, default: 0)
            guard n >= 0, n < 9007199254740992, (2...36).contains(radix), (0...255).contains(length) else { throw FormulaError.number }
            let digits = String(UInt64(n), radix: radix, uppercase: true)
            return .text(String(repeating: "0", count: max(0, length - digits.count)) + digits)
        },
        .scalar("DECIMAL", 2...2) { (args) throws(FormulaError) in
            let text = try args.text(0), radix = try args.integer(1)
            guard (2...36).contains(radix), text.count <= 255 else { throw FormulaError.number }
            var value = 0.0
            for ch in text.uppercased() {
                guard let d = ch.hexDigitValue ?? ch.letterDigit, d < radix else { throw FormulaError.number }
                value = value * Double(radix) + Double(d)
            }
            return try finite(value)
        },
    ]
}

private extension Character {
    /// G–Z as the digits 16–35 of bases above 16.
    var letterDigit: Int? {
        guard let a = asciiValue, a >= 71, a <= 90 else { return nil }
        return Int(a) - 55
    }
}

enum Numerals {
    private static let letters: [Character] = ["M", "D", "C", "L", "X", "V", "I"]
    private static let values = [1000, 500, 100, 50, 10, 5, 1]

    /// Form 0 is classic (499 = CDXCIX); each higher form lets a smaller numeral subtract from a
    /// larger one further away (form 4: 499 = ID), as Excel's ROMAN does.
    static func roman(_ number: Int, form: Int) -> String {
        var n = number, result = ""
        let last = values.count - 1
        for i in 0...(last / 2) {
            var index = 2 * i
            let digit = n / values[index]
            if digit % 5 == 4 {
                // 4 or 9 of this place: a subtraction, from the next 5 or 10 above.
                let larger = digit == 4 ? index - 1 : index - 2
                var steps = 0
                while steps < form && index < last {
                    steps += 1
                    if values[larger] - values[index + 1] <= n { index += 1 } else { steps = form }
                }
                result.append(letters[index])
                result.append(letters[larger])
                n += values[index] - values[larger]
            } else {
                if digit > 4 { result.append(letters[index - 1]) }
                result += String(repeating: letters[index], count: digit % 5)
                n %= values[index]
            }
        }
        return result
    }

    /// The value of a Roman numeral in any of ROMAN's forms (and a leading minus sign).
    static func arabic(_ text: String) throws(FormulaError) -> Int {
        var s = Substring(text.trimmingCharacters(in: .whitespaces).uppercased())
        guard s.count <= 255 else { throw FormulaError.value }
        var sign = 1
        if s.first == "-" { sign = -1; s = s.dropFirst() }
        var total = 0, previous = 0
        for ch in s.reversed() {
            guard let i = letters.firstIndex(of: ch) else { throw FormulaError.value }
            let v = values[i]
            if v < previous { total -= v } else { total += v; previous = v }
        }
        return sign * total
    }
}
