/// A typed number as Excel reads it into a cell: its value and the number format Excel gives
/// the cell for how it was typed (`2,5 %` → 0,025 shown `0.00%`; `1 234 kr` → a currency format;
/// `2025-03-31` → a date serial shown `yyyy-mm-dd`).
public struct TypedNumber: Equatable, Sendable {
    public var value: Double
    public var format: String?
    /// How many decimals were typed.
    public var decimals: Int = 0
}

extension SpreadsheetLocale {
    // MARK: Reading

    /// A number typed in this locale, or nil when the text is no number.
    ///
    /// Swedish: `7 000 000`, `7000000`, `1,5`, `-1 234,50`, `2,5 %`, `2,5%`, `12 %`, `1 234 kr`,
    /// `(12)`, `1,5E3`, `2025-03-31`; groups of three digits separated by a space, no-break
    /// space or narrow no-break space; a `.` makes no number (Swedish Excel keeps `1.5` as
    /// text). English: `1,234.5`, `50%`, `$5`, `(12)`, `1e3`, `2025-03-31`.
    public func number(from text: String) -> TypedNumber? {
        var s = Substring(text)
        func trimSpaces() {
            while let first = s.first, first == " " || groupingSeparatorsAccepted.contains(first) { s.removeFirst() }
            while let last = s.last, last == " " || groupingSeparatorsAccepted.contains(last) { s.removeLast() }
        }
        trimSpaces()
        guard !s.isEmpty else { return nil }
        if let serial = NumberText.parseISODate(s) { return TypedNumber(value: serial, format: dateFormat) }
        var negative = false
        if s.first == "(" && s.last == ")" {
            negative = true
            s = s.dropFirst().dropLast()
            trimSpaces()
        }
        if s.first == "-" || s.first == "\u{2212}" { negative.toggle(); s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        var kind: (percent: Bool, currency: Bool) = (false, false)
        if s.last == "%" {
            kind.percent = true
            s = s.dropLast()
            trimSpaces()
        } else if let currency = currencySuffix, s.lowercased().hasSuffix(currency) {
            kind.currency = true
            s = s.dropLast(currency.count)
            trimSpaces()
        } else if code == "en", s.first == "$" {
            s = s.dropFirst()
        }
        guard let (value, decimals) = plainNumber(s) else { return nil }
        let signed = negative ? -value : value
        if kind.percent { return TypedNumber(value: signed / 100, format: decimals > 0 ? "0.00%" : "0%", decimals: decimals) }
        if kind.currency, let currency = currencySuffix {
            return TypedNumber(value: signed, format: (decimals > 0 ? "#,##0.00" : "#,##0") + " \"\(currency)\"", decimals: decimals)
        }
        return TypedNumber(value: signed, format: nil, decimals: decimals)
    }

    /// Digits with this locale's grouping and decimal separators and an optional exponent;
    /// the value and how many decimals were typed.
    private func plainNumber(_ s: Substring) -> (Double, Int)? {
        var integer = "", fraction = "", exponent = ""
        var i = s.startIndex
        // The integer part: plain digits, or a first group of 1 to 3 digits and groups of 3.
        var groups: [Int] = [0]
        while i < s.endIndex {
            let c = s[i]
            if c.isASCII && c.isNumber {
                integer.append(c)
                groups[groups.count - 1] += 1
            } else if groupingSeparatorsAccepted.contains(c), i > s.startIndex, s.index(after: i) < s.endIndex, s[s.index(after: i)].isASCII, s[s.index(after: i)].isNumber {
                groups.append(0)
            } else {
                break
            }
            i = s.index(after: i)
        }
        guard !integer.isEmpty || (i < s.endIndex && s[i] == decimalSeparator) else { return nil }
        if groups.count > 1 {
            guard (1...3).contains(groups[0]), groups.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
        }
        if i < s.endIndex, s[i] == decimalSeparator {
            i = s.index(after: i)
            while i < s.endIndex, s[i].isASCII, s[i].isNumber { fraction.append(s[i]); i = s.index(after: i) }
            guard !(integer.isEmpty && fraction.isEmpty) else { return nil }
        }
        if i < s.endIndex, s[i] == "e" || s[i] == "E" {
            exponent = "e"
            i = s.index(after: i)
            if i < s.endIndex, s[i] == "+" || s[i] == "-" { exponent.append(s[i]); i = s.index(after: i) }
            let digitsStart = exponent.count
            while i < s.endIndex, s[i].isASCII, s[i].isNumber { exponent.append(s[i]); i = s.index(after: i) }
            guard exponent.count > digitsStart else { return nil }
        }
        guard i == s.endIndex, let value = Double((integer.isEmpty ? "0" : integer) + (fraction.isEmpty ? "" : "." + fraction) + exponent),
              value.isFinite else { return nil }
        return (value, fraction.count)
    }

    /// A truth value typed in this locale or in English (`SANT`, `FALSKT`, `TRUE`, `FALSE`).
    public func boolean(from text: String) -> Bool? {
        switch text.uppercased() {
        case trueName, "TRUE": return true
        case falseName, "FALSE": return false
        default: return nil
        }
    }

    // MARK: Showing

    /// A value as a reader of this locale sees it in a cell of that number format (General
    /// when nil): `3 981 450`, `1,5 %`, `SANT`, `#SAKNAS!`.
    public func text(of value: Value, format: String? = nil) -> String {
        switch value {
        case .number(let n):
            var text = NumberFormat(format ?? "General").format(n, separators: separators)
            if !percentSpacing.isEmpty, text.hasSuffix("%"), text.dropLast().last?.isNumber == true { text = text.dropLast() + percentSpacing + "%" }
            return text
        case .text(let s): return s
        case .boolean(let b): return b ? trueName : falseName
        case .error(let e): return name(of: e)
        case .empty: return ""
        }
    }

    /// A value in a list of changes: an empty cell is `(tom)`/`(empty)`, and text is quoted, marked
    /// as text when it looks like a number that was not read as one (`"7 000 000" (text)`).
    public func changeText(of value: Value, format: String? = nil) -> String {
        switch value {
        case .empty: return code == "sv" ? "(tom)" : "(empty)"
        case .text(let s):
            let looksNumeric = s.contains(where: { $0.isNumber }) && s.allSatisfy { $0.isNumber || " .,%-+()\u{00A0}\u{202F}krKR$eE".contains($0) }
            return "\"\(s)\"" + (looksNumeric ? " (text)" : "")
        default: return text(of: value, format: format)
        }
    }
}
