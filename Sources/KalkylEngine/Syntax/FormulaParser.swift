/// Parses Excel formula text into an `Expression`, with Excel's precedence:
/// `:` > unary `-`/`+` > `%` > `^` > `*` `/` > `+` `-` > `&` > comparisons.
/// `^` is left-associative (`2^3^2` is 64) and unary minus binds tighter than `^` (`-2^2` is 4).
///
/// Excel's specifications and limits bound what a formula may be, and Kalkyl enforces them as
/// syntax errors so that no input, however long or deep, can exhaust memory or the stack:
/// 8 192 characters of formula text and 64 levels of nested functions. Parentheses and signs
/// nest through the same recursion, so they are bounded too (`maximumNesting`).
public struct FormulaParser {
    /// Excel: "Length of formula contents: 8,192 characters".
    public static let maximumLength = 8_192
    /// Excel: "Nested levels of functions: 64".
    public static let maximumFunctionNesting = 64
    /// Parentheses, signs, functions and array constants inside each other. Excel documents no
    /// separate limit; this one keeps the parser's recursion and every walk of the parsed tree
    /// far inside the smallest thread stack.
    public static let maximumNesting = 256
    /// Excel: "Arguments in a function: 255".
    public static let maximumArguments = 255

    private var tokens: [Token]
    private var index = 0
    private var nesting = 0
    private var functionNesting = 0
    private let host: CellAddress
    private let baseOffset: Int
    private let locale: SpreadsheetLocale
    private var ambiguousCommas: [(offset: Int, number: String)] = []

    /// Parses `text` (with or without the leading `=`) as the formula of the cell at `host`,
    /// written as a person of `locale` writes it (`=SUMMA(A1:A3;1,5)` in Swedish; see `Lexer`
    /// for the rule on `,`). English names and `,` between arguments are read in every locale.
    public static func parse(_ text: String, at host: CellAddress, locale: SpreadsheetLocale = .english) throws(FormulaSyntaxError) -> Expression {
        // Counted before anything is allocated for the text (a 50 MB line must not be lexed).
        if text.utf8.count > maximumLength, text.unicodeScalars.count > maximumLength + (text.unicodeScalars.first == "=" ? 1 : 0) {
            throw FormulaSyntaxError("the formula is longer than Excel's limit of 8 192 characters", at: maximumLength)
        }
        var body = text
        var offset = 0
        // By scalar: `=` and a combining mark after it are one Character (`hasPrefix` says no).
        if body.unicodeScalars.first == "=" {
            body = String(body.unicodeScalars.dropFirst())
            offset = 1
        }
        var parser = try FormulaParser(body, host: host, baseOffset: offset, locale: locale)
        if case .end = parser.current.kind {
            throw FormulaSyntaxError("the formula is empty", at: offset)
        }
        let expression = try parser.parseExpression()
        guard case .end = parser.current.kind else {
            throw parser.unexpected("an operator or the end of the formula")
        }
        // TEXT's format code typed in the locale is stored canonically (`"# ##0,00"` → `"#,##0.00"`).
        let canonical = locale.decimalSeparator == "." ? expression : FormatCodeLiterals.map(expression) { locale.canonicalFormat($0) }
        // `AVRUNDA(B2/3,0)`: read with a decimal comma, AVRUNDA has one argument too few.
        if let first = parser.ambiguousCommas.first, FunctionRegistry.hasWrongArgumentCount(canonical) {
            let semicolon = first.number.replacingOccurrences(of: ",", with: ";")
            throw FormulaSyntaxError("'\(first.number)' is a decimal comma in a Swedish formula, which leaves a function with the wrong number of arguments: write ';' between arguments (\(semicolon))", at: first.offset + offset)
        }
        return canonical
    }

    private init(_ text: String, host: CellAddress, baseOffset: Int, locale: SpreadsheetLocale) throws(FormulaSyntaxError) {
        var lexer = Lexer(text, locale: locale)
        do {
            tokens = try lexer.tokenize()
        } catch {
            throw FormulaSyntaxError(error.message, at: error.offset + baseOffset)
        }
        ambiguousCommas = lexer.ambiguousCommas
        self.host = host
        self.baseOffset = baseOffset
        self.locale = locale
    }

    /// `,`, or `;` too in a locale that separates arguments with it.
    private func isArgumentSeparator(_ token: Token) -> Bool {
        isSymbol(token, ",") || (locale.listSeparator == ";" && isSymbol(token, ";"))
    }

    /// TRUE or FALSE, or the locale's own names for them.
    private func truthValue(_ word: String) -> Bool? {
        let upper = word.uppercased()
        if upper == "TRUE" || upper == locale.trueName { return true }
        if upper == "FALSE" || upper == locale.falseName { return false }
        return nil
    }

    // MARK: Token access

    private var current: Token { tokens[index] }
    private func lookahead(_ n: Int) -> Token { tokens[min(index + n, tokens.count - 1)] }
    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    private func isSymbol(_ token: Token, _ symbol: String) -> Bool {
        if case .symbol(let s) = token.kind { return s == symbol }
        return false
    }

    private mutating func expect(_ symbol: String, _ what: String) throws(FormulaSyntaxError) {
        guard isSymbol(current, symbol) else { throw unexpected(what) }
        advance()
    }

    private func unexpected(_ expected: String) -> FormulaSyntaxError {
        let found: String
        switch current.kind {
        case .end: found = "the end of the formula"
        case .number(_, let text): found = "'\(text)'"
        case .text(let s): found = "\"\(s)\""
        case .word(let w): found = "'\(w)'"
        case .sheetPrefix(let s): found = "'\(s)!'"
        case .structured(let reference): found = "'\(reference.text)'"
        case .error(let e): found = e.code
        case .symbol(let s): found = "'\(s)'"
        }
        return FormulaSyntaxError("expected \(expected), found \(found)", at: current.start + baseOffset)
    }

    // MARK: Operators, lowest precedence first

    private mutating func parseExpression() throws(FormulaSyntaxError) -> Expression {
        var left = try parseConcatenation()
        while case .symbol(let s) = current.kind, let op = BinaryOperator(rawValue: s),
              [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(op) {
            advance()
            left = .binary(op, left, try parseConcatenation())
        }
        return left
    }

    private mutating func parseConcatenation() throws(FormulaSyntaxError) -> Expression {
        var left = try parseAdditive()
        while isSymbol(current, "&") {
            advance()
            left = .binary(.concatenate, left, try parseAdditive())
        }
        return left
    }

    private mutating func parseAdditive() throws(FormulaSyntaxError) -> Expression {
        var left = try parseMultiplicative()
        while case .symbol(let s) = current.kind, s == "+" || s == "-" {
            advance()
            left = .binary(s == "+" ? .add : .subtract, left, try parseMultiplicative())
        }
        return left
    }

    private mutating func parseMultiplicative() throws(FormulaSyntaxError) -> Expression {
        var left = try parsePower()
        while case .symbol(let s) = current.kind, s == "*" || s == "/" {
            advance()
            left = .binary(s == "*" ? .multiply : .divide, left, try parsePower())
        }
        return left
    }

    private mutating func parsePower() throws(FormulaSyntaxError) -> Expression {
        var left = try parseUnary()
        while isSymbol(current, "^") {
            advance()
            left = .binary(.power, left, try parseUnary())
        }
        return left
    }

    private mutating func parseUnary() throws(FormulaSyntaxError) -> Expression {
        if isSymbol(current, "@") {
            // Excel 365's implicit intersection operator, which files write as SINGLE().
            try enter()
            advance()
            let operand = try parseUnary()
            nesting -= 1
            return .call("SINGLE", [operand])
        }
        if case .symbol(let s) = current.kind, s == "-" || s == "+" {
            try enter()
            advance()
            let operand = try parseUnary()
            nesting -= 1
            return .unary(s == "-" ? .minus : .plus, operand)
        }
        return try parsePercent()
    }

    private mutating func parsePercent() throws(FormulaSyntaxError) -> Expression {
        var operand = try parseRange()
        while isSymbol(current, "%") {
            advance()
            operand = .percent(operand)
        }
        return operand
    }

    private mutating func parseRange() throws(FormulaSyntaxError) -> Expression {
        var left = try parsePrimary()
        while true {
            if isSymbol(current, ":") {
                advance()
                left = .binary(.range, left, try parsePrimary())
            } else if current.followsSpace && startsReference(current) && isReferenceLike(left) {
                left = .binary(.intersection, left, try parsePrimary())
            } else {
                return left
            }
        }
    }

    private func startsReference(_ token: Token) -> Bool {
        switch token.kind {
        case .sheetPrefix, .structured: return true
        case .word(let w): return !isSymbol(lookahead(1), "(") && truthValue(w) == nil
        default: return false
        }
    }

    private func isReferenceLike(_ expression: Expression) -> Bool {
        switch expression {
        case .reference, .name, .structured: return true
        case .binary(let op, _, _): return op == .range || op == .intersection
        case .parenthesized(let inner): return isReferenceLike(inner)
        default: return false
        }
    }

    // MARK: Operands

    private mutating func parsePrimary() throws(FormulaSyntaxError) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value, let text):
            if let rows = try parseRowRange(sheet: nil) { return rows }
            guard value.isFinite else { throw FormulaSyntaxError("'\(text)' is not a number", at: token.start + baseOffset) }
            advance()
            return .number(value)
        case .text(let s):
            advance()
            return .text(s)
        case .structured(let reference):
            advance()
            return .structured(reference)
        case .error(let e):
            advance()
            return .error(e)
        case .sheetPrefix(let sheet):
            advance()
            if case .error(let e) = current.kind {
                advance()
                return .error(e)
            }
            if let reference = try parseReference(sheet: sheet) { return spillSuffix(reference) }
            throw unexpected("a cell or range after '\(sheet)!'")
        case .word(let word):
            if isSymbol(lookahead(1), "(") { return try parseCall(word) }
            if let reference = try parseReference(sheet: nil) { return spillSuffix(reference) }
            if let truth = truthValue(word) {
                advance()
                return .boolean(truth)
            }
            guard isValidName(word) else {
                throw FormulaSyntaxError("'\(word)' is not a valid reference or name", at: token.start + baseOffset)
            }
            advance()
            // xlsx files write the names LET and LAMBDA bind as `_xlpm.x`.
            if word.count > 6, word.prefix(6).lowercased() == "_xlpm." { return .name(String(word.dropFirst(6))) }
            return .name(word)
        case .symbol("("):
            try enter()
            advance()
            let inner = try parseExpression()
            try expect(")", "')'")
            nesting -= 1
            return .parenthesized(inner)
        case .symbol("{"):
            return try parseArray()
        default:
            throw unexpected("a value, reference or function")
        }
    }

    /// `A1#`, the spill of the formula in A1, which files write as ANCHORARRAY(A1).
    private mutating func spillSuffix(_ reference: Expression) -> Expression {
        guard isSymbol(current, "#"), !current.followsSpace, case .reference(let r) = reference, r.shape == .cell else { return reference }
        advance()
        return .call("ANCHORARRAY", [reference])
    }

    /// One level deeper into parentheses, a sign, a function or an array; an error past the limit.
    private mutating func enter() throws(FormulaSyntaxError) {
        nesting += 1
        guard nesting <= FormulaParser.maximumNesting else {
            throw FormulaSyntaxError("the formula is nested more than \(FormulaParser.maximumNesting) levels deep", at: current.start + baseOffset)
        }
    }

    private func isValidName(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first != "$" else { return false }
        return !word.contains("$")
    }

    private mutating func parseCall(_ word: String) throws(FormulaSyntaxError) -> Expression {
        let name = locale.canonicalName(ofFunction: word) ?? FunctionName.canonical(word)
        // `_xlfn.(`: only a prefix, no name; `_xlfn.2SUM(`: a name that would print as a number.
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else {
            throw FormulaSyntaxError("'\(word)' is not a function name", at: current.start + baseOffset)
        }
        functionNesting += 1
        guard functionNesting <= FormulaParser.maximumFunctionNesting else {
            throw FormulaSyntaxError("functions are nested more than Excel's limit of 64 levels", at: current.start + baseOffset)
        }
        try enter()
        defer { nesting -= 1; functionNesting -= 1 }
        advance()  // name
        advance()  // (
        var arguments: [Expression] = []
        if isSymbol(current, ")") {
            advance()
            return .call(name, arguments)
        }
        while true {
            if isArgumentSeparator(current) || isSymbol(current, ")") {
                arguments.append(.missing)
            } else {
                arguments.append(try parseExpression())
            }
            guard arguments.count <= FormulaParser.maximumArguments else {
                throw FormulaSyntaxError("\(name) has more than Excel's limit of 255 arguments", at: current.start + baseOffset)
            }
            if isArgumentSeparator(current) { advance(); continue }
            try expect(")", "'\(locale.listSeparator)' or ')' in the arguments of \(name)")
            return .call(name, arguments)
        }
    }

    private mutating func parseArray() throws(FormulaSyntaxError) -> Expression {
        advance()  // {
        var rows: [[Expression]] = [[]]
        while true {
            rows[rows.count - 1].append(try parseArrayElement())
            if isSymbol(current, String(locale.arrayColumnSeparator)) { advance(); continue }
            if isSymbol(current, String(locale.arrayRowSeparator)) { advance(); rows.append([]); continue }
            try expect("}", "'\(locale.arrayColumnSeparator)', '\(locale.arrayRowSeparator)' or '}' in the array")
            break
        }
        guard rows.allSatisfy({ $0.count == rows[0].count }) else {
            throw FormulaSyntaxError("the rows of the array have different lengths", at: current.start + baseOffset)
        }
        return .array(rows)
    }

    private mutating func parseArrayElement() throws(FormulaSyntaxError) -> Expression {
        var negative = false
        if case .symbol(let s) = current.kind, s == "-" || s == "+" {
            negative = s == "-"
            advance()
        }
        switch current.kind {
        case .number(let value, _):
            advance()
            return .number(negative ? -value : value)
        case .text(let s) where !negative:
            advance()
            return .text(s)
        case .error(let e) where !negative:
            advance()
            return .error(e)
        case .word(let w) where !negative && truthValue(w) != nil:
            advance()
            return .boolean(truthValue(w)!)
        default:
            throw unexpected("a number, text, \(locale.trueName), \(locale.falseName) or error in the array")
        }
    }

    // MARK: References

    private enum Part {
        case cell(CellAddress, absoluteColumn: Bool, absoluteRow: Bool)
        case column(Int32, absolute: Bool)
        case row(Int32, absolute: Bool)
    }

    private func part(_ token: Token) -> Part? {
        let text: Substring
        switch token.kind {
        case .word(let w): text = Substring(w)
        case .number(_, let t): text = Substring(t)
        default: return nil
        }
        if let cell = A1.parseCell(text) {
            return .cell(cell.address, absoluteColumn: cell.absoluteColumn, absoluteRow: cell.absoluteRow)
        }
        var s = text
        let absolute = s.first == "$"
        if absolute { s = s.dropFirst() }
        if let column = A1.columnIndex(s) { return .column(Int32(column), absolute: absolute) }
        if !s.isEmpty, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), s.first != "0", s.count <= 7,
           let row = Int(s), row <= Int(CellAddress.maxRows) {
            return .row(Int32(row - 1), absolute: absolute)
        }
        return nil
    }

    private func coordinate(_ index: Int32, absolute: Bool, host: Int32) -> ReferenceCoordinate {
        ReferenceCoordinate(absolute ? index : index - host, absolute: absolute)
    }

    /// A cell (`A1`), an area (`A1:B3`) or whole columns (`A:C`), at the current token.
    private mutating func parseReference(sheet: String?) throws(FormulaSyntaxError) -> Expression? {
        if let rows = try parseRowRange(sheet: sheet) { return rows }
        guard let first = part(current) else { return nil }
        switch first {
        case .cell(let a, let absC, let absR):
            advance()
            let row = coordinate(a.row, absolute: absR, host: host.row)
            let column = coordinate(a.column, absolute: absC, host: host.column)
            var reference = Reference(sheet: sheet, shape: .cell, startRow: row, startColumn: column, endRow: row, endColumn: column)
            if isSymbol(current, ":") {
                var next = lookahead(1)
                var skip = 1
                if case .sheetPrefix(let other) = next.kind, sheet != nil, other == sheet {
                    next = lookahead(2)
                    skip = 2
                }
                if let end = part(next), case .cell(let b, let absC2, let absR2) = end {
                    for _ in 0...skip { advance() }
                    reference.shape = .area
                    reference.endRow = coordinate(b.row, absolute: absR2, host: host.row)
                    reference.endColumn = coordinate(b.column, absolute: absC2, host: host.column)
                }
            }
            return .reference(reference)
        case .column(let c1, let abs1):
            guard isSymbol(lookahead(1), ":"), let end = part(lookahead(2)) else { return nil }
            let c2: Int32, abs2: Bool
            switch end {
            case .column(let c, let a): c2 = c; abs2 = a
            default: return nil
            }
            advance(); advance(); advance()
            let top = ReferenceCoordinate(0, absolute: true)
            let bottom = ReferenceCoordinate(CellAddress.maxRows - 1, absolute: true)
            return .reference(Reference(sheet: sheet, shape: .columns, startRow: top,
                                        startColumn: coordinate(c1, absolute: abs1, host: host.column),
                                        endRow: bottom, endColumn: coordinate(c2, absolute: abs2, host: host.column)))
        case .row:
            return nil
        }
    }

    /// Whole rows, `1:3` or `$1:$1`.
    private mutating func parseRowRange(sheet: String?) throws(FormulaSyntaxError) -> Expression? {
        guard case .row(let r1, let abs1)? = part(current), isSymbol(lookahead(1), ":"),
              case .row(let r2, let abs2)? = part(lookahead(2)) else { return nil }
        if case .number(_, let t) = current.kind, t.contains(".") || t.lowercased().contains("e") { return nil }
        advance(); advance(); advance()
        let left = ReferenceCoordinate(0, absolute: true)
        let right = ReferenceCoordinate(CellAddress.maxColumns - 1, absolute: true)
        return .reference(Reference(sheet: sheet, shape: .rows,
                                    startRow: coordinate(r1, absolute: abs1, host: host.row), startColumn: left,
                                    endRow: coordinate(r2, absolute: abs2, host: host.row), endColumn: right))
    }
}

/// Function names as Kalkyl stores them: upper case, without the `_xlfn.`/`_xlws.` prefixes
/// that xlsx files put before newer functions.
public enum FunctionName {
    public static func canonical(_ name: String) -> String {
        var upper = name.uppercased()
        for prefix in ["_XLFN.", "_XLWS."] {
            while upper.hasPrefix(prefix) { upper.removeFirst(prefix.count) }
        }
        return upper
    }
}
