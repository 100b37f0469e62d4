import Foundation
import KalkylEngine
@testable import KalkylFormats
import KalkylTestSupport
import Testing
import ZIPFoundation

/// Saving an opened xlsx file: the parts and bytes Kalkyl does not change stay as they were,
/// each edited cell is patched in place, and what the patched file holds is what the workbook
/// holds (a property test against the workbook itself).
struct XlsxDocumentWriterTests {

    /// Every part of a zip file, by name.
    static func parts(of path: String) throws -> [String: String] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return parts
    }

    /// A one-sheet package around `sheet`, with extra parts.
    static func package(sheet: String, extra: [String: String] = [:], workbookExtra: String = "") -> [String: String] {
        var parts = [
            "[Content_Types].xml": #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>"#,
            "xl/workbook.xml": #"<workbook xmlns="\#(XlsxReaderTests.main)" xmlns:r="\#(XlsxReaderTests.relationships)"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets>\#(workbookExtra)</workbook>"#,
            "xl/_rels/workbook.xml.rels": #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(XlsxReaderTests.relationships)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Type="\#(XlsxReaderTests.relationships)/calcChain" Target="calcChain.xml"/></Relationships>"#,
            "xl/worksheets/sheet1.xml": sheet,
        ]
        parts.merge(extra) { $1 }
        return parts
    }

    /// Opens `parts` as a file, applies the edits, saves to another file, returns its parts.
    static func saved(_ parts: [String: String], edits: [(String, CellInput)] = []) throws -> [String: String] {
        let input = try XlsxReaderTests.xlsx(parts)
        let output = input.replacingOccurrences(of: ".xlsx", with: "-saved.xlsx")
        defer {
            try? FileManager.default.removeItem(atPath: input)
            try? FileManager.default.removeItem(atPath: output)
        }
        let document = try WorkbookFile.open(input)
        for (reference, value) in edits { try document.workbook.set(value, at: try document.workbook.location(of: reference)) }
        document.workbook.recalculate()
        try document.save(to: output)
        return try Self.parts(of: output)
    }

    @Test func aSaveWithoutEditsWritesEveryPartAsItWas() throws {
        let original = XlsxReaderTests.parts
        #expect(try Self.saved(original) == original)
    }

    @Test func onlyTheEditedCellsChangeInTheSheet() throws {
        let sheet = #"""
            <worksheet xmlns="\#(XlsxReaderTests.main)"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" state="frozen"/></sheetView></sheetViews><sheetData>
            <row r="1" spans="1:3" ht="30" customHeight="1"><c r="A1" s="4"><v>10</v></c><c r="B1" s="5"><f>A1*2</f><v>20</v></c><c r="C1" s="6" t="s"><v>0</v></c></row>
            </sheetData><mergeCells count="1"><mergeCell ref="A3:C3"/></mergeCells><extLst><ext uri="{x}"><y/></ext></extLst></worksheet>
            """#
        let strings = #"<sst xmlns="\#(XlsxReaderTests.main)" count="1" uniqueCount="1"><si><r><t>rik</t></r><r><rPr><b/></rPr><t>text</t></r></si></sst>"#
        let parts = Self.package(sheet: sheet, extra: ["xl/sharedStrings.xml": strings])
        let saved = try Self.saved(parts, edits: [("A1", .constant(.number(15)))])
        // A1's new value keeps its style; B1 keeps its <f> and gets the new value; the rich text
        // in C1, the row's height, panes, merges and the extension block are untouched.
        #expect(saved["xl/worksheets/sheet1.xml"] == sheet
            .replacingOccurrences(of: #"<c r="A1" s="4"><v>10</v></c>"#, with: #"<c r="A1" s="4"><v>15</v></c>"#)
            .replacingOccurrences(of: #"<c r="B1" s="5"><f>A1*2</f><v>20</v></c>"#, with: #"<c r="B1" s="5"><f>A1*2</f><v>30</v></c>"#))
        #expect(saved["xl/sharedStrings.xml"] == strings)
        // Excel recalculates on opening; the calcChain still names only formula cells, so it stays.
        #expect(saved["xl/workbook.xml"]!.contains(#"<calcPr fullCalcOnLoad="1"/></workbook>"#))
        #expect(saved["xl/calcChain.xml"] == nil && parts["xl/calcChain.xml"] == nil)
    }

    /// A part that puts cells in another row's `<row>` (found by the fuzzer): read by the cells'
    /// addresses, but a patch goes row by row and would write A1 twice or keep it when cleared,
    /// so a save of an edit is refused, naming the cell, and nothing is written.
    @Test func aCellInAnotherRowsElementIsNotPatched() throws {
        let sheet = #"<worksheet xmlns="\#(XlsxReaderTests.main)"><sheetData><row r="2"><c r="A1"><v>1</v></c><c r="B2"><v>5</v></c><c r="C1"><f>A1*2</f><v>2</v></c></row></sheetData></worksheet>"#
        let parts = Self.package(sheet: sheet)
        #expect(try Self.saved(parts)["xl/worksheets/sheet1.xml"] == sheet)  // no edit: copied as it was
        let input = try XlsxReaderTests.xlsx(parts)
        let output = input.replacingOccurrences(of: ".xlsx", with: "-saved.xlsx")
        defer { try? FileManager.default.removeItem(atPath: input) }
        let document = try WorkbookFile.open(input)
        #expect(document.workbook.value(at: try document.workbook.location(of: "C1")) == .number(2))
        try document.workbook.set(.constant(.empty), at: try document.workbook.location(of: "A1"))
        document.workbook.recalculate()
        #expect {
            try document.save(to: output)
        } throws: { error in
            "\(error)".contains("xl/worksheets/sheet1.xml puts the cell A1 in row 2, so Kalkyl cannot patch")
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func newCellsGoInOrderWithTheStyleTheirRowOrColumnGives() throws {
        let sheet = #"""
            <worksheet xmlns="\#(XlsxReaderTests.main)"><cols><col min="3" max="4" width="12" style="7" customWidth="1"/></cols><sheetData><row r="1"><c r="B1"><v>1</v></c></row><row r="3" s="2" customFormat="1"><c r="B3"><v>3</v></c></row><row r="4" ht="20" customHeight="1"/></sheetData></worksheet>
            """#
        let saved = try Self.saved(Self.package(sheet: sheet), edits: [
            ("A1", .constant(.number(0))), ("C1", .constant(.text("ny"))), ("A2", .formula("=B1+B3")), ("D3", .constant(.boolean(true))),
            ("A4", .constant(.number(4))), ("B6", .constant(.error(.notAvailable))),
        ])
        // No shared strings part: text is written inline. Row 3's style wins over column D's.
        #expect(saved["xl/worksheets/sheet1.xml"] == #"""
            <worksheet xmlns="\#(XlsxReaderTests.main)"><cols><col min="3" max="4" width="12" style="7" customWidth="1"/></cols><sheetData><row r="1"><c r="A1"><v>0</v></c><c r="B1"><v>1</v></c><c r="C1" s="7" t="inlineStr"><is><t xml:space="preserve">ny</t></is></c></row><row r="2"><c r="A2"><f>B1+B3</f><v>4</v></c></row><row r="3" s="2" customFormat="1"><c r="B3"><v>3</v></c><c r="D3" s="2" t="b"><v>1</v></c></row><row r="4" ht="20" customHeight="1"><c r="A4"><v>4</v></c></row><row r="6"><c r="B6" t="e"><v>#N/A</v></c></row></sheetData></worksheet>
            """#)
    }

    @Test func aClearedCellKeepsItsStyleAndARemovedFormulaDropsTheCalcChain() throws {
        let sheet = #"<worksheet xmlns="\#(XlsxReaderTests.main)"><dimension ref="A1:B1"/><sheetData><row r="1"><c r="A1" s="3"><v>1</v></c><c r="B1"><f>A1</f><v>1</v></c></row></sheetData></worksheet>"#
        let chain = #"<calcChain xmlns="\#(XlsxReaderTests.main)"><c r="B1" i="1"/></calcChain>"#
        let parts = Self.package(sheet: sheet, extra: ["xl/calcChain.xml": chain])
        let saved = try Self.saved(parts, edits: [("A1", .constant(.empty)), ("B1", .constant(.number(2))), ("C2", .constant(.number(3)))])
        #expect(saved["xl/worksheets/sheet1.xml"] == #"<worksheet xmlns="\#(XlsxReaderTests.main)"><dimension ref="A1:C2"/><sheetData><row r="1"><c r="A1" s="3"/><c r="B1"><v>2</v></c></row><row r="2"><c r="C2"><v>3</v></c></row></sheetData></worksheet>"#)
        #expect(saved["xl/calcChain.xml"] == nil)
        #expect(saved["[Content_Types].xml"] == parts["[Content_Types].xml"]!.replacingOccurrences(of: #"<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>"#, with: ""))
        #expect(saved["xl/_rels/workbook.xml.rels"] == parts["xl/_rels/workbook.xml.rels"]!.replacingOccurrences(of: #"<Relationship Id="rId9" Type="\#(XlsxReaderTests.relationships)/calcChain" Target="calcChain.xml"/>"#, with: ""))
    }

    @Test func editingASharedFormulasMasterSpellsOutTheCellsThatSharedIt() throws {
        let sheet = #"<worksheet xmlns="\#(XlsxReaderTests.main)"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row></sheetData></worksheet>"#
        let saved = try Self.saved(Self.package(sheet: sheet), edits: [("B1", .formula("=A1*3"))])
        #expect(saved["xl/worksheets/sheet1.xml"] == #"<worksheet xmlns="\#(XlsxReaderTests.main)"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*3</f><v>3</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><f>A2*2</f><v>4</v></c></row><row r="3"><c r="A3"><v>3</v></c><c r="B3"><f>A3*2</f><v>6</v></c></row></sheetData></worksheet>"#)
    }

    @Test func aSheetWithNamespacePrefixesGetsPrefixedCells() throws {
        let sheet = #"<x:worksheet xmlns:x="\#(XlsxReaderTests.main)"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>"#
        let strings = #"<x:sst xmlns:x="\#(XlsxReaderTests.main)" count="0" uniqueCount="0"/>"#
        let saved = try Self.saved(Self.package(sheet: sheet, extra: ["xl/sharedStrings.xml": strings]),
                                   edits: [("B1", .formula("=A1+1")), ("A2", .constant(.text("ny & fin")))])
        #expect(saved["xl/worksheets/sheet1.xml"] == #"<x:worksheet xmlns:x="\#(XlsxReaderTests.main)"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:f>A1+1</x:f><x:v>2</x:v></x:c></x:row><x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>"#)
        #expect(saved["xl/sharedStrings.xml"] == #"<x:sst xmlns:x="\#(XlsxReaderTests.main)" count="1" uniqueCount="1"><x:si><x:t xml:space="preserve">ny &amp; fin</x:t></x:si></x:sst>"#)
    }

    @Test func newTextIsAppendedToTheSharedStrings() throws {
        let saved = try Self.saved(XlsxReaderTests.parts, edits: [("Fördelning!A4", .constant(.text("Kronoberg"))), ("Fördelning!A5", .constant(.text("Kronoberg")))])
        #expect(saved["xl/sharedStrings.xml"] == XlsxReaderTests.parts["xl/sharedStrings.xml"]!
            .replacingOccurrences(of: #"count="3" uniqueCount="3""#, with: #"count="4" uniqueCount="4""#)
            .replacingOccurrences(of: "</sst>", with: #"<si><t xml:space="preserve">Kronoberg</t></si></sst>"#))
        #expect(saved["xl/worksheets/sheet1.xml"]!.contains(#"<row r="4"><c r="A4" t="s"><v>3</v></c></row><row r="5"><c r="A5" t="s"><v>3</v></c></row>"#))
    }

    @Test func calculationOnLoadIsSetWhereTheSchemaPutsIt() throws {
        let sheet = #"<worksheet xmlns="\#(XlsxReaderTests.main)"><sheetData/></worksheet>"#
        let saved = try Self.saved(Self.package(sheet: sheet, workbookExtra: "<calcPr calcId=\"191029\"/><extLst/>"), edits: [("A1", .constant(.number(1)))])
        #expect(saved["xl/workbook.xml"]!.contains(#"</sheets><calcPr calcId="191029" fullCalcOnLoad="1"/><extLst/></workbook>"#))
        #expect(saved["xl/worksheets/sheet1.xml"] == #"<worksheet xmlns="\#(XlsxReaderTests.main)"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#)
        let before = try Self.saved(Self.package(sheet: sheet, workbookExtra: "<definedNames/><pivotCaches/>"), edits: [("A1", .constant(.number(1)))])
        #expect(before["xl/workbook.xml"]!.contains(#"<definedNames/><calcPr fullCalcOnLoad="1"/><pivotCaches/></workbook>"#))
    }

    @Test func aFormulaCallingAFunctionKalkylLacksKeepsExcelsValueAndText() throws {
        let sheet = #"<worksheet xmlns="\#(XlsxReaderTests.main)"><sheetData><row r="1"><c r="A1"><f>_xlfn.NOSUCH(B1)</f><v>42</v></c><c r="B1"><v>1</v></c><c r="C1"><f>A1*2</f><v>84</v></c></row></sheetData></worksheet>"#
        let input = try XlsxReaderTests.xlsx(Self.package(sheet: sheet))
        defer { try? FileManager.default.removeItem(atPath: input) }
        let document = try WorkbookFile.open(input)
        let a1 = try document.workbook.location(of: "A1"), c1 = try document.workbook.location(of: "C1")
        #expect(document.workbook.value(at: a1) == .number(42))
        #expect(document.uncomputedFormula(at: a1)?.reason == "Kalkyl has no NOSUCH")
        #expect(document.possiblyStale() == [c1])
        let saved = try Self.saved(Self.package(sheet: sheet), edits: [("B1", .constant(.number(2)))])
        // A1 as Excel wrote it (Kalkyl would have written #NAME?); C1 reads Excel's 42.
        #expect(saved["xl/worksheets/sheet1.xml"] == sheet.replacingOccurrences(of: "<v>1</v>", with: "<v>2</v>"))
        // Once edited, the cell is Kalkyl's.
        let edited = try Self.saved(Self.package(sheet: sheet), edits: [("A1", .formula("=B1*10"))])
        #expect(edited["xl/worksheets/sheet1.xml"]!.contains(#"<c r="A1"><f>B1*10</f><v>10</v></c><c r="B1"><v>1</v></c><c r="C1"><f>A1*2</f><v>20</v></c>"#))
    }

    @Test func aLegacyArrayFormulaIsComputedOverItsRangeAndStaysOneArrayFormula() throws {
        let sheet = #"<worksheet xmlns="\#(XlsxReaderTests.main)"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="array" ref="B1:B3">A1:A3*2</f><v>2</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>4</v></c></row><row r="3"><c r="A3"><v>3</v></c></row></sheetData></worksheet>"#
        let input = try XlsxReaderTests.xlsx(Self.package(sheet: sheet))
        defer { try? FileManager.default.removeItem(atPath: input) }
        let workbook = try WorkbookFile.open(input).workbook
        // B3 has no cell in the file; it is the third element all the same.
        #expect(try ["B1", "B2", "B3"].map { workbook.value(at: try workbook.location(of: $0)) } == [.number(2), .number(4), .number(6)])
        #expect(workbook.formulaText(at: try workbook.location(of: "B2")) == "=INDEX((A1:A3*2),2,1)")
        #expect(try Self.saved(Self.package(sheet: sheet)) == Self.package(sheet: sheet))
        let saved = try Self.saved(Self.package(sheet: sheet), edits: [("A2", .constant(.number(5))), ("A3", .constant(.number(4)))])
        #expect(saved["xl/worksheets/sheet1.xml"] == sheet.replacingOccurrences(of: #"<c r="A2"><v>2</v></c><c r="B2"><v>4</v></c>"#, with: #"<c r="A2"><v>5</v></c><c r="B2"><v>10</v></c>"#)
            .replacingOccurrences(of: #"<c r="A3"><v>3</v></c></row>"#, with: #"<c r="A3"><v>4</v></c><c r="B3"><v>8</v></c></row>"#))
        // One cell of the array cannot change alone (Excel's rule): the save says so and writes nothing.
        #expect { try Self.saved(Self.package(sheet: sheet), edits: [("B2", .constant(.number(0)))]) } throws: { error in
            "\(error)".hasSuffix("Blad1!B2 is part of the array formula in B1:B3, which Excel lets change only as a whole; Kalkyl cannot change array formulas yet, so nothing is saved: undo the edit, or save as .kalk")
        }
    }

    /// The row with an array formula's first cell is read even when nothing in it or below it
    /// changed (rows that did not change are otherwise copied unread): a change further down,
    /// inside the array, is still refused.
    @Test func anEditFarBelowAnArrayFormulasFirstCellIsStillSeenAsInsideIt() throws {
        let rows = (2...6).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c><c r="B\#($0)"><v>\#($0 * 2)</v></c></row>"# }.joined()
        let sheet = #"<worksheet xmlns="\#(XlsxReaderTests.main)"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="array" ref="B1:B6">A1:A6*2</f><v>2</v></c></row>\#(rows)</sheetData></worksheet>"#
        #expect { try Self.saved(Self.package(sheet: sheet), edits: [("B6", .constant(.number(0)))]) } throws: { error in
            "\(error)".hasSuffix("Blad1!B6 is part of the array formula in B1:B6, which Excel lets change only as a whole; Kalkyl cannot change array formulas yet, so nothing is saved: undo the edit, or save as .kalk")
        }
    }

    /// Excel 365 writes a spilling formula as an array formula whose cell carries `cm`, pointing
    /// into xl/metadata.xml: both stay, and the spilled cells get values only.
    @Test func aDynamicArrayFormulaKeepsItsMetadataAndItsSpillGetsValues() throws {
        let sheet = #"<worksheet xmlns="\#(XlsxReaderTests.main)"><sheetData><row r="1"><c r="A1" cm="1"><f t="array" ref="A1:A2">B1:B2*2</f><v>2</v></c><c r="B1"><v>1</v></c></row><row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>2</v></c></row><row r="3"><c r="A3" cm="1"><f t="array" ref="A3:A4">_xlfn._xlws.SORT(B1:B2)</f><v>1</v></c></row><row r="4"><c r="A4"><v>2</v></c></row></sheetData></worksheet>"#
        let metadata = #"<metadata xmlns="\#(XlsxReaderTests.main)" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>"#
        let parts = Self.package(sheet: sheet, extra: ["xl/metadata.xml": metadata])
        let saved = try Self.saved(parts, edits: [("B2", .constant(.number(3)))])
        // Both spills follow B2: {2;6} and SORT's {1;3}; the formulas stay as Excel wrote them.
        #expect(saved["xl/worksheets/sheet1.xml"] == sheet
            .replacingOccurrences(of: #"<c r="A2"><v>4</v></c><c r="B2"><v>2</v></c>"#, with: #"<c r="A2"><v>6</v></c><c r="B2"><v>3</v></c>"#)
            .replacingOccurrences(of: #"<c r="A4"><v>2</v></c>"#, with: #"<c r="A4"><v>3</v></c>"#))
        #expect(saved["xl/metadata.xml"] == metadata)
    }

    @Test func openingSaysWhichFormulasAreNotComputedTwentyAtMost() throws {
        let cells = (1...25).map { #"<row r="\#($0)"><c r="A\#($0)"><f>NOSUCH(\#($0))</f><v>\#($0)</v></c></row>"# }.joined()
        let input = try XlsxReaderTests.xlsx(Self.package(sheet: #"<worksheet xmlns="\#(XlsxReaderTests.main)"><sheetData>\#(cells)</sheetData></worksheet>"#))
        defer { try? FileManager.default.removeItem(atPath: input) }
        let warnings = try WorkbookFile.open(input).warnings
        #expect(warnings.count == 21)
        #expect(warnings[0] == "Blad1!A1: =NOSUCH(1) is not computed by Kalkyl (Kalkyl has no NOSUCH); its cell keeps Excel's value 1, and a save keeps the formula")
        #expect(warnings[20] == "… and 5 more formulas Kalkyl does not compute ('kalkyl check' lists them)")
    }

    @Test func cellsOutOfOrderAreRefusedNotMisplaced() throws {
        let sheet = #"<worksheet xmlns="\#(XlsxReaderTests.main)"><sheetData><row r="2"><c r="A2"><v>2</v></c></row><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#
        #expect { try Self.saved(Self.package(sheet: sheet), edits: [("B1", .constant(.number(3)))]) } throws: { error in
            "\(error)".contains("xl/worksheets/sheet1.xml: row 1 is out of order")
        }
    }

    /// Random workbooks, saved by Kalkyl's own writer, opened, edited at random (new cells,
    /// changed and cleared ones, formulas) and saved by patching: opened again, every cell holds
    /// what the edited workbook holds.
    @Test func aPatchedFileHoldsWhatTheWorkbookHolds() throws {
        var random = SeededRandom(seed: 21)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-patch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = directory.appendingPathComponent("original.xlsx").path, patched = directory.appendingPathComponent("patched.xlsx").path
        for _ in 0..<60 {
            try XlsxWriter.save(try WriteReadPropertyTests.randomWorkbook(&random), to: original)
            let document = try WorkbookFile.open(original)
            let workbook = document.workbook
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                let sheet = Int.random(in: 0..<workbook.sheets.count, using: &random)
                let address = CellAddress(row: Int32.random(in: 0..<34, using: &random), column: Int32.random(in: 0..<9, using: &random))
                let input: CellInput
                switch Int.random(in: 0..<4, using: &random) {
                case 0: input = .constant(.empty)
                case 1: input = .constant(.text(WriteReadPropertyTests.texts.randomElement(using: &random)!))
                case 2: input = .formula(WriteReadPropertyTests.formulas.randomElement(using: &random)!)
                default: input = .constant(.number(WriteReadPropertyTests.numbers.randomElement(using: &random)!))
                }
                try workbook.set(input, at: CellLocation(sheet: sheet, address: address))
            }
            workbook.recalculate()
            try document.save(to: patched)
            // The fast paths (sheets and rows the edits left alone are copied unread) write what reading every row writes.
            let general = directory.appendingPathComponent("general.xlsx").path
            try XlsxDocumentWriter.save(try #require(document.xlsxDocument), to: general, copiesUnchangedUnread: false)
            #expect(try Self.parts(of: general) == Self.parts(of: patched))
            // The parts in the file's order (an added xl/metadata.xml last).
            func names(_ path: String) throws -> [String] { try Archive(url: URL(fileURLWithPath: path), accessMode: .read).map(\.path) }
            #expect(try names(patched).starts(with: names(original)))
            let reopened = try WorkbookFile.open(patched)
            let back = reopened.workbook
            back.recalculate()
            #expect(WriteReadPropertyTests.values(back) == WriteReadPropertyTests.values(workbook))
            /// The formula as the file has it: Kalkyl's, or one it keeps without computing (NOSUCH).
            func formulas(_ document: WorkbookDocument, sheet: Int) -> [String?] {
                document.workbook.cells(inSheet: sheet).map { cell in
                    let location = CellLocation(sheet: sheet, address: cell.address)
                    return document.workbook.formulaText(at: location) ?? document.uncomputedFormula(at: location).map { "=" + $0.formula }
                }
            }
            for sheet in workbook.sheets.indices { #expect(formulas(reopened, sheet: sheet) == formulas(document, sheet: sheet)) }
        }
    }
}
