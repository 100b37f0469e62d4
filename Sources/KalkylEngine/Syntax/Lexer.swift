/// Splits formula text (without the leading `=`) into tokens.
///
/// In a locale with a decimal comma (Swedish) a `,` between two digits is a decimal comma, `;`
/// separates arguments and `\` the columns of an array constant, as in Swedish Excel. A
/// formula that has no `;` may still use `,` between arguments as in English; a `,` between
/// digits inside a function's parentheses could then be either (`AVRUNDA(B2/3,0)`): it is read
/// as a decimal comma and noted (`ambiguousCommas`), so that the parser refuses the formula when
/// that reading leaves a function with the wrong number of arguments. A `.` between digits is a
/// decimal point in every locale (`=ROUND(1.5,0)` reads the same in Swedish).
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private let locale: SpreadsheetLocale
    /// The locale writes `,` for decimals, and this formula separates arguments with `;`.
    private let decimalComma: Bool, usesSemicolons: Bool
    /// For each open parenthesis: whether it opens a function's arguments.
    private var parentheses: [Bool] = []
    private var previous: Token.Kind = .end
    /// Decimal commas that could have been argument separators: where, and the number.
    private(set) var ambiguousCommas: [(offset: Int, number: String)] = []

    init(_ text: String, locale: SpreadsheetLocale = .english) {
        scalars = Array(text.unicodeScalars)
        self.locale = locale
        decimalComma = locale.decimalSeparator == ","
        var semicolons = false
        if decimalComma {
            var quote: Unicode.Scalar? = nil
            for c in scalars {
                if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == ";" { semicolons = true; break }
            }
        }
        usesSemicolons = semicolons
    }

    static func tokenize(_ text: String, locale: SpreadsheetLocale = .english) throws(FormulaSyntaxError) -> [Token] {
        var lexer = Lexer(text, locale: locale)
        return try lexer.tokenize()
    }

    mutating func tokenize() throws(FormulaSyntaxError) -> [Token] {
        var lexer = self
        defer { self = lexer }
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            switch token.kind {
            case .symbol("("):
                if case .word = lexer.previous { lexer.parentheses.append(true) } else { lexer.parentheses.append(false) }
            case .symbol("{"): lexer.parentheses.append(false)  // an array's commas are no arguments
            case .symbol(")"), .symbol("}"): _ = lexer.parentheses.popLast()
            default: break
            }
            lexer.previous = token.kind
            if token.kind == .end { return tokens }
        }
    }

    /// Whether an operand may start here (after an operator, `(`, a separator or nothing): only
    /// there does `,5` stand for 0,5 in Swedish; after `1.5` or `A1` the comma separates.
    private var operandMayStart: Bool {
        switch previous {
        case .end: return true
        case .symbol(let s): return s != ")" && s != "}" && s != "%"
        default: return false
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    mutating func next() throws(FormulaSyntaxError) -> Token {
        let before = position
        while let c = peek(), c == " " || c == "\n" || c == "\r" || c == "\t" { position += 1 }
        var token = try nextAfterSpace()
        token.followsSpace = position > before && token.start > before
        return token
    }

    private mutating func nextAfterSpace() throws(FormulaSyntaxError) -> Token {
        let start = position
        guard let c = peek() else { return Token(kind: .end, start: start, end: start) }

        if isDigit(c) || (c == Unicode.Scalar(String(locale.decimalSeparator))! && peek(1).map(isDigit) == true && operandMayStart) {
            return try lexNumber()
        }
        if decimalComma && c == "\\" {
            position += 1
            return Token(kind: .symbol("\\"), start: start, end: position)
        }
        if c == "\"" { return try lexString() }
        if c == "'" { return try lexQuotedSheet() }
        if c == "#" {
            // `A1#`: a spill reference, when `#` follows a cell reference directly.
            if case .word = previous, position > 0, isWordPart(scalars[position - 1]) {
                position += 1
                return Token(kind: .symbol("#"), start: start, end: position)
            }
            return try lexError()
        }
        if isWordStart(c) {
            while let d = peek(), isWordPart(d) { position += 1 }
            let word = text(start..<position)
            if peek() == "!" {
                position += 1
                return Token(kind: .sheetPrefix(word), start: start, end: position)
            }
            if peek() == "[" { return try lexStructured(table: word, start: start) }
            return Token(kind: .word(word), start: start, end: position)
        }
        position += 1
        switch c {
        case "<", ">":
            if let next = peek(), next == "=" || (c == "<" && next == ">") {
                position += 1
                return Token(kind: .symbol(c == "<" ? (next == "=" ? "<=" : "<>") : ">="), start: start, end: position)
            }
            return Token(kind: .symbol(c == "<" ? "<" : ">"), start: start, end: position)
        case "+", "-", "*", "/", "^", "&", "=", "%", "(", ")", ",", ";", "{", "}", ":", "@":
            return Token(kind: .symbol(text(start..<position)), start: start, end: position)
        default:
            break
        }
        throw FormulaSyntaxError("unexpected character '\(c)'", at: start)
    }

    private mutating func lexNumber() throws(FormulaSyntaxError) -> Token {
        let start = position
        while let c = peek(), isDigit(c) { position += 1 }
        if decimalComma, peek() == ".", position > start, peek(1).map(isDigit) == true {
            // An English decimal point between digits reads the same in a Swedish formula.
            position += 1
            while let c = peek(), isDigit(c) { position += 1 }
        } else if decimalComma, peek() == ",", peek(1).map(isDigit) == true || position == start {
            if !usesSemicolons && parentheses.last == true {
                let end = position + 1 + scalars[(position + 1)...].prefix(while: isDigit).count
                ambiguousCommas.append((start, text(start..<end)))
            }
            position += 1
            while let c = peek(), isDigit(c) { position += 1 }
        } else if !decimalComma, peek() == "." {
            position += 1
            while let c = peek(), isDigit(c) { position += 1 }
        }
        if let e = peek(), e == "e" || e == "E" {
            let sign = peek(1)
            let digitAt = (sign == "+" || sign == "-") ? 2 : 1
            if let d = peek(digitAt), isDigit(d) {
                position += digitAt
                while let c = peek(), isDigit(c) { position += 1 }
            }
        }
        let text = text(start..<position)
        let canonical = decimalComma ? text.replacingOccurrences(of: ",", with: ".") : text
        return Token(kind: .number(Double(canonical) ?? .nan, text: text), start: start, end: position)
    }

    private mutating func lexString() throws(FormulaSyntaxError) -> Token {
        let start = position
        position += 1
        var text = String.UnicodeScalarView()
        while true {
            guard let c = peek() else { throw FormulaSyntaxError("text has no closing quote", at: start) }
            position += 1
            if c == "\"" {
                if peek() == "\"" { text.append("\""); position += 1 } else { break }
            } else {
                text.append(c)
            }
        }
        return Token(kind: .text(String(text)), start: start, end: position)
    }

    private mutating func lexQuotedSheet() throws(FormulaSyntaxError) -> Token {
        let start = position
        position += 1
        var name = String.UnicodeScalarView()
        while true {
            guard let c = peek() else { throw FormulaSyntaxError("sheet name has no closing quote", at: start) }
            position += 1
            if c == "'" {
                if peek() == "'" { name.append("'"); position += 1 } else { break }
            } else {
                name.append(c)
            }
        }
        guard peek() == "!" else { throw FormulaSyntaxError("expected '!' after the quoted sheet name", at: position) }
        position += 1
        return Token(kind: .sheetPrefix(String(name)), start: start, end: position)
    }

    /// `Tabell1[…]`: the brackets after a table's name, nested brackets and `'` escapes included.
    private mutating func lexStructured(table: String, start: Int) throws(FormulaSyntaxError) -> Token {
        let open = position
        var depth = 0
        while let c = peek() {
            position += 1
            if c == "'" {
                position += 1
            } else if c == "[" {
                depth += 1
            } else if c == "]" {
                depth -= 1
                if depth == 0 { break }
            }
        }
        guard depth == 0, position <= scalars.count else { throw FormulaSyntaxError("'[' after \(table) has no closing ']'", at: open) }
        let specifier = text((open + 1)..<(position - 1))
        guard let reference = StructuredReference.parse(table: table, specifier: specifier) else {
            throw FormulaSyntaxError("'\(table)[\(specifier)]' is not a table reference", at: start)
        }
        return Token(kind: .structured(reference), start: start, end: position)
    }

    private mutating func lexError() throws(FormulaSyntaxError) -> Token {
        let start = position
        let names = FormulaError.allCases.filter { $0 != .cycle }.flatMap { error in
            [(error, error.code)] + (locale.name(of: error) == error.code ? [] : [(error, locale.name(of: error))])
        }.sorted { $0.1.count > $1.1.count }  // `#NAMN?` before a shorter code it starts with
        for (error, name) in names {
            let code = Array(name.unicodeScalars)
            if position + code.count <= scalars.count,
               zip(code, scalars[position..<position + code.count]).allSatisfy({ $0.properties.uppercaseMapping == $1.properties.uppercaseMapping }) {
                position += code.count
                return Token(kind: .error(error), start: start, end: position)
            }
        }
        throw FormulaSyntaxError("unknown error value", at: start)
    }

    /// The scalars of a range as a String; formulas are mostly ASCII, which is copied byte by byte.
    private func text(_ range: Range<Int>) -> String {
        if scalars[range].allSatisfy({ $0.isASCII }) {
            return String(unsafeUninitializedCapacity: range.count) { buffer in
                for (i, scalar) in scalars[range].enumerated() { buffer[i] = UInt8(scalar.value) }
                return range.count
            }
        }
        return String(String.UnicodeScalarView(scalars[range]))
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    private func isWordStart(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 128 {
            // ASCII first: Unicode properties are slow to look up and formulas are mostly ASCII.
            return (v | 0x20) >= 97 && (v | 0x20) <= 122 || c == "_" || c == "$" || c == "\\"
        }
        return c.properties.isAlphabetic
    }

    private func isWordPart(_ c: Unicode.Scalar) -> Bool {
        isWordStart(c) || isDigit(c) || c == "."
    }
}
