import Foundation

/// Prints an `Expression` back as canonical Excel formula text (English names, `,` separators),
/// resolving relative references from the cell that holds the formula.
public enum FormulaPrinter {
    /// The formula with its leading `=`.
    public static func formula(_ expression: Expression, at host: CellAddress) -> String {
        var out = "="
        write(expression, at: host, to: &out)
        return out
    }

    /// The formula as xlsx stores it: no `=`, and functions newer than Excel 2007 with the
    /// `_xlfn.` prefix Excel expects.
    public static func xlsxFormula(_ expression: Expression, at host: CellAddress) -> String {
        var out = ""
        write(XlsxParameterNames.marked(expression), at: host, to: &out, functionName: { XlsxFunctionNames.prefixed($0) }, operatorsAsFunctions: true)
        return out
    }

    /// The formula as a person of `locale` writes it, with its leading `=`: `=SUMMA(A1:A3;1,5)`
    /// in Swedish. Files store `formula(_:at:)`, the canonical form.
    public static func formula(_ expression: Expression, at host: CellAddress, locale: SpreadsheetLocale) -> String {
        var out = "="
        let local = locale.decimalSeparator == "." ? expression : FormatCodeLiterals.map(expression) { locale.localFormat($0) }
        write(local, at: host, to: &out, functionName: { locale.localName(ofFunction: $0) }, locale: locale)
        return out
    }

    /// `operatorsAsFunctions`: `@x` and `A1#` as files write them, `SINGLE(x)` and `ANCHORARRAY(A1)`.
    public static func write(_ expression: Expression, at host: CellAddress, to out: inout String,
                             functionName: (String) -> String = { $0 }, locale: SpreadsheetLocale = .english,
                             operatorsAsFunctions: Bool = false) {
        write(expression, at: host, to: &out, functionName: functionName, locale: locale, operatorsAsFunctions: operatorsAsFunctions, reference: nil)
    }

    /// `reference`: writes each reference instead of the printer (see `Template`).
    static func write(_ expression: Expression, at host: CellAddress, to out: inout String,
                      functionName: (String) -> String, locale: SpreadsheetLocale, operatorsAsFunctions: Bool,
                      reference writeReference: ((Reference, inout String) -> Void)?) {
        func recurse(_ e: Expression) {
            write(e, at: host, to: &out, functionName: functionName, locale: locale, operatorsAsFunctions: operatorsAsFunctions, reference: writeReference)
        }
        switch expression {
        case .number(let n):
            let text = NumberLiteral.text(n)
            out += locale.decimalSeparator == "." ? text : text.replacingOccurrences(of: ".", with: String(locale.decimalSeparator))
        case .text(let s): out += quoted(s)
        case .boolean(let b): out += b ? locale.trueName : locale.falseName
        case .error(let e): out += locale.name(of: e)
        case .array(let rows):
            out += "{"
            for (r, row) in rows.enumerated() {
                if r > 0 { out.append(locale.arrayRowSeparator) }
                for (c, element) in row.enumerated() {
                    if c > 0 { out.append(locale.arrayColumnSeparator) }
                    recurse(element)
                }
            }
            out += "}"
        case .reference(let reference):
            if let writeReference { writeReference(reference, &out) } else { out += text(of: reference, at: host) }
        case .name(let name): out += name
        case .structured(let reference): out += reference.text
        case .unary(let op, let operand):
            out += op.rawValue
            recurse(operand)
        case .binary(let op, let left, let right):
            recurse(left)
            out += op.rawValue
            recurse(right)
        case .percent(let operand):
            recurse(operand)
            out += "%"
        case .call("SINGLE", let arguments) where arguments.count == 1 && !operatorsAsFunctions && !arguments[0].needsParenthesesAfterAt:
            // (`SINGLE(A1<B1)` stays a call: `@(A1<B1)` would read back with the parentheses.)
            out += "@"
            recurse(arguments[0])
        case .call("ANCHORARRAY", let arguments) where !operatorsAsFunctions && arguments.count == 1 && arguments[0].isCellReference:
            recurse(arguments[0])
            out += "#"
        case .call(let name, let arguments):
            out += functionName(name)
            out += "("
            for (i, argument) in arguments.enumerated() {
                if i > 0 { out.append(locale.listSeparator) }
                recurse(argument)
            }
            out += ")"
        case .missing: break
        case .parenthesized(let inner):
            out += "("
            recurse(inner)
            out += ")"
        }
    }

    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `Sheet2!$A$1:B3`, `'My sheet'!A:A`, or `#REF!` when the reference falls off the sheet.
    public static func text(of reference: Reference, at host: CellAddress) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(24)
        append(reference, at: host, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The reference's text appended as bytes: a save writes every reference of every formula.
    public static func append(_ reference: Reference, at host: CellAddress, to out: inout [UInt8]) {
        guard reference.resolve(from: host) != nil else { out.append(contentsOf: "#REF!".utf8); return }
        if let sheet = reference.sheet {
            out.append(contentsOf: SheetName.quotedIfNeeded(sheet).utf8)
            out.append(UInt8(ascii: "!"))
        }
        func column(_ c: ReferenceCoordinate) {
            if c.isAbsolute { out.append(UInt8(ascii: "$")) }
            A1.appendColumnName(Int(c.resolve(from: host.column)), to: &out)
        }
        func row(_ r: ReferenceCoordinate) {
            if r.isAbsolute { out.append(UInt8(ascii: "$")) }
            A1.appendDecimal(Int(r.resolve(from: host.row)) + 1, to: &out)
        }
        let colon = UInt8(ascii: ":")
        switch reference.shape {
        case .cell: column(reference.startColumn); row(reference.startRow)
        case .area:
            column(reference.startColumn); row(reference.startRow); out.append(colon)
            column(reference.endColumn); row(reference.endRow)
        case .columns: column(reference.startColumn); out.append(colon); column(reference.endColumn)
        case .rows: row(reference.startRow); out.append(colon); row(reference.endRow)
        }
    }
}

/// Numbers in formula text and in .kalk files: integers plainly, others in the shortest
/// form that reads back as the same Double (`0.1`, `1e+20`).
public enum NumberLiteral {
    public static func text(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    /// The same text appended as bytes; a whole number without a `String` (savers write many).
    public static func append(_ n: Double, to out: inout [UInt8]) {
        if n == n.rounded(), abs(n) < 1e15 {
            A1.appendDecimal(Int(Int64(n)), to: &out)
        } else {
            out.append(contentsOf: "\(n)".utf8)
        }
    }
}

/// Sheet names in references: quoted when they hold anything but letters, digits, `_` and `.`,
/// start with a digit, or could be read as a cell reference.
public enum SheetName {
    public static func quotedIfNeeded(_ name: String) -> String {
        needsQuotes(name) ? "'" + name.replacingOccurrences(of: "'", with: "''") + "'" : name
    }

    static func needsQuotes(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return true }
        if first.properties.numericType != nil || first == "." { return true }
        for s in name.unicodeScalars where !(s.properties.isAlphabetic || s == "_" || s == "." || (s.value >= 48 && s.value <= 57)) {
            return true
        }
        if A1.parseCell(Substring(name)) != nil { return true }
        let upper = name.uppercased()
        if upper == "TRUE" || upper == "FALSE" { return true }
        // R1C1-looking names such as R2C3 or C5 are quoted by Excel too.
        if upper.first == "R" || upper.first == "C",
           upper.dropFirst().allSatisfy({ $0.isNumber || $0 == "C" || $0 == "R" }) { return true }
        return false
    }
}

/// The names LET and LAMBDA bind, which xlsx files write with the `_xlpm.` prefix wherever they
/// stand for the bound value (`_xlfn.LET(_xlpm.x,2,_xlpm.x*3)`); the parser takes it off again.
enum XlsxParameterNames {
    static func marked(_ expression: Expression, bound: Set<String> = []) -> Expression {
        switch expression {
        case .name(let n) where bound.contains(n.uppercased()): return .name("_xlpm." + n)
        case .call(let name, let arguments) where (name == "LET" || name == "LAMBDA") && !arguments.isEmpty:
            var inScope = bound, marked: [Expression] = []
            for (i, argument) in arguments.enumerated() {
                let isParameter = name == "LAMBDA" ? i < arguments.count - 1 : i % 2 == 0 && i < arguments.count - 1
                if isParameter, case .name(let n) = argument {
                    marked.append(.name("_xlpm." + n))
                    inScope.insert(n.uppercased())
                } else {
                    marked.append(Self.marked(argument, bound: inScope))
                }
            }
            return .call(name, marked)
        case .call(let name, let arguments): return .call(name, arguments.map { marked($0, bound: bound) })
        case .unary(let op, let e): return .unary(op, marked(e, bound: bound))
        case .percent(let e): return .percent(marked(e, bound: bound))
        case .parenthesized(let e): return .parenthesized(marked(e, bound: bound))
        case .binary(let op, let l, let r): return .binary(op, marked(l, bound: bound), marked(r, bound: bound))
        case .array(let rows): return .array(rows.map { $0.map { marked($0, bound: bound) } })
        default: return expression
        }
    }
}

/// Functions Excel added after 2007, which xlsx files name with the `_xlfn.` prefix: the list
/// XlsxWriter keeps (a test compares the two, through the function corpus), functions Kalkyl
/// does not know included, so that a formula read from a file is written back as it came.
public enum XlsxFunctionNames {
    static let newer: Set<String> = [
        "ACOT", "ACOTH", "AGGREGATE", "ANCHORARRAY", "ARABIC", "ARRAYTOTEXT", "BASE", "BETA.DIST", "BETA.INV",
        "BINOM.DIST", "BINOM.DIST.RANGE", "BINOM.INV", "BITAND", "BITLSHIFT", "BITOR", "BITRSHIFT", "BITXOR", "BYCOL",
        "BYROW", "CEILING.MATH", "CEILING.PRECISE", "CHISQ.DIST", "CHISQ.DIST.RT", "CHISQ.INV", "CHISQ.INV.RT",
        "CHISQ.TEST", "CHOOSECOLS", "CHOOSEROWS", "COMBINA", "CONCAT", "CONFIDENCE.NORM", "CONFIDENCE.T", "COT", "COTH",
        "COVARIANCE.P", "COVARIANCE.S", "CSC", "CSCH", "DAYS", "DECIMAL", "DROP", "ERF.PRECISE", "ERFC.PRECISE",
        "EXPAND", "EXPON.DIST", "F.DIST", "F.DIST.RT", "F.INV", "F.INV.RT", "F.TEST", "FILTERXML", "FLOOR.MATH",
        "FLOOR.PRECISE", "FORECAST.ETS", "FORECAST.ETS.CONFINT", "FORECAST.ETS.SEASONALITY", "FORECAST.ETS.STAT",
        "FORECAST.LINEAR", "FORMULATEXT", "GAMMA", "GAMMA.DIST", "GAMMA.INV", "GAMMALN.PRECISE", "GAUSS", "HSTACK",
        "HYPGEOM.DIST", "IFNA", "IFS", "IMAGE", "IMCOSH", "IMCOT", "IMCSC", "IMCSCH", "IMSEC", "IMSECH", "IMSINH",
        "IMTAN", "ISFORMULA", "ISOMITTED", "ISOWEEKNUM", "LAMBDA", "LET", "LOGNORM.DIST", "LOGNORM.INV", "MAKEARRAY",
        "MAP", "MAXIFS", "MINIFS", "MODE.MULT", "MODE.SNGL", "MUNIT", "NEGBINOM.DIST", "NORM.DIST", "NORM.INV",
        "NORM.S.DIST", "NORM.S.INV", "NUMBERVALUE", "PDURATION", "PERCENTILE.EXC", "PERCENTILE.INC", "PERCENTRANK.EXC",
        "PERCENTRANK.INC", "PERMUTATIONA", "PHI", "POISSON.DIST", "QUARTILE.EXC", "QUARTILE.INC", "QUERYSTRING",
        "RANDARRAY", "RANK.AVG", "RANK.EQ", "REDUCE", "RRI", "SCAN", "SEC", "SECH", "SEQUENCE", "SHEET", "SHEETS",
        "SINGLE", "SKEW.P", "SORTBY", "STDEV.P", "STDEV.S", "SWITCH", "T.DIST", "T.DIST.2T", "T.DIST.RT", "T.INV",
        "T.INV.2T", "T.TEST", "TAKE", "TEXTAFTER", "TEXTBEFORE", "TEXTJOIN", "TEXTSPLIT", "TOCOL", "TOROW", "UNICHAR",
        "UNICODE", "UNIQUE", "VALUETOTEXT", "VAR.P", "VAR.S", "VSTACK", "WEBSERVICE", "WEIBULL.DIST", "WRAPCOLS",
        "WRAPROWS", "XLOOKUP", "XMATCH", "XOR", "Z.TEST",
        // Newer than XlsxWriter's list.
        "REGEXTEST", "REGEXEXTRACT", "REGEXREPLACE",
    ]
    /// Functions Excel writes with a second prefix, `_xlfn._xlws.`.
    static let worksheetOnly: Set<String> = ["FILTER", "SORT"]

    public static func prefixed(_ name: String) -> String {
        if worksheetOnly.contains(name) { return "_xlfn._xlws." + name }
        return newer.contains(name) ? "_xlfn." + name : name
    }
}
