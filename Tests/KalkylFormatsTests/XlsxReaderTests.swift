import Foundation
import KalkylEngine
import KalkylFormats
import Testing
import ZIPFoundation

/// Reading .xlsx files built here part by part, as Excel writes them.
struct XlsxReaderTests {
    /// Writes the parts into a zip file and returns its path.
    static func xlsx(_ parts: [String: String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-\(UUID().uuidString).xlsx").path
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return path
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static var parts: [String: String] {
        [
            "xl/workbook.xml": """
                <?xml version="1.0" encoding="UTF-8"?>
                <workbook xmlns="\(main)" xmlns:r="\(relationships)"><sheets>
                <sheet name="Fördelning" sheetId="1" r:id="rId1"/><sheet name="My Data" sheetId="2" r:id="rId2"/></sheets>
                <definedNames><definedName name="Total">Fördelning!$B$1</definedName>
                <definedName name="Local" localSheetId="1">'My Data'!$A$1</definedName>
                <definedName name="_xlnm.Print_Area" localSheetId="0">Fördelning!$A$1:$G$3</definedName></definedNames></workbook>
                """,
            "xl/_rels/workbook.xml.rels": """
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="\(relationships)/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>
                """,
            "xl/sharedStrings.xml": """
                <?xml version="1.0" encoding="UTF-8"?>
                <sst xmlns="\(main)" count="3" uniqueCount="3"><si><t>Region</t></si><si><t>Blekinge</t></si>
                <si><r><t>Got</t></r><r><rPr><b/></rPr><t>land</t></r><rPh><t>x</t></rPh></si></sst>
                """,
            "xl/styles.xml": """
                <?xml version="1.0" encoding="UTF-8"?>
                <styleSheet xmlns="\(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>
                <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="3"/><xf numFmtId="164"/></cellXfs></styleSheet>
                """,
            "xl/worksheets/sheet1.xml": """
                <?xml version="1.0" encoding="UTF-8"?>
                <worksheet xmlns="\(main)"><cols><col min="1" max="1" width="28.5" customWidth="1"/></cols><sheetData>
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>400</v></c></row>
                <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>158876</v></c>
                <c r="C2" s="2"><f t="shared" ref="C2:C3" si="0">B2/SUM($B$2:$B$3)</f><v>0.72</v></c>
                <c r="D2" t="inlineStr"><is><t>inline text</t></is></c><c r="E2" t="e"><v>#N/A</v></c>
                <c r="F2"><f>Total*2</f><v>800</v></c><c r="G2" t="str"><f>A2&amp;"!"</f><v>Blekinge!</v></c></row>
                <row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" s="1"><v>61167</v></c>
                <c r="C3" s="2"><f t="shared" si="0"/><v>0.28</v></c><c r="D3" t="b"><v>1</v></c>
                <c r="E3"><f>_xlfn.XLOOKUP("Gotland",A2:A3,B2:B3)</f><v>61167</v></c>
                <c r="F3" t="e"><f>NOSUCH(1)</f><v>#NAME?</v></c><c r="G3"><f>SUM(</f><v>5</v></c></row>
                </sheetData></worksheet>
                """,
            "xl/worksheets/sheet2.xml": """
                <?xml version="1.0" encoding="UTF-8"?>
                <worksheet xmlns="\(main)"><sheetData><row r="1"><c r="A1"><v>5</v></c><c r="B1"><f>Local+1</f><v>6</v></c>
                <c r="C1"><f t="array" ref="C1:C2">ROW(A1:A2)*10</f><v>10</v></c></row><row r="2"><c r="C2"><v>20</v></c></row></sheetData></worksheet>
                """,
        ]
    }

    /// Excel's values stand in for a formula Kalkyl lacks a function for, in every cell of a
    /// legacy array formula too, without keeping every cached value.
    @Test func anArrayFormulaWithAnUnknownFunctionKeepsExcelsValues() throws {
        let sheet = #"<worksheet xmlns="\#(Self.main)"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="C1"><f t="array" ref="C1:C2">NOSUCH(A1:A2)</f><v>10</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="C2"><v>20</v></c></row></sheetData></worksheet>"#
        let path = try Self.xlsx(XlsxDocumentWriterTests.package(sheet: sheet))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let document = try XlsxReader.load(path: path)
        let workbook = document.workbook
        #expect(workbook.value(at: try workbook.location(of: "C1")) == .number(10))
        #expect(workbook.value(at: try workbook.location(of: "C2")) == .number(20))
        #expect(document.cachedValues.isEmpty)
    }

    @Test func readsValuesFormulasNamesAndFormats() throws {
        let path = try Self.xlsx(Self.parts)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let document = try XlsxReader.load(path: path)
        let workbook = document.workbook
        func value(_ reference: String) throws -> Value { workbook.value(at: try workbook.location(of: reference)) }
        #expect(workbook.sheetNames == ["Fördelning", "My Data"])
        #expect(try value("Fördelning!A1") == .text("Region"))
        #expect(try value("Fördelning!A3") == .text("Gotland"))  // rich text runs joined, phonetic hint left out
        #expect(try value("Fördelning!D2") == .text("inline text"))
        #expect(try value("Fördelning!D3") == .boolean(true))
        #expect(try value("Fördelning!E2") == .error(.notAvailable))
        // The shared formula's follower is the master's formula shifted one row.
        #expect(workbook.formulaText(at: try workbook.location(of: "Fördelning!C3")) == "=B3/SUM($B$2:$B$3)")
        #expect(try value("Fördelning!C3") == .number(61167.0 / (158876 + 61167)))
        #expect(try value("Fördelning!E3") == .number(61167))  // _xlfn.XLOOKUP
        #expect(workbook.formulaText(at: try workbook.location(of: "Fördelning!E3")) == "=XLOOKUP(\"Gotland\",A2:A3,B2:B3)")
        #expect(try value("Fördelning!F2") == .number(800))  // workbook name
        #expect(try value("'My Data'!B1") == .number(6))  // sheet-scoped name
        // A legacy array formula: each cell computes its element of the result, the first cell
        // too (it must not spill); a save keeps the file's own array formula (see SheetPatcher).
        #expect(workbook.formulaText(at: try workbook.location(of: "'My Data'!C1")) == "=INDEX((ROW(A1:A2)*10),1,1)")
        #expect(try value("'My Data'!C1") == .number(10))
        #expect(try value("'My Data'!C2") == .number(20))
        #expect(try value("Fördelning!G2") == .text("Blekinge!"))
        #expect(try value("Fördelning!F3") == .error(.name))  // unknown function: Excel's value (#NAME? here too)
        #expect(workbook.names.map(\.name).sorted() == ["Local", "Total"])  // print areas are not names
        #expect(workbook.sheets[0].numberFormat(at: CellAddress("B2")!) == "#,##0")
        #expect(workbook.sheets[0].numberFormat(at: CellAddress("C3")!) == "0.0%")
        #expect(workbook.sheets[0].columnWidths[0] == 28.5)
        // Cached values are kept for comparison when asked for; a formula Kalkyl cannot read or
        // compute keeps its cached value either way.
        #expect(document.cachedValues.isEmpty)
        let keeping = try XlsxReader.load(path: path, keepingCachedValues: true)
        #expect(keeping.cachedValues[try workbook.location(of: "Fördelning!C2")] == .number(0.72))
        #expect(keeping.cachedValues[try workbook.location(of: "Fördelning!F3")] == .error(.name))
        #expect(keeping.cachedValues[try workbook.location(of: "'My Data'!C2")] == .number(20))  // an array formula's other cell
        #expect(document.uncomputed.keys.sorted().map { workbook.name(of: $0) } == ["Fördelning!F3", "Fördelning!G3"])
        #expect(document.uncomputed[try workbook.location(of: "Fördelning!F3")]?.reason == "Kalkyl has no NOSUCH")
        #expect(try value("Fördelning!G3") == .number(5))
    }

    @Test func aSheetOnOneLineLongerThan10MBLoads() throws {
        // Excel writes all cells on one line; 300 000 cells make a line of some 12 MB.
        var row = ""
        var sheet = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\#(Self.main)"><sheetData>"#
        for r in 1...100_000 {
            row = #"<row r="\#(r)"><c r="A\#(r)"><v>\#(r)</v></c><c r="B\#(r)"><f>A\#(r)*2</f><v>\#(2 * r)</v></c><c r="C\#(r)"><f>B\#(r)+A\#(r)</f><v>\#(3 * r)</v></c></row>"#
            sheet += row
        }
        sheet += "</sheetData></worksheet>"
        #expect(sheet.utf8.count > 10_000_000)
        var parts = Self.parts
        parts["xl/worksheets/sheet1.xml"] = sheet
        let path = try Self.xlsx(parts)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try XlsxReader.load(path: path).workbook
        #expect(workbook.value(at: try workbook.location(of: "Fördelning!C100000")) == .number(300_000))
    }

    @Test func aDamagedOrForeignFileIsAOneLineError() throws {
        let text = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-\(UUID().uuidString).xlsx").path
        try "not a zip".write(toFile: text, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: text) }
        #expect(throws: XlsxError.self) { try XlsxReader.load(path: text) }
        do { _ = try XlsxReader.load(path: text) } catch { #expect("\(error)" == "\(text): not an xlsx file (not a zip archive)") }

        var parts = Self.parts
        parts["xl/workbook.xml"] = nil
        let noWorkbook = try Self.xlsx(parts)
        defer { try? FileManager.default.removeItem(atPath: noWorkbook) }
        do { _ = try XlsxReader.load(path: noWorkbook) } catch { #expect("\(error)" == "\(noWorkbook): not an xlsx workbook (no xl/workbook.xml)") }

        parts = Self.parts
        parts["xl/worksheets/sheet2.xml"] = "<worksheet><sheetData><row></sheetData>"
        let broken = try Self.xlsx(parts)
        defer { try? FileManager.default.removeItem(atPath: broken) }
        do {
            _ = try XlsxReader.load(path: broken)
            Issue.record("a malformed sheet loaded")
        } catch {
            #expect("\(error)".hasPrefix("\(broken): xl/worksheets/sheet2.xml line 1: "))
        }
    }
}
