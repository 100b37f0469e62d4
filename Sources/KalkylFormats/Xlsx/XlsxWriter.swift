import Foundation
import KalkylEngine

/// Writes a workbook as .xlsx for Excel and LibreOffice: every sheet with its formulas (English,
/// `,` separators, `_xlfn.` where Excel needs it; a filled-down column as one shared formula,
/// see `SharedFormulaRuns`) and their cached values, constants, defined names, number formats
/// and column widths. Text is written inline, so no shared-strings part.
public enum XlsxWriter {
    /// `sharingFormulas`: false writes every formula in its own cell, as some other programs do
    /// (the benchmark compares readers on both kinds of file).
    public static func save(_ workbook: Workbook, to path: String, sharingFormulas: Bool = true) throws {
        let formats = numberFormats(of: workbook)
        var archive = ZipArchiveWriter(for: path)
        var usesDynamicArrays = false
        for index in workbook.sheets.indices {
            try archive.addFile("xl/worksheets/sheet\(index + 1).xml") { output in
                let dynamic = try writeSheetPart(workbook, index, formats: formats, sharingFormulas: sharingFormulas, to: &output)
                usesDynamicArrays = usesDynamicArrays || dynamic
            }
        }
        // The sheets are written first (whether they hold dynamic arrays is known only then),
        // the package's own parts go before them, as Excel has them.
        let sheetCount = workbook.sheets.count
        let packageParts = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheetCount, metadata: usesDynamicArrays)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbookPart(workbook)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheetCount, metadata: usesDynamicArrays)),
            ("xl/styles.xml", styles(formats)),
        ]
        for (name, text) in packageParts { try archive.addFile(name, text) }
        if usesDynamicArrays { try archive.addFile(DynamicArrayXML.part, DynamicArrayXML.metadata) }
        archive.order(by: packageParts.map(\.0))
        try AtomicFile.write(to: path) { try archive.write(to: $0) }
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

    /// Writes the sheet's part as UTF-8 and tells whether it has dynamic-array formulas (which
    /// need xl/metadata.xml). Written as bytes a row at a time: a million cells make no `String`
    /// each, and only a chunk of the part is held before it is compressed.
    static func writeSheetPart(_ workbook: Workbook, _ index: Int, formats: [String], sharingFormulas: Bool,
                               to output: inout ZipArchiveWriter.PartOutput) throws -> Bool {
        var usesDynamicArrays = false
        let sheet = workbook.sheets[index]
        func add(_ text: String) { output.buffer.append(contentsOf: text.utf8) }
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
        try workbook.forEachCellByRow(inSheet: index) { address, value, compiledFormula in
            if address.row != row {
                if row >= 0 {
                    add("</row>")
                    try output.flushIfFull()
                }
                row = address.row
                add(#"<row r=""#)
                A1.appendDecimal(Int(row) + 1, to: &output.buffer)
                add(#"">"#)
            }
            var style: Int? = nil
            if let code = sheet.numberFormat(at: address), let i = formats.firstIndex(of: code) { style = i + 1 }
            var formula = ""
            var isDynamic = false
            if sharingFormulas, compiledFormula != nil, let element = shared.element(at: address) {
                formula = element
            } else if let compiled = compiledFormula {
                let written = DynamicArrayXML.formula(compiled, at: CellLocation(sheet: index, address: address), in: workbook, texts: texts)
                formula = written.element
                isDynamic = written.isDynamic
                if isDynamic { usesDynamicArrays = true }
            }
            XlsxCellXML.append(value: value, formula: formula, strings: .inline, to: &output.buffer) { out in
                out.append(contentsOf: #" r=""#.utf8)
                address.append(to: &out)
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
        return usesDynamicArrays
    }

    static func escape(_ s: String) -> String { XMLText.escape(s) }
}
