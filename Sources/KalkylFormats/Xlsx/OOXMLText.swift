/// Text in an xlsx part (OOXML's ST_Xstring): characters XML cannot hold, such as U+0001, are
/// written `_x0001_`, and a literal `_xHHHH_` in the text is protected as `_x005F_xHHHH_`, so
/// every text reads back exactly as it was.
enum OOXMLText {
    static func encode(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) || $0 == "_" }) else { return XMLText.escape(text) }
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if needsEscape(scalar) {
                out += hex(scalar.value)
            } else if scalar == "_" && isEscape(scalars, at: i) {
                out += "_x005F_"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return XMLText.escape(out)
    }

    static func decode(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", isEscape(scalars, at: i),
               let code = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                out.append(scalar)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// Control characters other than tab, line feed and carriage return.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    /// Whether `_xHHHH_` starts at `i`.
    private static func isEscape(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < s.count, s[i] == "_", s[i + 1] == "x", s[i + 6] == "_" else { return false }
        return s[(i + 2)..<(i + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "_x" + String(repeating: "0", count: 4 - digits.count) + digits + "_"
    }
}
