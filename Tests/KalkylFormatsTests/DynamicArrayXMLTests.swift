import Foundation
import KalkylEngine
import KalkylFormats
import Testing

/// Dynamic-array formulas in xlsx files as Excel 365 writes them (`cm="1"`, `<f t="array">`,
/// xl/metadata.xml), and legacy formulas read with Excel 365's implicit intersection.
struct DynamicArrayXMLTests {
    private func sheet(_ cells: String) -> String {
        #"<worksheet xmlns="\#(XlsxReaderTests.main)"><sheetData>\#(cells)</sheetData></worksheet>"#
    }

    private let numbers = #"<row r="1"><c r="A1"><v>1.4</v></c></row><row r="2"><c r="A2"><v>2.6</v></c></row><row r="3"><c r="A3"><v>3.5</v></c></row>"#

    @Test func aLegacyFormulaIsReadWithImplicitIntersection() throws {
        let cells = numbers.replacingOccurrences(of: #"<c r="A2"><v>2.6</v></c>"#, with: #"<c r="A2"><v>2.6</v></c><c r="B2"><f>ROUND(A1:A3,0)</f></c><c r="C2"><f>A1:A3</f></c><c r="D2"><f>SUM(A1:A3)</f></c><c r="E2"><f>INDEX(A1:A3,0)</f></c><c r="F2"><f>A1:A3*2+1</f></c>"#)
        let path = try XlsxReaderTests.xlsx(XlsxDocumentWriterTests.package(sheet: sheet(cells)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try WorkbookFile.load(path)
        func formula(_ reference: String) throws -> String? { workbook.formulaText(at: try workbook.location(of: reference)) }
        #expect(try formula("B2") == "=ROUND(@A1:A3,0)")
        #expect(try formula("C2") == "=@A1:A3")
        #expect(try formula("D2") == "=SUM(A1:A3)")
        #expect(try formula("E2") == "=@INDEX(A1:A3,0)")
        #expect(try formula("F2") == "=@A1:A3*2+1")
        let values = try ["B2", "C2", "D2", "E2", "F2"].map { workbook.value(at: try workbook.location(of: $0)) }
        #expect(values == [.number(3), .number(2.6), .number(7.5), .number(2.6), .number(6.2)], "\(values)")
        #expect(try workbook.value(at: workbook.location(of: "B3")) == .empty)  // nothing spills
    }

    /// Excel's parameter kinds (`ParameterKinds`) decide where a legacy formula took one value.
    @Test(arguments: [
        ("SUM(A1:A3*2)", "=SUM(@A1:A3*2)", Value.number(5.2)),
        ("SUMPRODUCT(A1:A3*A1:A3)", "=SUMPRODUCT(A1:A3*A1:A3)", .number(20.97)),
        ("COUNTIF(A1:A3,A1:A3)", "=COUNTIF(A1:A3,@A1:A3)", .number(1)),
        ("VLOOKUP(A1:A3,A1:A3,1,FALSE)", "=VLOOKUP(@A1:A3,A1:A3,1,FALSE)", .number(2.6)),
        ("INDEX(A1:A3,A1:A3)", "=@INDEX(A1:A3,@A1:A3)", .number(2.6)),
        ("IF(A1:A3>2,1,0)", "=IF(@A1:A3>2,1,0)", .number(1)),
        ("MAX(ABS(A1:A3))", "=MAX(ABS(@A1:A3))", .number(2.6)),
        ("SUM(CHOOSE(2,A1:A2,A2:A3))", "=SUM(CHOOSE(2,A1:A2,A2:A3))", .number(6.1)),
    ])
    func parametersDecideWhereALegacyFormulaIntersects(_ stored: String, _ read: String, _ value: Value) throws {
        let cells = numbers.replacingOccurrences(of: #"<c r="A2"><v>2.6</v></c>"#, with: #"<c r="A2"><v>2.6</v></c><c r="B2"><f>\#(stored)</f></c>"#)
        let path = try XlsxReaderTests.xlsx(XlsxDocumentWriterTests.package(sheet: sheet(cells)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try WorkbookFile.load(path)
        let location = try workbook.location(of: "B2")
        #expect(workbook.formulaText(at: location) == read)
        #expect(workbook.value(at: location).isClose(to: value))
    }

    @Test func aDynamicArrayIsWrittenAsExcel365WritesItAndReadBack() throws {
        let workbook = Workbook()
        try workbook.addSheet(named: "Blad1")
        for (reference, input) in ["A1": "1", "A2": "2", "A3": "3", "C1": "=A1:A3*2", "D2": "=@A1:A3", "E1": "=SUM(C1#)"] {
            try workbook.set(.typed(input), at: workbook.location(of: reference))
        }
        workbook.recalculate()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-dynamic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("spill.xlsx").path
        try XlsxWriter.save(workbook, to: path)
        let parts = try XlsxDocumentWriterTests.parts(of: path)
        let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains(#"<c r="C1" cm="1"><f t="array" ref="C1:C3">A1:A3*2</f><v>2</v></c>"#))
        #expect(sheet.contains(#"<c r="C2"><v>4</v></c>"#))  // a spilled value, as Excel stores it
        #expect(sheet.contains(#"<c r="D2"><f>A1:A3</f><v>2</v></c>"#))  // legacy: Excel 365 reads @ back in
        #expect(sheet.contains(#"<c r="E1"><f>SUM(_xlfn.ANCHORARRAY(C1))</f><v>12</v></c>"#))
        #expect(parts["xl/metadata.xml"]?.contains("XLDAPR") == true)
        #expect(parts["[Content_Types].xml"]?.contains("/xl/metadata.xml") == true)
        #expect(parts["xl/_rels/workbook.xml.rels"]?.contains("metadata.xml") == true)

        let document = try WorkbookFile.open(path)
        let back = document.workbook
        func text(_ reference: String) throws -> String? { back.formulaText(at: try back.location(of: reference)) }
        #expect(try [text("C1"), text("D2"), text("E1"), text("C2")] == ["=A1:A3*2", "=@A1:A3", "=SUM(C1#)", nil])
        #expect(try ["C1", "C2", "C3", "D2", "E1"].map { back.value(at: try back.location(of: $0)) } == [2, 4, 6, 2, 12].map { .number($0) })

        // Patched in place: the spill grows with its range's new cell, the file stays Excel 365's.
        try back.set(.formula("=A1:A4*2"), at: back.location(of: "C1"))
        try back.set(.constant(.number(4)), at: back.location(of: "A4"))
        back.recalculate()
        try document.save(to: path)
        let patched = try #require(XlsxDocumentWriterTests.parts(of: path)["xl/worksheets/sheet1.xml"])
        #expect(patched.contains(#"<c r="C1" cm="1"><f t="array" ref="C1:C4">A1:A4*2</f><v>2</v></c>"#))
        let again = try WorkbookFile.load(path)
        #expect(try again.value(at: again.location(of: "C4")) == .number(8))
        #expect(try again.value(at: again.location(of: "E1")) == .number(20))
    }

    @Test func aFileGetsItsMetadataWithItsFirstDynamicArray() throws {
        let path = try XlsxReaderTests.xlsx(XlsxDocumentWriterTests.package(sheet: sheet(numbers)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let document = try WorkbookFile.open(path)
        try document.workbook.set(.formula("=A1:A3+1"), at: document.workbook.location(of: "B1"))
        document.workbook.recalculate()
        try document.save(to: path)
        let parts = try XlsxDocumentWriterTests.parts(of: path)
        #expect(parts["xl/metadata.xml"]?.contains("XLDAPR") == true)
        #expect(parts["[Content_Types].xml"]?.contains(#"<Override PartName="/xl/metadata.xml""#) == true)
        #expect(parts["xl/_rels/workbook.xml.rels"]?.contains(#"Target="metadata.xml""#) == true)
        let back = try WorkbookFile.load(path)
        #expect(try back.value(at: back.location(of: "B3")) == .number(4.5))
    }
}

private extension Value {
    func isClose(to other: Value) -> Bool {
        if case .number(let a) = self, case .number(let b) = other { return abs(a - b) < 1e-9 }
        return self == other
    }
}
