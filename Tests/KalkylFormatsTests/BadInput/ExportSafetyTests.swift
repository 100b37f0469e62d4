import Foundation
import KalkylEngine
import KalkylFormats
import Testing

/// Exports that another program reads: JSON a strict parser accepts, CSV a spreadsheet opens
/// without running anything.
struct ExportSafetyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["Workbooks", "Templates"])
    func everyShippedWorkbookExportsStrictJSON(folder: String) throws {
        let directory = Self.root.appendingPathComponent(folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".kalk") }
        #expect(!files.isEmpty)
        for file in files {
            let workbook = try KalkReader.load(path: directory.appendingPathComponent(file).path).workbook
            workbook.recalculate()
            let text = JSONExporter.text(of: workbook)
            #expect(throws: Never.self, "\(file)") { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
            // A non-finite number would stand as a bare value; words like "finansiering" may not.
            for bad in ["inf", "-inf", "nan", "-nan"] { #expect(!text.lowercased().contains("\"value\":\(bad)"), "\(file)") }
        }
    }

    @Test func extremeValuesExportAsStrictJSONAndCSV() throws {
        let workbook = Workbook()
        try workbook.addSheet(named: "S")
        let inputs = ["=MOD(1E+308,1E-308)", "=1E+308*10", "1E+307", "-0.000000001", "=\"a\u{1}b\"", "=\"q\"\"uote\""]
        for (i, input) in inputs.enumerated() {
            try workbook.set(.typed(input), at: CellLocation(sheet: 0, address: CellAddress(row: Int32(i), column: 0)))
        }
        workbook.recalculate()
        let json = JSONExporter.text(of: workbook)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(parsed.count == inputs.count)
        #expect(parsed[0]["value"] as? String == "#NUM!")
        #expect(parsed[1]["value"] as? String == "#NUM!")
        let csv = CSVWriter().text(of: workbook, sheet: 0)
        #expect(!csv.lowercased().contains("inf") && !csv.lowercased().contains("nan"))
    }

    @Test func textThatASpreadsheetWouldRunIsNeutralized() throws {
        let workbook = Workbook()
        try workbook.addSheet(named: "S")
        let texts = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\tx", "\rx", "plain", "a=b"]
        for (i, text) in texts.enumerated() {
            try workbook.set(.constant(.text(text)), at: CellLocation(sheet: 0, address: CellAddress(row: Int32(i), column: 0)))
        }
        try workbook.set(.constant(.number(-5)), at: CellLocation(sheet: 0, address: CellAddress(row: 0, column: 1)))
        workbook.recalculate()
        let lines = CSVWriter().text(of: workbook, sheet: 0).components(separatedBy: "\r\n")
        #expect(lines[0] == #""'=HYPERLINK(""http://x"",""y"")",-5"#)
        #expect(lines[1] == "'+cmd|' /C calc'!A0,")
        #expect(lines[2] == "'-2+3,")
        #expect(lines[3] == "'@SUM(1),")
        #expect(lines[4] == "'\tx,")
        #expect(lines[5] == "\"'\rx\",")
        #expect(lines[6] == "plain,")
        #expect(lines[7] == "a=b,")
        #expect(CSVWriter.swedish.text(of: workbook, sheet: 0).components(separatedBy: "\r\n")[2] == "'-2+3;")
        // --raw: as it stands.
        var raw = CSVWriter.swedish
        raw.neutralizesFormulas = false
        let rawLines = raw.text(of: workbook, sheet: 0).components(separatedBy: "\r\n")
        #expect(rawLines[0] == "\u{FEFF}" + #""=HYPERLINK(""http://x"",""y"")";-5"#)
        #expect(rawLines[2] == "-2+3;")
    }
}
