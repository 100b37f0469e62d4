import Foundation

/// Rounding as a person sees the number: Excel first takes the 15 significant digits it
/// displays, then rounds that decimal. So ROUND(1.005,2) is 1.01 although the Double is
/// 1.00499999999999989…, and ROUND(21.9/0.2,0) is 110 although the quotient is 109.49999999999999.
public enum DecimalRounding {
    public enum Mode { case halfAwayFromZero, awayFromZero, towardZero }

    public static func round(_ x: Double, digits: Int, mode: Mode = .halfAwayFromZero) -> Double {
        guard x.isFinite, x != 0 else { return x }
        let digits = max(-308, min(digits, 308))
        // Fast path: far from a tie (or an integer for the directed modes), binary arithmetic is exact enough.
        if abs(digits) <= 15 {
            let scale = pow(10.0, Double(abs(digits)))
            let scaled = digits >= 0 ? x * scale : x / scale
            if abs(scaled) < 1e15 {
                let fraction = abs(scaled - scaled.rounded(.towardZero))
                let nearTie: Bool
                switch mode {
                case .halfAwayFromZero: nearTie = abs(fraction - 0.5) < 1e-6
                case .awayFromZero, .towardZero: nearTie = fraction < 1e-6 || fraction > 1 - 1e-6
                }
                if !nearTie {
                    let rounded: Double
                    switch mode {
                    case .halfAwayFromZero: rounded = scaled.rounded(.toNearestOrAwayFromZero)
                    case .awayFromZero: rounded = scaled.rounded(.awayFromZero)
                    case .towardZero: rounded = scaled.rounded(.towardZero)
                    }
                    return digits >= 0 ? rounded / scale : rounded * scale
                }
            }
        }
        return roundDecimal(x, digits: digits, mode: mode)
    }

    /// The 15 significant digits of `x` as (negative, digits, exponent), where
    /// x ≈ 0.d1d2…d15 × 10^exponent.
    static func significantDigits(_ x: Double) -> (negative: Bool, digits: [UInt8], exponent: Int) {
        let text = String(format: "%.14e", x)  // "-1.00500000000000e+00"
        var negative = false
        var digits: [UInt8] = []
        var exponent = 0
        var s = Substring(text)
        if s.first == "-" { negative = true; s = s.dropFirst() }
        let parts = s.split(separator: "e")
        for ch in parts[0].utf8 where ch != UInt8(ascii: ".") { digits.append(ch - 48) }
        exponent = Int(parts[1])! + 1
        return (negative, digits, exponent)
    }

    private static func roundDecimal(_ x: Double, digits: Int, mode: Mode) -> Double {
        let (negative, all, exponent) = significantDigits(x)
        // Number of digits to keep: those before the decimal point plus `digits` after it.
        let keep = exponent + digits
        if keep >= all.count { return Double(decimalText(negative, all, exponent))! }
        var kept = keep > 0 ? Array(all[0..<keep]) : []
        let dropped = keep >= 0 ? Array(all[keep...]) : all
        let roundUp: Bool
        switch mode {
        case .halfAwayFromZero: roundUp = keep >= 0 && (dropped.first ?? 0) >= 5
        case .awayFromZero: roundUp = dropped.contains(where: { $0 != 0 })
        case .towardZero: roundUp = false
        }
        var newExponent = exponent
        if roundUp {
            if keep < 0 {
                // The number is smaller than one unit of the last kept digit: it becomes that unit.
                return (negative ? -1 : 1) * pow(10.0, Double(-digits))
            }
            var i = kept.count - 1
            while i >= 0 {
                if kept[i] == 9 { kept[i] = 0; i -= 1 } else { kept[i] += 1; break }
            }
            if i < 0 { kept.insert(1, at: 0); newExponent += 1 }
        }
        if kept.isEmpty || kept.allSatisfy({ $0 == 0 }) { return 0 }
        return Double(decimalText(negative, kept, newExponent))!
    }

    /// "-0.d1d2…e±exp" for Double's parser.
    private static func decimalText(_ negative: Bool, _ digits: [UInt8], _ exponent: Int) -> String {
        var s = negative ? "-0." : "0."
        for d in digits { s.append(Character(UnicodeScalar(d + 48))) }
        if digits.isEmpty { s.append("0") }
        s += "e\(exponent)"
        return s
    }

    /// `x` reduced to the 15 significant digits Excel works with, for quotients such as those
    /// in MROUND, CEILING and FLOOR where 6.499999999999999 should count as 6.5.
    public static func fifteenDigits(_ x: Double) -> Double {
        guard x.isFinite, x != 0 else { return x }
        let (negative, digits, exponent) = significantDigits(x)
        return Double(decimalText(negative, digits, exponent))!
    }
}
