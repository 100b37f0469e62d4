import Foundation
import KalkylEngine
import KalkylFormats
import Testing

/// A filled-down column is written as one shared formula, as Excel writes it, and reads back
/// with the formula of every cell unchanged; what cannot be shared is written cell by cell.
struct SharedFormulaRunsTests {
    @Test func aFilledDownColumnIsOneSharedFormula() throws {
        let workbook = Workbook()
        try workbook.addSheet(named: "Blad1")
        var inputs: [String: String] = ["E1": "100", "F2": "=ALLOCATE($E$1,$A$1:$A$5)", "F3": "=ALLOCATE($E$1,$A$1:$A$5)", "G1": "=A1:A2*2"]
        for row in 1...5 {
            inputs["A\(row)"] = "\(row)"
            inputs["B\(row)"] = row == 4 ? "=A\(row)*3" : "=A\(row)*2"  // row 4 breaks the run
            inputs["C\(row)"] = "=SUM($A$1:A\(row))"
        }
        inputs["D2"] = "=B2+1"  // a single formula: nothing to share
        for (reference, input) in inputs { try workbook.set(.typed(input), at: workbook.location(of: reference)) }
        workbook.recalculate()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-shared-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try XlsxWriter.save(workbook, to: path)
        let sheet = try #require(XlsxDocumentWriterTests.parts(of: path)["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains(#"<c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f>"#))
        #expect(sheet.contains(#"<c r="B2"><f t="shared" si="0"/>"#))
        #expect(sheet.contains(#"<c r="B4"><f>A4*3</f>"#))
        #expect(sheet.contains(#"<c r="C1"><f t="shared" ref="C1:C5" si="1">SUM($A$1:A1)</f>"#))
        #expect(sheet.contains(#"<c r="D2"><f>B2+1</f>"#))
        #expect(!sheet.contains(#"<c r="F3"><f t="shared""#))  // ALLOCATE is written as Excel's formula, per cell
        #expect(!sheet.contains(#"<c r="G1"><f t="shared""#))  // a spill is a dynamic array
        let back = try XlsxReader.load(path: path).workbook
        for sheetIndex in workbook.sheets.indices {
            for cell in workbook.cells(inSheet: sheetIndex, inputsOnly: true) {
                let location = CellLocation(sheet: sheetIndex, address: cell.address)
                // (ALLOCATE comes back as the Excel formula it is written as; its value is the same.)
                if cell.address.column != 5 { #expect(back.input(at: location) == workbook.input(at: location), "\(cell.address)") }
                #expect(back.value(at: location) == workbook.value(at: location), "\(cell.address)")
            }
        }
        #expect(try back.value(at: back.location(of: "C5")) == .number(15))
        #expect(try back.value(at: back.location(of: "B5")) == .number(10))
    }
}
