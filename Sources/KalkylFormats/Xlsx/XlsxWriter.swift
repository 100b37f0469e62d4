import Foundation
import KalkylEngine
import ZIPFoundation

/// Writes a workbook as .xlsx for Excel and LibreOffice: every sheet with its formulas (English,
/// `,` separators, `_xlfn.` where Excel needs it; a filled-down column as one shared formula,
/// see `SharedFormulaRuns`) and their cached values, constants, defined names, number formats
/// and column widths. Text is written inline, so no shared-strings part.
public enum XlsxWriter {
    /// `sharingFormulas`: false writes every formula in its own cell, as some other programs do
    /// (the benchmark compares readers on both kinds of file).
    public static func save(_ workbook: Workbook, to path: String, sharingFormulas: Bool = true) throws {
        let archive: Archive
        do {
            archive = try Archive(accessMode: .create)
        } catch {
            throw FileError.unwritable(path: path, reason: "\(error)")
        }
        let formats = numberFormats(of: workbook)
        var sheets: [(String, [UInt8])] = []
        var usesDynamicArrays = false
        for index in workbook.sheets.indices {
            let (part, dynamic) = sheetPart(workbook, index, formats: formats, sharingFormulas: sharingFormulas)
            sheets.append(("xl/worksheets/sheet\(index + 1).xml", part))
            usesDynamicArrays = usesDynamicArrays || dynamic
        }
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", contentTypes(sheetCount: workbook.sheets.count, metadata: usesDynamicArrays)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbookPart(workbook)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: workbook.sheets.count, metadata: usesDynamicArrays)),
            ("xl/styles.xml", styles(formats)),
        ].map { ($0.0, Array($0.1.utf8)) } + sheets
        if usesDynamicArrays { parts.append((DynamicArrayXML.part, Array(DynamicArrayXML.metadata.utf8))) }
        do {
            for (name, bytes) in parts {
                let data = Data(bytes)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        } catch {
            throw FileError.unwritable(path: path, reason: "\(error)")
        }
        guard let data = archive.data else { throw FileError.unwritable(path: path, reason: "the archive is empty") }
        try AtomicFile.write(data, to: path)
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(sheetCount: Int, metadata: Bool) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        out += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#
        out += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        out += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for i in 1...max(1, sheetCount) {
            out += #"<Override PartName="/xl/worksheets/sheet\#(i).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        if metadata { out += #"<Override PartName="/\#(DynamicArrayXML.part)" ContentType="\#(DynamicArrayXML.contentType)"/>"# }
        return out + "</Types>"
    }

    static let rootRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#

    static func workbookRelationships(sheetCount: Int, metadata: Bool) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in 1...max(1, sheetCount) {
            out += #"<Relationship Id="rId\#(i)" Type="\#(officeRelationships)/worksheet" Target="worksheets/sheet\#(i).xml"/>"#
        }
        out += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(officeRelationships)/styles" Target="styles.xml"/>"#
        if metadata { out += #"<Relationship Id="rId\#(sheetCount + 2)" Type="\#(DynamicArrayXML.relationshipType)" Target="metadata.xml"/>"# }
        return out + "</Relationships>"
    }

    static func workbookPart(_ workbook: Workbook) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="\#(main)" xmlns:r="\#(officeRelationships)"><sheets>"#
        for (i, sheet) in workbook.sheets.enumerated() {
            out += #"<sheet name="\#(escape(sheet.name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        out += "</sheets>"
        if !workbook.names.isEmpty {
            out += "<definedNames>"
            for name in workbook.names {
                let scope = name.scope.map { #" localSheetId="\#($0)""# } ?? ""
                out += #"<definedName name="\#(escape(name.name))"\#(scope)>\#(escape(FormulaPrinter.xlsxFormula(name.expression, at: CellAddress(row: 0, column: 0))))</definedName>"#
            }
            out += "</definedNames>"
        }
        if let iteration = workbook.iterativeCalculation {
            out += #"<calcPr fullCalcOnLoad="1" iterate="1" iterateCount="\#(iteration.maximumIterations)" iterateDelta="\#(NumberLiteral.text(iteration.maximumChange))"/>"#
        } else {
            out += #"<calcPr fullCalcOnLoad="1"/>"#
        }
        return out + "</workbook>"
    }

    /// Every number format in use, in order; style index = position + 1 (0 is General).
    static func numberFormats(of workbook: Workbook) -> [String] {
        var codes: [String] = []
        for sheet in workbook.sheets { for (_, code) in sheet.numberFormats where !codes.contains(code) { codes.append(code) } }
        return codes
    }

    static func styles(_ codes: [String]) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="\#(main)">"#
        if !codes.isEmpty {
            out += #"<numFmts count="\#(codes.count)">"#
            for (i, code) in codes.enumerated() { out += #"<numFmt numFmtId="\#(164 + i)" formatCode="\#(escape(code))"/>"# }
            out += "</numFmts>"
        }
        out += #"<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        out += #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        out += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        out += #"<cellXfs count="\#(codes.count + 1)"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        for i in codes.indices { out += #"<xf numFmtId="\#(164 + i)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"# }
        out += "</cellXfs>"
        // Excel always writes the Normal style; some readers (IronCalc) require it.
        out += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        return out + "</styleSheet>"
    }

    /// The sheet's part as UTF-8, and whether it has dynamic-array formulas (which need
    /// xl/metadata.xml). Written as bytes: a million cells make no `String` each.
    static func sheetPart(_ workbook: Workbook, _ index: Int, formats: [String], sharingFormulas: Bool = true) -> ([UInt8], Bool) {
        var usesDynamicArrays = false
        let sheet = workbook.sheets[index]
        var out: [UInt8] = []
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        add(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="\#(main)">"#)
        if !sheet.columnWidths.isEmpty {
            add("<cols>")
            for column in sheet.columnWidths.keys.sorted() {
                add(#"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(NumberLiteral.text(sheet.columnWidths[column]!))" customWidth="1"/>"#)
            }
            add("</cols>")
        }
        add("<sheetData>")
        var row: Int32 = -1
        let texts = DynamicArrayXML.FormulaTexts()
        var shared = SharedFormulaRuns(workbook, sheet: index, texts: texts)
        let quote = UInt8(ascii: "\"")
        for cell in workbook.cells(inSheet: index) {
            if cell.address.row != row {
                if row >= 0 { add("</row>") }
                row = cell.address.row
                add(#"<row r=""#)
                A1.appendDecimal(Int(row) + 1, to: &out)
                add(#"">"#)
            }
            var style: Int? = nil
            if let code = sheet.numberFormat(at: cell.address), let i = formats.firstIndex(of: code) { style = i + 1 }
            var formula = ""
            var isDynamic = false
            if sharingFormulas, cell.formula != nil, let element = shared.element(at: cell.address) {
                formula = element
            } else if let compiled = cell.formula {
                let written = DynamicArrayXML.formula(compiled, at: CellLocation(sheet: index, address: cell.address), in: workbook, texts: texts)
                formula = written.element
                isDynamic = written.isDynamic
                if isDynamic { usesDynamicArrays = true }
            }
            XlsxCellXML.append(value: cell.value, formula: formula, strings: .inline, to: &out) { out in
                out.append(contentsOf: #" r=""#.utf8)
                cell.address.append(to: &out)
                out.append(quote)
                if let style {
                    out.append(contentsOf: #" s=""#.utf8)
                    A1.appendDecimal(style, to: &out)
                    out.append(quote)
                }
                if isDynamic { out.append(contentsOf: #" cm="1""#.utf8) }
            }
        }
        if row >= 0 { add("</row>") }
        add("</sheetData></worksheet>")
        return (out, usesDynamicArrays)
    }

    static func escape(_ s: String) -> String { XMLText.escape(s) }
}
