import Foundation
import KalkylEngine

/// Reads .kalk text into a workbook. Reading is all or nothing: the first malformed line
/// stops it with `file:line:column` and what was expected, and no workbook is returned.
public struct KalkReader {
    private let file: String
    /// The whole file, valid UTF-8; cell lines point into it. Set only while `read` runs.
    private var source = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var pendingComments: [String] = []
    private var comments: [CommentAnchor: [String]] = [:]
    private var parameters: [TemplateParameter] = []
    private var title: String?
    private var locale: SpreadsheetLocale?
    private var iteration: IterativeCalculation?
    private var names: [(name: String, formula: String, sheet: Int?, line: Int, column: Int)] = []
    private var sheets: [SheetLines] = []
    private var tables: [(table: Table, line: Int)] = []

    private struct SheetLines {
        var name: String
        var line: Int
        var widths: [Int32: Double] = [:]
        var formats: [(CellRange, String)] = []
        var cells: [CellLine] = []
        /// Where each cell's value starts, built only once a cell comes out of row order
        /// (Kalkyl writes cells in order, so a cell given twice is then simply one not after the last).
        var seen: [CellAddress: UInt32]? = nil

        /// Where the value of a cell given before starts, if it was.
        mutating func earlier(_ address: CellAddress) -> UInt32? {
            guard let last = cells.last?.address, !(last < address) else { return nil }
            if seen == nil {
                seen = [:]
                for cell in cells where seen?[cell.address] == nil { seen?[cell.address] = cell.valueStart }
            }
            return seen?[address]
        }
    }

    /// A cell's line: its address and where its value stands in the file, sixteen bytes with no
    /// String (a million-row file has four million of these). The line and column an error
    /// names are counted from the offset when one is needed.
    private struct CellLine {
        var address: CellAddress
        /// The value text: from `valueStart` to the end of the line, without `\r`.
        var valueStart: UInt32
        var valueEnd: UInt32
    }
    /// Reads a workbook file.
    public static func load(path: String) throws -> WorkbookDocument {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FileError.unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? (error as NSError).localizedDescription : "no such file")
        }
        return try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard isUTF8(bytes) else {
                let (line, column) = KalkReader.firstInvalidUTF8(in: data)
                throw FileError.notUTF8(path: path, line: line, column: column)
            }
            return try read(bytes, file: path, documentName: WorkbookFile.absolute(path))
        }
    }

    /// Reads .kalk text; `file` names it in error messages.
    public static func read(_ text: String, file: String = "<text>") throws(KalkSyntaxError) -> WorkbookDocument {
        try read(text, file: file, documentName: nil)
    }

    /// `documentName`: what CELL("filename") shows, set before the first calculation.
    static func read(_ text: String, file: String, documentName: String?) throws(KalkSyntaxError) -> WorkbookDocument {
        var text = text
        text.makeContiguousUTF8()
        let read = { (bytes: UnsafeBufferPointer<UInt8>) in Result { () throws(KalkSyntaxError) in try KalkReader.read(bytes, file: file, documentName: documentName) } }
        return try (text.utf8.withContiguousStorageIfAvailable(read) ?? Array(text.utf8).withUnsafeBufferPointer(read)).get()
    }

    /// Reads the bytes of a file, valid UTF-8; they are not copied into a String.
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, documentName: String?) throws(KalkSyntaxError) -> WorkbookDocument {
        var reader = KalkReader(file: file)
        reader.source = bytes
        try reader.parse(bytes)
        return try reader.build(documentName: documentName)
    }

    /// Whether the bytes are UTF-8, checked a megabyte of whole lines at a time (a line break
    /// is never inside a character), so no copy of a large file is held.
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < bytes.count {
            var end = min(bytes.count, start + (1 << 20))
            while end < bytes.count && bytes[end - 1] != 10 { end += 1 }
            guard String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) != nil else { return false }
            start = end
        }
        return true
    }

    /// Line and column (in characters) of the first byte that is not UTF-8.
    static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    private init(file: String) {
        self.file = file
    }

    private func error(_ line: Int, _ column: Int, _ message: String) -> KalkSyntaxError {
        KalkSyntaxError(file: file, line: line, column: column, message: message)
    }

    // MARK: Lines

    /// The text from byte `start` to byte `end` of the file (both at character boundaries).
    private func text(_ start: Int, _ end: Int) -> Substring {
        Substring(String(decoding: UnsafeBufferPointer(rebasing: source[start..<end]), as: UTF8.self))
    }

    /// The byte offset in the file of an index into `line`, the text of the line from `lineStart`.
    private static func offset(of index: Substring.Index, in line: Substring, lineStart: Int) -> Int {
        lineStart + line.utf8.distance(from: line.startIndex, to: index)
    }

    /// The line (1-based) and the column (in characters) of a byte offset in the file.
    private func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        for k in 0..<offset where source[k] == 10 {
            line += 1
            lineStart = k + 1
        }
        return (line, text(lineStart, offset).count + 1)
    }

    private mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(KalkSyntaxError) {
        guard bytes.count < Int(UInt32.max) else { throw error(1, 1, "the file is 4 GiB or larger, more than Kalkyl reads") }
        var sawHeader = false
        var lineNumber = 0
        var lineStart = 0
        let end = bytes.count
        while lineStart < end || lineNumber == 0 {
            var lineEnd = lineStart
            while lineEnd < end && bytes[lineEnd] != 10 { lineEnd += 1 }
            let contentEnd = lineEnd > lineStart && bytes[lineEnd - 1] == 13 ? lineEnd - 1 : lineEnd
            let start = lineStart
            lineStart = lineEnd < end ? lineEnd + 1 : lineEnd
            lineNumber += 1
            guard lineNumber < Int(Int32.max) else { throw error(lineNumber, 1, "the file has more lines than Kalkyl reads") }
            // Most lines are cells as Kalkyl writes them, `B7 =A7*2`: read from the bytes.
            if sawHeader, case 65...90 = bytes[start], try parseCellLine(bytes, start, contentEnd, lineNumber) { continue }
            if bytes[start..<contentEnd].allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            let line = text(start, contentEnd)
            if bytes[start] == UInt8(ascii: "#") {
                pendingComments.append(String(line))
                continue
            }
            if !sawHeader {
                let words = line.split(separator: " ")
                guard words.count == 2, words[0] == "kalkyl", let version = Int(words[1]) else {
                    throw error(lineNumber, 1, "expected the header '\(KalkFormat.header)' before anything else")
                }
                guard version == KalkFormat.version else {
                    throw error(lineNumber, 8, "this is format version \(version); Kalkyl reads version \(KalkFormat.version)")
                }
                attachComments(to: .header)
                sawHeader = true
                continue
            }
            try parseItem(line, lineNumber, lineStart: start)
        }
        guard sawHeader else { throw error(max(lineNumber, 1), 1, "the file is empty: expected the header '\(KalkFormat.header)'") }
        attachComments(to: .end)
    }

    /// A cell line from its bytes when it is plainly one (an address without `$`, a space, a
    /// value); false leaves the line to `parseItem`, which explains what is wrong.
    private mutating func parseCellLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ n: Int) throws(KalkSyntaxError) -> Bool {
        var space = start
        while space < end && bytes[space] != 32 { space += 1 }
        guard let cell = A1.parseCell(bytes: bytes[start..<space]), !cell.absoluteColumn, !cell.absoluteRow else { return false }
        var valueStart = space
        while valueStart < end && bytes[valueStart] == 32 { valueStart += 1 }
        guard valueStart < end, !sheets.isEmpty else { return false }
        try addCell(cell.address, valueStart: valueStart, valueEnd: end, n)
        return true
    }

    private mutating func attachComments(to anchor: CommentAnchor) {
        guard !pendingComments.isEmpty else { return }
        comments[anchor, default: []].append(contentsOf: pendingComments)
        pendingComments.removeAll()
    }

    private mutating func parseItem(_ line: Substring, _ n: Int, lineStart: Int) throws(KalkSyntaxError) {
        // Split at the first space on the bytes: this runs once per cell of the file.
        let space = line.utf8.firstIndex(of: 32) ?? line.endIndex
        let keyword = line[..<space]
        var restStart = space
        while restStart < line.endIndex && line.utf8[restStart] == 32 { restStart = line.utf8.index(after: restStart) }
        let rest = line[restStart...]
        var restColumn: Int { line.distance(from: line.startIndex, to: rest.startIndex) + 1 }
        // Keywords are lower case; a line that starts with a capital is a cell, as most are.
        if let first = keyword.utf8.first, first >= 65 && first <= 90 { return try parseCell(keyword, rest, line, n, lineStart, restColumn) }
        switch keyword {
        case "locale":
            guard let value = SpreadsheetLocale(code: String(rest)) else { throw error(n, restColumn, "expected 'locale sv' or 'locale en'") }
            locale = value
        case "iterate":
            let words = rest.split(separator: " ")
            guard words.count == 2, let count = Int(words[0]), (1...32_767).contains(count), let change = Double(words[1]), change >= 0, change.isFinite else {
                throw error(n, restColumn, "expected 'iterate MAXIMUM-ITERATIONS MAXIMUM-CHANGE', e.g. 'iterate 100 0.001'")
            }
            iteration = IterativeCalculation(maximumIterations: count, maximumChange: change)
        case "title":
            guard let (text, end) = try unquote(rest, n, restColumn), end == rest.endIndex else {
                throw error(n, restColumn, "expected the title in double quotes")
            }
            title = text
        case "sheet":
            let name = String(rest).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw error(n, restColumn, "expected a sheet name after 'sheet'") }
            if let earlier = sheets.first(where: { $0.name.lowercased() == name.lowercased() }) {
                throw error(n, restColumn, "sheet '\(name)' is already defined on line \(earlier.line)")
            }
            attachComments(to: .sheet(name))
            sheets.append(SheetLines(name: name, line: n))
        case "name":
            guard let equals = rest.range(of: " = ") else {
                throw error(n, restColumn, "expected 'name NAME = FORMULA'")
            }
            let name = String(rest[..<equals.lowerBound])
            let formula = String(rest[equals.upperBound...])
            let column = restColumn + rest.distance(from: rest.startIndex, to: equals.upperBound)
            let scope = sheets.isEmpty ? nil : sheets.count - 1
            if let earlier = names.first(where: { $0.sheet == scope && $0.name.lowercased() == name.lowercased() }) {
                throw error(n, restColumn, "the name '\(Excerpt.of(name))' is already defined on line \(earlier.line)")
            }
            attachComments(to: .name(name))
            names.append((name, formula, sheets.isEmpty ? nil : sheets.count - 1, n, column))
        case "table":
            guard !sheets.isEmpty else { throw error(n, 1, "expected a 'sheet' line before 'table'") }
            let table = try parseTable(rest, n, restColumn)
            if let earlier = tables.first(where: { $0.table.name.lowercased() == table.name.lowercased() }) {
                throw error(n, restColumn, "the table '\(Excerpt.of(table.name))' is already defined on line \(earlier.line)")
            }
            tables.append((table, n))
        case "param":
            let parameter = try parseParameter(rest, n, restColumn)
            attachComments(to: .parameter(parameter.name))
            parameters.append(parameter)
        case "width":
            guard !sheets.isEmpty else { throw error(n, 1, "expected a 'sheet' line before 'width'") }
            let parts = rest.split(separator: " ")
            guard parts.count == 2, let column = A1.columnIndex(parts[0]) else {
                throw error(n, restColumn, "expected 'width COLUMN CHARACTERS', e.g. 'width A 28'")
            }
            guard let width = Double(parts[1]), width >= 0, width <= 255 else {
                throw error(n, restColumn + parts[0].count + 1, "expected a width from 0 to 255 characters")
            }
            sheets[sheets.count - 1].widths[Int32(column)] = width
        case "format":
            guard !sheets.isEmpty else { throw error(n, 1, "expected a 'sheet' line before 'format'") }
            let rangeText = rest.prefix(while: { $0 != " " })
            guard let range = CellRange(rangeText) else {
                throw error(n, restColumn, "expected a cell range such as C2:C22 after 'format'")
            }
            let codeText = rest.dropFirst(rangeText.count).drop(while: { $0 == " " })
            let codeColumn = restColumn + rest.distance(from: rest.startIndex, to: codeText.startIndex)
            guard let (code, end) = try unquote(codeText, n, codeColumn), end == codeText.endIndex else {
                throw error(n, codeColumn, "expected the number format in double quotes, e.g. \"#,##0\"")
            }
            sheets[sheets.count - 1].formats.append((range, code))
        default:
            try parseCell(keyword, rest, line, n, lineStart, restColumn)
        }
    }

    /// `B7 VALUE`: a cell line.
    private mutating func parseCell(_ keyword: Substring, _ rest: Substring, _ line: Substring, _ n: Int, _ lineStart: Int, _ restColumn: @autoclosure () -> Int) throws(KalkSyntaxError) {
        guard let address = CellAddress(keyword), !keyword.utf8.contains(UInt8(ascii: "$")) else {
            throw error(n, 1, "expected a cell (A1 …), 'sheet', 'name', 'table', 'param', 'title', 'width' or 'format', found '\(Excerpt.of(keyword))'")
        }
        guard !sheets.isEmpty else { throw error(n, 1, "expected a 'sheet' line before the first cell") }
        guard !rest.isEmpty else { throw error(n, restColumn(), "expected a value or formula after \(keyword)") }
        try addCell(address, valueStart: Self.offset(of: rest.startIndex, in: line, lineStart: lineStart),
                    valueEnd: Self.offset(of: rest.endIndex, in: line, lineStart: lineStart), n)
    }

    private mutating func addCell(_ address: CellAddress, valueStart: Int, valueEnd: Int, _ n: Int) throws(KalkSyntaxError) {
        if let first = sheets[sheets.count - 1].earlier(address) {
            throw error(n, 1, "cell \(address) is given twice (first on line \(position(of: Int(first)).line))")
        }
        if !pendingComments.isEmpty { attachComments(to: .cell(sheet: sheets[sheets.count - 1].name, address: address)) }
        sheets[sheets.count - 1].seen?[address] = UInt32(valueStart)
        sheets[sheets.count - 1].cells.append(CellLine(address: address, valueStart: UInt32(valueStart), valueEnd: UInt32(valueEnd)))
    }

    /// `table NAME RANGE [noheader] [totals] "COLUMN" …`: an Excel table of the current sheet.
    private func parseTable(_ rest: Substring, _ n: Int, _ restColumn: Int) throws(KalkSyntaxError) -> Table {
        let usage = "expected 'table NAME RANGE [noheader] [totals] \"COLUMN\" …', e.g. 'table Tabell1 A1:C9 \"Region\" \"Belopp\" \"Moms\"'"
        var text = rest[...]
        func column() -> Int { restColumn + rest.distance(from: rest.startIndex, to: text.startIndex) }
        func word() -> Substring {
            let word = text.prefix(while: { $0 != " " })
            text = text.dropFirst(word.count).drop(while: { $0 == " " })
            return word
        }
        let name = String(word())
        let rangeColumn = column()
        guard !name.isEmpty, let range = CellRange(word()) else { throw error(n, name.isEmpty ? restColumn : rangeColumn, usage) }
        var table = Table(name: name, sheet: sheets.count - 1, range: range, columns: [])
        while !text.isEmpty {
            if text.first == "\"" {
                let start = column()
                guard let (name, end) = try unquote(text, n, start) else { throw error(n, start, usage) }
                table.columns.append(name)
                text = text[end...].drop(while: { $0 == " " })
            } else {
                let start = column()
                switch word() {
                case "noheader": table.hasHeaderRow = false
                case "totals": table.hasTotalsRow = true
                default: throw error(n, start, usage)
                }
            }
        }
        return table
    }

    /// A double-quoted string at the start of `text`: its content and where it ends.
    private func unquote(_ text: Substring, _ n: Int, _ column: Int) throws(KalkSyntaxError) -> (String, Substring.Index)? {
        guard text.first == "\"" else { return nil }
        var out = ""
        var i = text.index(after: text.startIndex)
        while i < text.endIndex {
            let ch = text[i]
            if ch == "\"" { return (out, text.index(after: i)) }
            if ch == "\\" {
                let next = text.index(after: i)
                guard next < text.endIndex else { break }
                switch text[next] {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "u":
                    // \uXXXX: four hexadecimal digits.
                    let digits = text[text.index(after: next)...].prefix(4)
                    let at = column + text.distance(from: text.startIndex, to: i)
                    guard digits.count == 4, digits.allSatisfy(\.isHexDigit), var code = UInt32(digits, radix: 16) else {
                        throw error(n, at, "expected four hexadecimal digits after '\\u'")
                    }
                    i = digits.endIndex
                    // As in JSON, a character beyond U+FFFF is a pair of surrogates: \uD83D\uDE00.
                    if (0xD800...0xDBFF).contains(code) {
                        let low = text[i...].prefix(6)
                        guard low.count == 6, low.hasPrefix("\\u"), let second = UInt32(low.dropFirst(2), radix: 16),
                              (0xDC00...0xDFFF).contains(second) else {
                            throw error(n, at, "\\u\(digits) is the first half of a surrogate pair; the second half (\\uDC00 to \\uDFFF) must follow")
                        }
                        code = 0x10000 + ((code - 0xD800) << 10) + (second - 0xDC00)
                        i = low.endIndex
                    }
                    guard let scalar = Unicode.Scalar(code) else {
                        throw error(n, at, "\\u\(digits) is the second half of a surrogate pair without the first")
                    }
                    out.unicodeScalars.append(scalar)
                    continue
                default:
                    throw error(n, column + text.distance(from: text.startIndex, to: i), "unknown escape '\\\(text[next])' (use \\\" \\\\ \\n \\t \\r \\uXXXX)")
                }
                i = text.index(after: next)
                continue
            }
            out.append(ch)
            i = text.index(after: i)
        }
        throw error(n, column, "text has no closing quote")
    }

    private func parseParameter(_ text: Substring, _ n: Int, _ column: Int) throws(KalkSyntaxError) -> TemplateParameter {
        // Words, key=value pairs (values may be quoted) and a final quoted description.
        var words: [(String, Int, quoted: Bool)] = []
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == " " { i = text.index(after: i); continue }
            let start = text.distance(from: text.startIndex, to: i) + column
            var word = ""
            var quoted = false
            while i < text.endIndex && text[i] != " " {
                if text[i] == "\"" {
                    guard let (inner, end) = try unquote(text[i...], n, start) else { break }
                    word += inner
                    quoted = true
                    i = end
                } else {
                    word.append(text[i])
                    i = text.index(after: i)
                }
            }
            words.append((word, start, quoted))
        }
        guard words.count >= 3, let kind = TemplateParameter.Kind(rawValue: words[1].0) else {
            let kinds = TemplateParameter.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(n, words.count > 1 ? words[1].1 : column, "expected 'param NAME TYPE [key=value …] \"description\"' with TYPE one of \(kinds)")
        }
        guard let description = words.last, description.quoted, !description.0.contains("=") || words.count > 2 else {
            throw error(n, column, "expected the parameter's description in double quotes at the end")
        }
        var parameter = TemplateParameter(name: words[0].0, kind: kind, description: description.0)
        for (word, start, _) in words[2..<(words.count - 1)] {
            if word == "required" { parameter.isRequired = true; continue }
            guard let eq = word.firstIndex(of: "=") else { throw error(n, start, "expected key=value, found '\(word)'") }
            let key = word[..<eq], value = String(word[word.index(after: eq)...])
            switch key {
            case "cell": parameter.cell = value
            case "default": parameter.defaultValue = value
            case "min", "max":
                guard let number = Double(value) else { throw error(n, start, "expected a number after \(key)=") }
                if key == "min" { parameter.minimum = number } else { parameter.maximum = number }
            default: throw error(n, start, "unknown parameter setting '\(key)' (cell, default, min, max, required)")
            }
        }
        return parameter
    }

    // MARK: Workbook

    private func build(documentName: String?) throws(KalkSyntaxError) -> WorkbookDocument {
        let workbook = Workbook()
        workbook.documentName = documentName
        var document = WorkbookDocument(workbook: workbook)
        document.comments = comments
        document.parameters = parameters
        document.title = title
        document.locale = locale
        workbook.iterativeCalculation = iteration
        for sheet in sheets {
            do {
                try workbook.addSheet(named: sheet.name)
            } catch {
                throw self.error(sheet.line, 7, error.description)
            }
        }
        for (table, line) in tables {
            do {
                try workbook.addTable(table)
            } catch {
                throw self.error(line, 7, error.description)
            }
        }
        for name in names {
            do {
                try workbook.defineName(name.name, formula: name.formula, scope: name.sheet)
            } catch {
                if case .formula(let syntax, _) = error {
                    throw self.error(name.line, name.column + syntax.offset, syntax.message)
                }
                throw self.error(name.line, 6, error.description)
            }
        }
        try workbook.load { () throws(KalkSyntaxError) in
            for (index, sheet) in sheets.enumerated() {
                workbook.updateLayout(ofSheet: index) {
                    $0.columnWidths = sheet.widths
                    $0.numberFormats = sheet.formats.map { (range: $0.0, format: $0.1) }
                }
                for cell in sheet.cells {
                    let location = CellLocation(sheet: index, address: cell.address)
                    let input = try self.input(cell)
                    do throws(WorkbookError) {
                        try workbook.set(input, at: location)
                    } catch {
                        let (line, column) = self.position(of: Int(cell.valueStart))
                        if case .formula(let syntax, _) = error {
                            throw self.error(line, column + syntax.offset, syntax.message)
                        }
                        throw self.error(line, column, error.description)
                    }
                }
            }
        }
        return document
    }


    private func input(_ cell: CellLine) throws(KalkSyntaxError) -> CellInput {
        let value = source[Int(cell.valueStart)..<Int(cell.valueEnd)]
        if value.first == UInt8(ascii: "=") { return .formula(String(decoding: value, as: UTF8.self)) }
        if let number = KalkReader.wholeNumber(value) { return .constant(.number(number)) }
        do {
            return try input(text(Int(cell.valueStart), Int(cell.valueEnd)))
        } catch {
            // Said where the value stands, counted only now.
            let (line, column) = position(of: Int(cell.valueStart))
            throw self.error(line, column + error.column - 1, error.message)
        }
    }

    /// A value that is not a formula or a whole number, its errors placed on line 0 from column 1.
    private func input(_ text: Substring) throws(KalkSyntaxError) -> CellInput {
        let line = 0
        if text.hasPrefix("formula \"") {
            let quoted = text.dropFirst("formula ".count)
            let column = 1 + "formula ".count
            guard let (formula, end) = try unquote(quoted, line, column), end == quoted.endIndex, formula.first == "=" else {
                throw error(line, column, "expected the formula in double quotes after 'formula', starting with '='")
            }
            return .formula(formula)
        }
        if let (value, end) = try unquote(text, line, 1) {
            guard end == text.endIndex else {
                throw error(line, 1 + text.distance(from: text.startIndex, to: end), "unexpected text after the closing quote")
            }
            return .constant(.text(value))
        }
        if text == "TRUE" { return .constant(.boolean(true)) }
        if text == "FALSE" { return .constant(.boolean(false)) }
        if text.first == "#" {
            guard let e = FormulaError(code: String(text)), e != .cycle else {
                throw error(line, 1, "unknown error value '\(text)'")
            }
            return .constant(.error(e))
        }
        if text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 101 || $0 == 69 || $0 == 43 || $0 == 45 }),
           let n = Double(text), n.isFinite {
            return .constant(.number(n))
        }
        throw error(line, 1, "expected a number, \"text\", TRUE, FALSE, an error such as #N/A, or a formula starting with '=', found '\(Excerpt.of(text))'")
    }

    /// A value of up to 15 digits with an optional minus: exactly the Double that `Double(text)`
    /// gives (every such integer is exact), read without a String. Anything else is nil.
    static func wholeNumber(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        var i = bytes.startIndex
        let negative = i < bytes.endIndex && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let digits = bytes.endIndex - i
        guard digits >= 1 && digits <= 15 else { return nil }
        var n: Int64 = 0
        while i < bytes.endIndex {
            let digit = bytes[i] &- 48
            guard digit <= 9 else { return nil }
            n = n * 10 + Int64(digit)
            i += 1
        }
        return negative ? -Double(n) : Double(n)
    }
}
