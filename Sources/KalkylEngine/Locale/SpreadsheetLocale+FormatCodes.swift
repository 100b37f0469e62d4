extension SpreadsheetLocale {
    /// A number format code as typed in this locale, in Excel's canonical form (what files
    /// store): Swedish `# ##0,00` is `#,##0.00`, `0,0%` is `0.0%`. Text in quotes, characters
    /// after `\` and `[…]` sections stay as they are.
    public func canonicalFormat(_ code: String) -> String {
        guard decimalSeparator != "." else { return code }
        return translate(code) { c, previous, next in
            if c == decimalSeparator { return "." }
            if groupingSeparatorsAccepted.contains(c), Self.isPlaceholder(previous), Self.isPlaceholder(next) { return "," }
            return nil
        }
    }

    /// A canonical number format code as a person of this locale writes it (`#,##0.00` is
    /// `# ##0,00` in Swedish).
    public func localFormat(_ code: String) -> String {
        guard decimalSeparator != "." else { return code }
        return translate(code) { c, previous, next in
            if c == "." { return decimalSeparator }
            if c == ",", Self.isPlaceholder(previous), Self.isPlaceholder(next) { return groupingSeparator }
            return nil
        }
    }

    private static func isPlaceholder(_ c: Character?) -> Bool { c == "#" || c == "0" || c == "?" }

    /// The code with `replace` applied to each character outside quotes, escapes and brackets.
    private func translate(_ code: String, _ replace: (Character, Character?, Character?) -> Character?) -> String {
        let characters = Array(code)
        var out = ""
        var i = 0
        var inQuotes = false, inBrackets = false
        while i < characters.count {
            let c = characters[i]
            defer { i += 1 }
            if inQuotes { out.append(c); if c == "\"" { inQuotes = false }; continue }
            if inBrackets { out.append(c); if c == "]" { inBrackets = false }; continue }
            switch c {
            case "\"": inQuotes = true; out.append(c)
            case "[": inBrackets = true; out.append(c)
            case "\\":
                out.append(c)
                if i + 1 < characters.count { out.append(characters[i + 1]); i += 1 }
            default:
                let previous = i > 0 ? characters[i - 1] : nil
                let next = i + 1 < characters.count ? characters[i + 1] : nil
                out.append(replace(c, previous, next) ?? c)
            }
        }
        return out
    }
}
