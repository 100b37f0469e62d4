import Foundation
import KalkylEngine

/// Reads .xlsx files: every sheet, values (numbers, shared and inline strings, booleans,
/// errors), formulas including shared formulas, defined names, number formats, column widths.
public enum XlsxReader {
    /// `keepingCachedValues`: keep the value Excel stored for every formula cell in
    /// `XlsxDocument.cachedValues` (for `kalkyl check --against-cached`); otherwise only those
    /// of formulas Kalkyl does not compute are kept, where they stand in for the formula's.
    public static func load(path: String, keepingCachedValues: Bool = false) throws -> XlsxDocument {
        try load(path: path, partSizeLimit: XlsxPackage.maximumPartSize, keepingCachedValues: keepingCachedValues)
    }

    static func load(path: String, partSizeLimit: Int, keepingCachedValues: Bool = false) throws -> XlsxDocument {
        let package = try XlsxPackage(path: path, partSizeLimit: partSizeLimit)
        guard let workbookXML = try package.part("xl/workbook.xml") else {
            throw XlsxError(path: path, message: "not an xlsx workbook (no xl/workbook.xml)")
        }
        // Sheets, their relationship ids and the defined names.
        var sheets: [(name: String, id: String)] = []
        var names: [(name: String, scope: Int?, formula: String)] = []
        var pendingName: (String, Int?)? = nil
        var iteration: IterativeCalculation? = nil
        var text = ""
        let events = XMLEvents()
        events.onStart = { element, attributes in
            if element == "sheet", let name = attributes["name"] {
                sheets.append((name, attributes["r:id"] ?? attributes["id"] ?? ""))
            } else if element == "calcPr", attributes["iterate"] == "1" || attributes["iterate"] == "true" {
                iteration = IterativeCalculation(maximumIterations: attributes["iterateCount"].flatMap(Int.init) ?? 100,
                                                 maximumChange: attributes["iterateDelta"].flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil } ?? 0.001)
            } else if element == "definedName", let name = attributes["name"] {
                pendingName = (name, attributes["localSheetId"].flatMap(Int.init))
                text = ""
            }
        }
        events.onText = { text += $0 }
        events.onEnd = { element in
            if element == "definedName", let (name, scope) = pendingName {
                if !name.hasPrefix("_xlnm.") { names.append((name, scope, text)) }
                pendingName = nil
            }
        }
        try events.parse(workbookXML, part: "xl/workbook.xml", file: path)

        let targets = try relationships(package, path: path)
        let sharedStrings = try readSharedStrings(package, path: path)
        let formats = try readCellFormats(package, path: path)

        let workbook = Workbook()
        // What CELL("filename") shows, before the load's calculation.
        workbook.documentName = WorkbookFile.absolute(path)
        for sheet in sheets {
            do { try workbook.addSheet(named: sheet.name) } catch { throw XlsxError(path: path, message: "\(error)") }
        }
        for name in names {
            try? workbook.defineName(name.name, formula: "=" + name.formula, scope: name.scope)
        }
        workbook.iterativeCalculation = iteration
        var parts: [String] = []
        for sheet in sheets {
            guard let target = targets[sheet.id] else { throw XlsxError(path: path, message: "the sheet '\(sheet.name)' has no part in the file") }
            parts.append(target)
        }
        // Tables before cells, so formulas that name them compile; one Kalkyl refuses leaves its
        // formulas uncomputed (Excel's values kept).
        var tableParts: [String: String] = [:]
        for (table, part) in try XlsxTables.read(package, sheetParts: parts, path: path) {
            if (try? workbook.addTable(table)) != nil { tableParts[table.name.uppercased()] = part }
        }
        let source = XlsxSource(bytes: package.bytes, sheetParts: parts, names: workbook.names, tables: workbook.tables, tableParts: tableParts,
                                baseline: workbook.baseline(), sharedStringCount: sharedStrings.count)
        var document = XlsxDocument(workbook: workbook, cachedValues: [:], uncomputed: [:], source: source)
        try workbook.load {
            for (index, sheet) in sheets.enumerated() {
                guard package.hasPart(parts[index]) else {
                    throw XlsxError(path: path, message: "the sheet '\(sheet.name)' has no part in the file")
                }
                try SheetReader.read(SheetPartSource(parts[index], in: package), into: &document, sheet: index, strings: sharedStrings, formats: formats, file: path, part: parts[index],
                                     keepingCachedValues: keepingCachedValues)
            }
        }
        document.source.baseline = workbook.baseline()
        return document
    }

    /// `rId` → part path, from xl/_rels/workbook.xml.rels.
    private static func relationships(_ package: XlsxPackage, path: String) throws -> [String: String] {
        guard let data = try package.part("xl/_rels/workbook.xml.rels") else { return [:] }
        var targets: [String: String] = [:]
        let events = XMLEvents()
        events.onStart = { element, attributes in
            guard element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
            targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        try events.parse(data, part: "xl/_rels/workbook.xml.rels", file: path)
        return targets
    }

    /// The shared strings; rich text runs are joined, phonetic hints left out.
    private static func readSharedStrings(_ package: XlsxPackage, path: String) throws -> [String] {
        guard let data = try package.part("xl/sharedStrings.xml") else { return [] }
        var strings: [String] = []
        var current = "", inText = false, inPhonetic = false
        let events = XMLEvents()
        events.onStart = { element, _ in
            switch element {
            case "si": current = ""
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }
        events.onText = { if inText { current += $0 } }
        events.onEnd = { element in
            switch element {
            case "t": inText = false
            case "rPh": inPhonetic = false
            case "si": strings.append(OOXMLText.decode(current))
            default: break
            }
        }
        try events.parse(data, part: "xl/sharedStrings.xml", file: path)
        return strings
    }

    /// Style index → number format code (nil for General).
    private static func readCellFormats(_ package: XlsxPackage, path: String) throws -> [String?] {
        guard let data = try package.part("xl/styles.xml") else { return [] }
        var custom: [Int: String] = [:]
        var styles: [String?] = []
        var inCellXfs = false
        let events = XMLEvents()
        events.onStart = { element, attributes in
            switch element {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { custom[id] = code }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs:
                let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
                styles.append(custom[id] ?? builtInFormats[id])
            default: break
            }
        }
        events.onEnd = { if $0 == "cellXfs" { inCellXfs = false } }
        try events.parse(data, part: "xl/styles.xml", file: path)
        return styles
    }

    /// Excel's built-in number formats (dates written the Swedish way, yyyy-mm-dd).
    static let builtInFormats: [Int: String] = [
        1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
        14: "yyyy-mm-dd", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
        20: "h:mm", 21: "h:mm:ss", 22: "yyyy-mm-dd h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
        39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
    ]
}
