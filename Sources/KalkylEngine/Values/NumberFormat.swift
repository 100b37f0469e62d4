import Foundation

/// Excel number format codes (`#,##0`, `0.0%`, `yyyy-mm-dd`, `0;(0);"zero"`) applied to values,
/// for TEXT and for showing cells. Separators are parameters so the same code prints
/// `1,234.5` in formulas and `1 234,5` for a Swedish reader.
public struct NumberFormat: Sendable {
    public struct Separators: Sendable {
        public var decimal: String
        public var thousands: String
        public init(decimal: String, thousands: String) {
            self.decimal = decimal
            self.thousands = thousands
        }
        /// As formulas and files write numbers; a locale's own are `SpreadsheetLocale.separators`.
        public static let english = Separators(decimal: ".", thousands: ",")
    }

    public let code: String
    private let sections: [[FormatToken]]
    /// A section's condition, `[>=1000]`: it applies to the numbers that meet it.
    private let conditions: [Condition?]

    struct Condition {
        var comparison: String
        var limit: Double

        func holds(_ n: Double) -> Bool {
            switch comparison {
            case "<": return n < limit
            case "<=": return n <= limit
            case ">": return n > limit
            case ">=": return n >= limit
            case "<>": return n != limit
            default: return n == limit
            }
        }

        /// The condition in a section's brackets, if it has one.
        init?(section: String) {
            var rest = Substring(section)
            while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
                let inside = rest[rest.index(after: open)..<close]
                for op in ["<=", ">=", "<>", "<", ">", "="] where inside.hasPrefix(op) {
                    guard let limit = Double(inside.dropFirst(op.count).trimmingCharacters(in: .whitespaces)) else { return nil }
                    comparison = op
                    self.limit = limit
                    return
                }
                rest = rest[rest.index(after: close)...]
            }
            return nil
        }
    }

    public init(_ code: String) {
        self.code = code
        let parts = NumberFormat.split(code)
        sections = parts.map(FormatToken.tokenize)
        conditions = parts.map { Condition(section: $0) }
    }

    /// The value formatted; text passes through a text section (`@`) or unchanged.
    public func format(_ value: Value, separators: Separators = .english) -> String {
        switch value {
        case .number(let n): return format(n, separators: separators)
        case .text(let s):
            if sections.count >= 4 { return render(text: s, sections[3]) }
            if let only = sections.first, sections.count == 1, only.contains(.textPlaceholder) { return render(text: s, only) }
            return s
        case .empty: return ""
        default: return value.description
        }
    }

    public func format(_ number: Double, separators: Separators = .english) -> String {
        if code.isEmpty || code.uppercased() == "GENERAL" {
            return localize(GeneralNumberFormat.string(number), separators)
        }
        var section = sections[0]
        var value = number
        var showMinus = number < 0
        if conditions.contains(where: { $0 != nil }) {
            // Sections chosen by their conditions; one without is for the numbers left.
            let chosen = sections.indices.first { conditions[$0].map { $0.holds(number) } ?? ($0 > 0) } ?? sections.count - 1
            section = sections[min(chosen, 2)]
        } else if number < 0, sections.count >= 2 {
            section = sections[1]
            value = -number
            showMinus = false
        } else if number == 0, sections.count >= 3 {
            section = sections[2]
        }
        if section.contains(where: \.isDateToken) {
            return DateFormatting.render(value, section)
        }
        if !section.contains(where: \.isDigit) {
            // Only literals: "zero", or General for an empty section.
            if section.isEmpty { return "" }
            return (showMinus ? "-" : "") + section.map(\.literalText).joined()
        }
        let body = FractionFormatting.render(abs(value), section) ?? NumericFormatting.render(abs(value), section, separators: separators)
        return (showMinus && body.contains(where: { $0.isNumber && $0 != "0" }) ? "-" : "") + body
    }

    private func render(text: String, _ section: [FormatToken]) -> String {
        section.map { $0 == .textPlaceholder ? text : $0.literalText }.joined()
    }

    private func localize(_ s: String, _ separators: Separators) -> String {
        separators.decimal == "." ? s : s.replacingOccurrences(of: ".", with: separators.decimal)
    }

    /// Splits at `;` outside quotes and brackets.
    private static func split(_ code: String) -> [String] {
        var parts: [String] = [], current = ""
        var inQuote = false, inBracket = false, escaped = false
        for ch in code {
            if escaped { current.append(ch); escaped = false; continue }
            switch ch {
            case "\\": escaped = true; current.append(ch)
            case "\"": inQuote.toggle(); current.append(ch)
            case "[" where !inQuote: inBracket = true; current.append(ch)
            case "]" where !inQuote: inBracket = false; current.append(ch)
            case ";" where !inQuote && !inBracket: parts.append(current); current = ""
            default: current.append(ch)
            }
        }
        parts.append(current)
        return parts
    }
}

/// A piece of one section of a format code.
enum FormatToken: Equatable {
    case literal(String)
    case digit(Character)  // 0 # ?
    case point
    case thousands  // a comma between digit placeholders
    case scale  // a comma after the last digit placeholder: divide by 1000
    case percent
    case exponent(sign: Character, digits: Int, upper: Bool)
    case textPlaceholder
    case date(String)  // yyyy, mm, d, hh, ss, AM/PM …

    var isDigit: Bool { if case .digit = self { return true }; return false }
    var isDateToken: Bool { if case .date = self { return true }; return false }
    var literalText: String {
        switch self {
        case .literal(let s): return s
        case .percent: return "%"
        case .point: return "."
        default: return ""
        }
    }

    static func tokenize(_ section: String) -> [FormatToken] {
        var tokens: [FormatToken] = []
        let chars = Array(section)
        var i = 0
        func peekLower(_ k: Int) -> Character? { k < chars.count ? Character(chars[k].lowercased()) : nil }
        while i < chars.count {
            let c = chars[i]
            let lower = Character(c.lowercased())
            switch c {
            case "\"":
                var j = i + 1, text = ""
                while j < chars.count && chars[j] != "\"" { text.append(chars[j]); j += 1 }
                tokens.append(.literal(text))
                i = j + 1
                continue
            case "\\":
                if i + 1 < chars.count { tokens.append(.literal(String(chars[i + 1]))) }
                i += 2
                continue
            case "_":
                tokens.append(.literal(" "))
                i += 2
                continue
            case "*":
                i += 2
                continue
            case "[":
                // Elapsed time, `[h]`, `[mm]`, `[ss]`: the whole count, not the hour of the day.
                var j = i + 1
                while j < chars.count && chars[j] != "]" { j += 1 }
                let inside = String(chars[(i + 1)..<min(j, chars.count)]).lowercased()
                if !inside.isEmpty, let unit = inside.first, "hms".contains(unit), inside.allSatisfy({ $0 == unit }) {
                    tokens.append(.date("[" + inside + "]"))
                }
                // Colours and conditions are not shown.
                i = j + 1
                continue
            case "0", "#", "?":
                tokens.append(.digit(c))
            case ".":
                tokens.append(.point)
            case ",":
                tokens.append(.thousands)
            case "%":
                tokens.append(.percent)
            case "@":
                tokens.append(.textPlaceholder)
            case "E", "e":
                if let sign = i + 1 < chars.count ? chars[i + 1] : nil, sign == "+" || sign == "-" {
                    var j = i + 2, digits = 0
                    while j < chars.count && chars[j] == "0" { digits += 1; j += 1 }
                    tokens.append(.exponent(sign: sign, digits: max(digits, 1), upper: c == "E"))
                    i = j
                    continue
                }
                tokens.append(.date("e"))
            default:
                if "ymdhs".contains(lower) {
                    var j = i
                    while j < chars.count && Character(chars[j].lowercased()) == lower { j += 1 }
                    tokens.append(.date(String(repeating: lower, count: j - i)))
                    i = j
                    continue
                }
                if lower == "a", section.dropFirst(i).uppercased().hasPrefix("AM/PM") {
                    tokens.append(.date("ampm"))
                    i += 5
                    continue
                }
                tokens.append(.literal(String(c)))
            }
            i += 1
        }
        // Commas: thousands between digit placeholders, scaling after the last one.
        if let lastDigit = tokens.lastIndex(where: \.isDigit) {
            for k in tokens.indices where tokens[k] == .thousands {
                if !tokens[..<k].contains(where: \.isDigit) {
                    tokens[k] = .literal(",")
                } else if k > lastDigit {
                    tokens[k] = .scale
                }
            }
        } else {
            tokens = tokens.map { $0 == .thousands ? .literal(",") : $0 }
        }
        return tokens
    }
}

/// Placing a number's digits into `0`, `#` and `?` placeholders.
enum NumericFormatting {
    static func render(_ magnitude: Double, _ tokens: [FormatToken], separators: NumberFormat.Separators) -> String {
        var value = magnitude
        for t in tokens where t == .percent { value *= 100 }
        for t in tokens where t == .scale { value /= 1000 }
        let grouped = tokens.contains(.thousands)
        let pointIndex = tokens.firstIndex(of: .point) ?? tokens.count
        let exponentIndex = tokens.firstIndex(where: { if case .exponent = $0 { return true }; return false })
        let fractionEnd = exponentIndex ?? tokens.count
        let integerPlaceholders = tokens[..<min(pointIndex, fractionEnd)].filter(\.isDigit)
        let fractionPlaceholders = pointIndex < fractionEnd ? tokens[(pointIndex + 1)..<fractionEnd].filter(\.isDigit) : []

        var exponent = 0
        if exponentIndex != nil, value != 0 {
            let integerDigits = max(1, integerPlaceholders.count)
            exponent = Int((log10(value)).rounded(.down)) - (integerDigits - 1)
            value /= pow10(exponent)
        }
        let rounded = DecimalRounding.round(value, digits: fractionPlaceholders.count)
        let (integerDigits, fractionDigits) = digits(of: rounded, fractionCount: fractionPlaceholders.count)

        // Integer part: digits right to left into placeholders; extra digits go to the first.
        var integerText = integerDigits == "0" ? "" : integerDigits
        let zeros = integerPlaceholders.filter { $0 == .digit("0") }.count
        while integerText.count < zeros { integerText = "0" + integerText }
        if grouped { integerText = group(integerText, separators.thousands) }

        // Fraction: `0` always, `#` only up to the last significant digit, `?` as a space.
        var fractionText = ""
        let significant = fractionDigits.lastIndex(where: { $0 != "0" }).map { fractionDigits.distance(from: fractionDigits.startIndex, to: $0) + 1 } ?? 0
        for (k, placeholder) in fractionPlaceholders.enumerated() {
            let d = fractionDigits[fractionDigits.index(fractionDigits.startIndex, offsetBy: k)]
            if k < significant || placeholder == .digit("0") { fractionText.append(d) } else if placeholder == .digit("?") { fractionText.append(" ") }
        }

        // Without grouping, each integer placeholder shows its own digit, right to left, so
        // literals between them stay in place (`00-00-00-00` shows 12 as 00-00-00-12); the first
        // placeholder takes the digits left over.
        var placed: [Int: String] = [:]
        if !grouped {
            let places = tokens.indices.filter { $0 < pointIndex && $0 < fractionEnd && tokens[$0].isDigit }
            let significant = Array(integerDigits == "0" ? "" : integerDigits)
            var d = significant.count - 1
            for (j, k) in places.enumerated().reversed() {
                let filler: String
                switch tokens[k] {
                case .digit("0"): filler = "0"
                case .digit("?"): filler = " "
                default: filler = ""
                }
                if j == 0 {
                    placed[k] = d >= 0 ? String(significant[0...d]) : filler
                } else {
                    placed[k] = d >= 0 ? String(significant[d]) : filler
                    d -= 1
                }
            }
        }

        var out = ""
        var integerWritten = false
        var k = 0
        while k < tokens.count {
            let t = tokens[k]
            switch t {
            case .digit:
                if k < pointIndex && k < fractionEnd {
                    if let digits = placed[k] {
                        out += digits
                        integerWritten = true
                    } else if !integerWritten {
                        out += integerText
                        integerWritten = true
                    }
                } else if k > pointIndex && k < fractionEnd {
                    // Fraction digits are written at the point.
                }
            case .point:
                if !integerWritten { out += integerText; integerWritten = true }
                if !fractionText.isEmpty || fractionPlaceholders.contains(.digit("0")) { out += separators.decimal }
                out += fractionText
            case .exponent(let sign, let count, let upper):
                var e = String(abs(exponent))
                while e.count < count { e = "0" + e }
                out += (upper ? "E" : "e") + (exponent < 0 ? "-" : (sign == "+" ? "+" : "")) + e
            case .literal(let s): out += s
            case .percent: out += "%"
            case .thousands, .scale, .textPlaceholder, .date: break
            }
            k += 1
        }
        return out
    }

    private static func pow10(_ e: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(e) { r *= 10 }
        return e < 0 ? 1 / r : r
    }

    /// The decimal digits of a rounded non-negative number: integer part and exactly
    /// `fractionCount` fraction digits.
    /// The integer and fraction digits of `value` with `fractionCount` decimals. Like Excel,
    /// at most 15 significant digits are shown: any digit after them is 0 (`1E+308` with
    /// `#,##0` is 1 followed by zeros, not the binary number's 309 exact digits).
    static func digits(of value: Double, fractionCount: Int) -> (String, String) {
        let text = String(format: "%.\(fractionCount)f", value)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0]), fraction = parts.count > 1 ? String(parts[1]) : ""
        guard (integer + fraction).drop(while: { $0 == "0" || $0 == "-" }).count > 15 else { return (integer, fraction) }
        // d.dddddddddddddde±x: the 15 significant digits, correctly rounded, and where they stand.
        let scientific = String(format: "%.14e", abs(value))
        guard let e = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: e)...]) else {
            return (integer, fraction)
        }
        let significant = Array(scientific[..<e].filter { $0 != "." })
        func digit(_ position: Int) -> Character {  // position 0 = the first significant digit
            position >= 0 && position < significant.count ? significant[position] : "0"
        }
        let sign = text.hasPrefix("-") ? "-" : ""
        let integerDigits = exponent >= 0 ? String((0...exponent).map(digit)) : "0"
        let fractionDigits = String((0..<fractionCount).map { digit(exponent + 1 + $0) })
        return (sign + integerDigits, fractionDigits)
    }

    static func group(_ digits: String, _ separator: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return out
    }
}

/// Dates and times in format codes: `yyyy-mm-dd`, `d mmm yyyy`, `hh:mm:ss`.
enum DateFormatting {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static func render(_ serial: Double, _ tokens: [FormatToken]) -> String {
        guard serial >= 0, serial < 2_958_466 else { return String(repeating: "#", count: 8) }
        let day = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(day)) * 86400).rounded())
        var dayNumber = day
        if seconds >= 86400 { seconds -= 86400; dayNumber += 1 }
        let (y, m, d) = DateSerial.date(fromSerial: dayNumber)
        let hour = seconds / 3600, minute = (seconds % 3600) / 60, second = seconds % 60
        let twelveHour = tokens.contains(.date("ampm"))
        var out = ""
        for (k, t) in tokens.enumerated() {
            switch t {
            case .date(let code) where code.hasPrefix("["):
                let totalSeconds = Int((serial * 86400).rounded())
                let count: Int
                switch code.dropFirst().first! {
                case "h": count = totalSeconds / 3600
                case "m": count = totalSeconds / 60
                default: count = totalSeconds
                }
                out += pad(count, code.count - 2)
            case .date(let code):
                switch code.first! {
                case "y": out += code.count <= 2 ? pad(y % 100, 2) : String(y)
                case "m":
                    // `m` right after an hour or before seconds means minutes.
                    let previous = tokens[..<k].last(where: \.isDateToken)
                    let next = tokens[(k + 1)...].first(where: \.isDateToken)
                    let isMinute = code.count <= 2 && (previous.map { if case .date(let p) = $0 { return p.first == "h" || p.hasPrefix("[h") }; return false } ?? false
                        || next.map { if case .date(let n) = $0 { return n.first == "s" }; return false } ?? false)
                    if isMinute {
                        out += code.count == 2 ? pad(minute, 2) : String(minute)
                    } else {
                        switch code.count {
                        case 1: out += String(m)
                        case 2: out += pad(m, 2)
                        case 3: out += String(monthNames[m - 1].prefix(3))
                        case 5: out += String(monthNames[m - 1].prefix(1))
                        default: out += monthNames[m - 1]
                        }
                    }
                case "d":
                    switch code.count {
                    case 1: out += String(d)
                    case 2: out += pad(d, 2)
                    case 3: out += String(dayNames[DateSerial.dayOfWeek(dayNumber)].prefix(3))
                    default: out += dayNames[DateSerial.dayOfWeek(dayNumber)]
                    }
                case "h":
                    let h = twelveHour ? (hour % 12 == 0 ? 12 : hour % 12) : hour
                    out += code.count >= 2 ? pad(h, 2) : String(h)
                case "s": out += code.count >= 2 ? pad(second, 2) : String(second)
                case "a": out += hour < 12 ? "AM" : "PM"
                default: out += String(y)
                }
            case .point: out += "."
            case .digit(let c): out.append(c)
            default: out += t.literalText
            }
        }
        return out
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        var s = String(n)
        while s.count < width { s = "0" + s }
        return s
    }
}

/// Fractions: `# ?/?` shows 1.25 as `1 1/4`, `?/?` as `5/4`, `# ??/16` in sixteenths. The
/// placeholders after `/` give the largest denominator (`??` up to 99) or the denominator
/// itself; the fraction is the closest one with such a denominator (the smallest denominator
/// of equally close ones).
enum FractionFormatting {
    static func render(_ magnitude: Double, _ tokens: [FormatToken]) -> String? {
        guard let slash = tokens.firstIndex(of: .literal("/")), slash > 0, tokens[slash - 1].isDigit, slash + 1 < tokens.count else { return nil }
        var numeratorStart = slash - 1
        while numeratorStart > 0 && tokens[numeratorStart - 1].isDigit { numeratorStart -= 1 }
        var denominatorEnd = slash + 1
        var fixedDenominator = ""
        while denominatorEnd < tokens.count {
            if tokens[denominatorEnd].isDigit { denominatorEnd += 1; continue }
            if case .literal(let l) = tokens[denominatorEnd], l.count == 1, l.first!.isASCII, l.first!.isNumber {
                fixedDenominator += l
                denominatorEnd += 1
                continue
            }
            break
        }
        guard denominatorEnd > slash + 1 else { return nil }
        let denominatorPlaces = tokens[(slash + 1)..<denominatorEnd].filter(\.isDigit).count
        let integerPlaces = tokens[..<numeratorStart].filter(\.isDigit)
        let hasInteger = !integerPlaces.isEmpty
        var whole = hasInteger ? magnitude.rounded(.down) : 0
        let fraction = magnitude - whole
        var numerator = 0, denominator = 1
        if let fixed = Int(fixedDenominator.isEmpty ? "x" : String(tokens[(slash + 1)..<denominatorEnd].map { t -> String in
            if case .literal(let l) = t { return l }
            return "0"
        }.joined())), fixed > 0 {
            denominator = fixed
            numerator = Int((fraction * Double(fixed)).rounded())
        } else {
            let largest = Int(pow(10.0, Double(min(denominatorPlaces, 6)))) - 1
            var bestError = Double.infinity
            for d in 1...max(1, largest) {
                let n = (fraction * Double(d)).rounded()
                let error = abs(fraction - n / Double(d))
                if error < bestError - 1e-12 { bestError = error; numerator = Int(n); denominator = d }
                if error == 0 { break }
            }
        }
        if hasInteger && numerator == denominator { whole += 1; numerator = 0 }
        func pad(_ text: String, _ places: ArraySlice<FormatToken>, left: Bool) -> String {
            let width = places.filter(\.isDigit).count
            guard text.count < width else { return text }
            let filler = places.contains(.digit("0")) ? "0" : (places.contains(.digit("?")) ? " " : "")
            let padding = String(repeating: filler, count: width - text.count)
            return left ? padding + text : text + padding
        }
        var out = ""
        let showsFraction = numerator != 0 || !hasInteger
        for (k, t) in tokens.enumerated() {
            if k < numeratorStart {
                if case .digit = t {
                    if k == tokens[..<numeratorStart].firstIndex(where: \.isDigit) {
                        let text = whole == 0 && showsFraction ? "" : String(Int(whole))
                        out += pad(text, tokens[..<numeratorStart], left: true)
                    }
                } else if case .literal(let l) = t {
                    out += l
                }
            } else if k == numeratorStart {
                let numeratorTokens = tokens[numeratorStart..<slash]
                let denominatorTokens = tokens[(slash + 1)..<denominatorEnd]
                if showsFraction {
                    out += pad(String(numerator), numeratorTokens, left: true) + "/" + (fixedDenominator.isEmpty ? pad(String(denominator), denominatorTokens, left: false) : String(denominator))
                } else {
                    // A whole number: the fraction's places are blank.
                    out += String(repeating: " ", count: numeratorTokens.count + 1 + denominatorTokens.count)
                }
            } else if k >= denominatorEnd {
                out += t.literalText
            }
        }
        return out
    }
}
