/// Text in double quotes with backslash escapes, as JSON writes it: `\"`, `\\`, `\n`, `\t`,
/// `\r`, and `\u00XX` for other control characters. Both the .kalk format and the JSON export
/// write text this way.
public enum QuotedText {
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// Text inside XML or HTML: `&`, `<`, `>` and `"` as entities; control characters that XML
/// cannot hold are dropped (tab, newline and carriage return stay).
public enum XMLText {
    public static func escape(_ s: String) -> String {
        // Most text has nothing to escape: it is returned as it is, without a scalar walk.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }) {
            return s
        }
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if ch.value < 0x20 && ch != "\n" && ch != "\t" && ch != "\r" { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
