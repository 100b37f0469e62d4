import Foundation

/// Text and numbers converted either way: CLEAN, UNICHAR, UNICODE, DOLLAR, NUMBERVALUE,
/// VALUETOTEXT and ARRAYTOTEXT, and the byte-counting names (LENB, LEFTB …), which in a
/// language without double-byte characters are the same as their plain forms.
extension FunctionRegistry {
    static let textConversionFunctions: [FunctionDefinition] = [
        .scalar("CLEAN", 1...1) { (args) throws(FormulaError) in
            .text(String(String.UnicodeScalarView(try args.text(0).unicodeScalars.filter { $0.value >= 32 })))
        },
        .scalar("UNICHAR", 1...1) { (args) throws(FormulaError) in
            let n = try args.integer(0)
            guard n >= 1, let scalar = Unicode.Scalar(UInt32(clamping: n)) else { throw FormulaError.value }
            return .text(String(Character(scalar)))
        },
        .scalar("UNICODE", 1...1) { (args) throws(FormulaError) in
            guard let first = try args.text(0).unicodeScalars.first else { throw FormulaError.value }
            return .number(Double(first.value))
        },
        .scalar("DOLLAR", 1...2) { (args) throws(FormulaError) in
            let x = try args.number(0), decimals = try args.integer(1, default: 2)
            guard decimals <= 127 else { throw FormulaError.value }
            let rounded = DecimalRounding.round(x, digits: decimals)
            let locale = args.context.workbook.locale
            let fraction = decimals > 0 ? "." + String(repeating: "0", count: decimals) : ""
            // The currency of the workbook's language, as its Excel writes it.
            let code = locale.currencySuffix.map { "#,##0\(fraction) \"\($0)\";-#,##0\(fraction) \"\($0)\"" }
                ?? "$#,##0\(fraction);($#,##0\(fraction))"
            return .text(NumberFormat(code).format(rounded, separators: locale.separators))
        },
        .scalar("NUMBERVALUE", 1...3) { (args) throws(FormulaError) in
            let separators = args.context.workbook.locale.separators
            let decimal = args.isOmitted(1) ? separators.decimal : try args.text(1)
            let group = args.isOmitted(2) ? separators.thousands : try args.text(2)
            return .number(try NumberValue.parse(try args.text(0), decimal: decimal.first, group: group.first))
        },
        .scalar("VALUETOTEXT", 1...2) { (args) throws(FormulaError) in
            let strict = try args.integer(1, default: 0)
            guard strict == 0 || strict == 1 else { throw FormulaError.value }
            return .text(ArrayText.text(of: args.scalar(0), strict: strict == 1, locale: args.context.workbook.locale))
        },
        FunctionDefinition("ARRAYTOTEXT", 1...2) { (args) throws(FormulaError) in
            let strict = try args.integer(1, default: 0)
            guard strict == 0 || strict == 1 else { throw FormulaError.value }
            let m = try args.matrix(0), locale = args.context.workbook.locale
            let texts = m.values.map { ArrayText.text(of: $0, strict: strict == 1, locale: locale) }
            if strict == 0 { return .value(.text(texts.joined(separator: "\(locale.listSeparator) "))) }
            let rows = (0..<m.rows).map { r in texts[(r * m.columns)..<((r + 1) * m.columns)].joined(separator: String(locale.arrayColumnSeparator)) }
            return .value(.text("{" + rows.joined(separator: String(locale.arrayRowSeparator)) + "}"))
        },
    ]
}

enum ArrayText {
    /// A value as VALUETOTEXT and ARRAYTOTEXT write it; `strict` quotes text, as a formula would.
    static func text(of value: Value, strict: Bool, locale: SpreadsheetLocale) -> String {
        switch value {
        case .text(let s): return strict ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        case .empty: return ""
        default: return locale.text(of: value)
        }
    }
}

enum NumberValue {
    /// NUMBERVALUE's reading: spaces anywhere are ignored, group separators before the decimal
    /// separator are ignored, each trailing % divides by 100; empty text is 0.
    static func parse(_ text: String, decimal: Character?, group: Character?) throws(FormulaError) -> Double {
        var s = text.filter { !$0.isWhitespace }
        if s.isEmpty { return 0 }
        var scale = 1.0
        while s.last == "%" { s.removeLast(); scale /= 100 }
        var plain = "", seenDecimal = false
        for ch in s {
            if let d = decimal, ch == d {
                guard !seenDecimal else { throw FormulaError.value }
                seenDecimal = true
                plain.append(".")
            } else if let g = group, ch == g, g != decimal {
                guard !seenDecimal else { throw FormulaError.value }
            } else {
                plain.append(ch)
            }
        }
        guard plain.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }), let n = Double(plain), n.isFinite else {
            throw FormulaError.value
        }
        return n * scale
    }
}
