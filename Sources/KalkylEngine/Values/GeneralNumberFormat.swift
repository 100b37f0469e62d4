import Foundation

/// How Excel's General format turns a number into text: at most 15 significant digits,
/// no trailing zeros, exponent notation only for very large or very small magnitudes.
/// This is also the text a number becomes in `&`, `LEN`, `CONCATENATE` and CSV.
public enum GeneralNumberFormat {
    public static func string(_ number: Double) -> String {
        if number.isNaN { return "#NUM!" }
        if number == 0 { return "0" }
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        let magnitude = abs(number)
        if magnitude >= 1e-9, magnitude < 1e15 {
            // Fixed notation with up to 15 significant digits.
            var text = String(format: "%.15g", number)
            if text.contains("e") {
                // %.15g may still choose exponent form for small numbers; force fixed.
                let exponent = Int(floor(log10(magnitude)))
                let decimals = max(0, 14 - exponent)
                text = String(format: "%.\(decimals)f", number)
                text = trimFraction(text)
            }
            return text
        }
        // Exponent notation as Excel writes it: 1E+20, 1.5E-10.
        let raw = String(format: "%.14E", number)  // d.ddddddddddddddE±xx
        guard let eIndex = raw.firstIndex(of: "E") else { return raw }
        let mantissa = trimFraction(String(raw[..<eIndex]))
        var exponent = String(raw[raw.index(after: eIndex)...])
        let sign = exponent.first == "-" ? "-" : "+"
        exponent = String(exponent.drop(while: { $0 == "+" || $0 == "-" }))
        while exponent.count > 2, exponent.first == "0" { exponent.removeFirst() }
        if exponent.count < 2 { exponent = "0" + exponent }
        return "\(mantissa)E\(sign)\(exponent)"
    }

    private static func trimFraction(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = text
        while result.last == "0" { result.removeLast() }
        if result.last == "." { result.removeLast() }
        return result
    }
}
