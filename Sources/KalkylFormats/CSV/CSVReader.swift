import Foundation
import KalkylEngine

/// Reads CSV into a one-sheet workbook: RFC 4180 (fields in double quotes with `""` inside,
/// CRLF or LF line ends) and Swedish Excel's CSV (`;` between fields, decimal commas), told
/// apart by the first line unless the locale is given. Each field is read as it would be typed
/// in a cell of that locale (`7 000 000`, `1,5`, `12 %`, `2025-03-31`), except that a field
/// starting with `=` stays text: opening a CSV file never runs a formula from it.
public enum CSVReader {
    public static func read(_ text: String, sheetName: String = "Blad1", locale: SpreadsheetLocale? = nil, file: String = "<csv>") throws -> WorkbookDocument {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }  // Excel's byte order mark
        let firstLine = body.prefix(while: { $0 != "\n" && $0 != "\r\n" })
        let swedish = locale.map { $0 == .swedish } ?? (firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count)
        let typing = locale ?? (swedish ? .swedish : .english)
        let delimiter: Character = swedish ? ";" : ","
        let rows = try records(body, delimiter: delimiter, file: file)
        let workbook = Workbook()
        do { try workbook.addSheet(named: sheetName) } catch { throw FileError.unreadable(path: file, reason: "\(error)") }
        var formats: [(CellRange, String)] = []
        try workbook.load { () throws(FileError) in
            for (r, fields) in rows.enumerated() {
                guard r < Int(CellAddress.maxRows) else { throw FileError.unreadable(path: file, reason: "more than 1 048 576 rows") }
                for (c, field) in fields.enumerated() where !field.isEmpty {
                    guard c < Int(CellAddress.maxColumns) else {
                        throw FileError.unreadable(path: file, reason: "line \(r + 1) has more than 16 384 fields")
                    }
                    let address = CellAddress(row: Int32(r), column: Int32(c))
                    let (input, format) = field.hasPrefix("=") ? (CellInput.constant(.text(field)), nil) : CellInput.typedWithFormat(field, locale: typing)
                    try? workbook.set(input, at: CellLocation(sheet: 0, address: address))
                    if let format { formats.append((CellRange(address), format)) }
                }
            }
        }
        workbook.updateLayout(ofSheet: 0) { $0.numberFormats = formats.map { (range: $0.0, format: $0.1) } }
        var document = WorkbookDocument(workbook: workbook, kind: .csv)
        document.locale = typing
        return document
    }

    public static func load(path: String, locale: SpreadsheetLocale? = nil) throws -> WorkbookDocument {
        try read(try text(at: path), locale: locale, file: path)
    }

    /// The fields of a CSV file as written, none read as a number: for tables of text such as
    /// organisationsnummer and telephone numbers, whose leading zeros and dashes matter.
    public static func fields(path: String) throws -> [[String]] {
        var body = Substring(try text(at: path))
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let firstLine = body.prefix(while: { $0 != "\n" && $0 != "\r\n" })
        let delimiter: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        return try records(body, delimiter: delimiter, file: path)
    }

    private static func text(at path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError.unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot read it" : "no such file")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let (line, column) = KalkReader.firstInvalidUTF8(in: data)
            throw FileError.notUTF8(path: path, line: line, column: column)
        }
        return text
    }

    /// The fields of each record; a quoted field may hold the delimiter, quotes and line breaks.
    static func records(_ text: Substring, delimiter: Character, file: String) throws -> [[String]] {
        var rows: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false, wasQuoted = false
        var line = 1, quoteLine = 1
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            i = text.index(after: i)
            if quoted {
                if c == "\"" {
                    if i < text.endIndex, text[i] == "\"" { field.append("\""); i = text.index(after: i) } else { quoted = false }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty && !wasQuoted {
                quoted = true
                quoteLine = line
                wasQuoted = true
            } else if c == delimiter {
                fields.append(field)
                field = ""
                wasQuoted = false
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                fields.append(field)
                rows.append(fields)
                fields = []
                field = ""
                wasQuoted = false
                line += 1
            } else {
                field.append(c)
            }
        }
        if quoted { throw FileError.unreadable(path: file, reason: "line \(quoteLine): a quoted field has no closing quote") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted {
            fields.append(field)
            rows.append(fields)
        }
        return rows
    }
}
