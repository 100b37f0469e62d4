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
            if let shortest = shortestFixed(number) { return shortest }
            return fixed(number, magnitude: magnitude)
        }
        return exponent(number)
    }

    /// Swift's shortest text that reads back as the number, when it is in fixed notation with at
    /// most 15 significant digits: then it is what `%.15g` writes too (a double is within a
    /// 10^-16 part of its shortest text, far inside the half unit of a 15th digit), at a
    /// fraction of the cost. Nil for anything else.
    static func shortestFixed(_ number: Double) -> String? {
        let text = number.description
        var digits = 0, leading = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0"): if !leading { digits += 1 }
            case UInt8(ascii: "1")...UInt8(ascii: "9"): leading = false; digits += 1
            case UInt8(ascii: "-"), UInt8(ascii: "."): continue
            default: return nil  // an exponent, inf, nan
            }
        }
        return digits <= 15 ? text : nil
    }

    /// Fixed notation with up to 15 significant digits, by `%.15g`: the general path.
    static func fixed(_ number: Double, magnitude: Double) -> String {
        var text = printf("%.15g", number)
        if text.contains("e") {
            // %.15g may still choose exponent form for small numbers; force fixed.
            let exponent = Int(floor(log10(magnitude)))
            let decimals = max(0, 14 - exponent)
            text = printf("%.\(decimals)f", number)
            text = trimFraction(text)
        }
        return text
    }

    /// C's printf of one number, into a buffer on the stack: a tenth of the cost of Foundation's
    /// `String(format:)`. The decimal point is C's own: the programs set only LC_CTYPE, never
    /// LC_NUMERIC; should a locale's comma come out all the same, Foundation writes it.
    static func printf(_ format: String, _ number: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let count = withVaList([number]) { vsnprintf(buffer.baseAddress, 64, format, $0) }
            let bytes = UnsafeRawBufferPointer(start: buffer.baseAddress, count: max(0, min(Int(count), 63)))
            guard count > 0, count < 64, bytes.allSatisfy({ (48...57).contains($0) || $0 == 46 || $0 == 45 || $0 == 43 || $0 == 101 || $0 == 69 }) else {
                return String(format: format, number)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Exponent notation as Excel writes it: 1E+20, 1.5E-10.
    private static func exponent(_ number: Double) -> String {
        let raw = printf("%.14E", number)  // d.ddddddddddddddE±xx
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
