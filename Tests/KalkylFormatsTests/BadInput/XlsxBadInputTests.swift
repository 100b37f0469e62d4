import Foundation
import KalkylEngine
@testable import KalkylFormats
import Testing
import ZIPFoundation

/// Malformed xlsx files that trapped or silently misplaced cells: each is now one error that
/// names the file, the part and the line.
struct XlsxBadInputTests {
    static func workbook(sheet rows: String, strings: String? = nil) throws -> String {
        var parts = [
            "xl/workbook.xml": """
                <workbook xmlns="\(XlsxReaderTests.main)" xmlns:r="\(XlsxReaderTests.relationships)"><sheets>
                <sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>
                """,
            "xl/_rels/workbook.xml.rels": """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="\(XlsxReaderTests.relationships)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """,
            "xl/worksheets/sheet1.xml": "<worksheet xmlns=\"\(XlsxReaderTests.main)\">\n" + rows + "\n</worksheet>",
        ]
        if let strings { parts["xl/sharedStrings.xml"] = "<sst xmlns=\"\(XlsxReaderTests.main)\">\(strings)</sst>" }
        return try XlsxReaderTests.xlsx(parts)
    }

    private func loadError(_ rows: String, strings: String? = nil) throws -> String {
        let path = try Self.workbook(sheet: rows, strings: strings)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try XlsxReader.load(path: path)
            return "loaded"
        } catch {
            return "\(error)".replacingOccurrences(of: path, with: "FILE")
        }
    }

    @Test(arguments: [
        (#"<sheetData><row r="1"><c r="A1" t="s"><v>-1</v></c></row></sheetData>"#,
         "FILE: xl/worksheets/sheet1.xml line 2: the cell A1 names shared string -1, which the file does not have"),
        (#"<sheetData><row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData>"#,
         "FILE: xl/worksheets/sheet1.xml line 2: the cell A1 names shared string 5, which the file does not have"),
        (#"<sheetData><row r="1"><c r="A1" s="-1"><v>1</v></c></row></sheetData>"#,
         "FILE: xl/worksheets/sheet1.xml line 2: <c s=\"-1\"> is not a style index"),
        (#"<sheetData><row r="0"><c><v>1</v></c></row></sheetData>"#,
         "FILE: xl/worksheets/sheet1.xml line 2: <row r=\"0\"> is not a row number (1 to 1 048 576)"),
        (#"<sheetData><row r="-5"><c><v>1</v></c></row></sheetData>"#,
         "FILE: xl/worksheets/sheet1.xml line 2: <row r=\"-5\"> is not a row number (1 to 1 048 576)"),
        ("<sheetData>\n<row r=\"1048577\"><c><v>1</v></c></row></sheetData>",
         "FILE: xl/worksheets/sheet1.xml line 3: <row r=\"1048577\"> is not a row number (1 to 1 048 576)"),
        (#"<cols><col min="5" max="1" width="10"/></cols><sheetData/>"#,
         "FILE: xl/worksheets/sheet1.xml line 2: <col min=\"5\" max=\"1\"> is not a range of columns (1 to 16 384)"),
        (#"<sheetData><row r="1"><c r="ZZZZZ9999999"><v>1</v></c></row></sheetData>"#,
         "FILE: xl/worksheets/sheet1.xml line 2: <c r=\"ZZZZZ9999999\"> is not a cell reference (A1 to XFD1048576)"),
        (#"<sheetData><row r="1"><c r="A0"><v>1</v></c></row></sheetData>"#,
         "FILE: xl/worksheets/sheet1.xml line 2: <c r=\"A0\"> is not a cell reference (A1 to XFD1048576)"),
        ("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>\n<c r=\"A1\"><v>2</v></c></row></sheetData>",
         "FILE: xl/worksheets/sheet1.xml line 3: the cell A1 appears twice"),
        (#"<sheetData><row r="1"><c r="A1"><v>inf</v></c></row></sheetData>"#,
         "FILE: xl/worksheets/sheet1.xml line 2: the cell A1 holds inf, which is not a finite number"),
        (#"<sheetData><row r="1"><c r="B1"><v>1E+999</v></c></row></sheetData>"#,
         "FILE: xl/worksheets/sheet1.xml line 2: the cell B1 holds 1E+999, which is not a finite number"),
        (#"<sheetData><row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row></sheetData>"#,
         "FILE: xl/worksheets/sheet1.xml line 2: row 1 has more than 16 384 cells"),
    ])
    func invalidCellsAreErrorsWithPartAndLine(rows: String, expected: String) throws {
        #expect(try loadError(rows, strings: "<si><t>x</t></si>") == expected)
    }

    /// OOXML: a row or cell without `r` is the next one.
    @Test func rowsAndCellsWithoutReferencesFollowEachOther() throws {
        let path = try Self.workbook(sheet: """
            <sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>
            <row r="5"><c r="C5"><v>4</v></c><c><v>5</v></c></row><row><c><v>6</v></c></row></sheetData>
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try XlsxReader.load(path: path).workbook
        func value(_ a: String) throws -> Value { workbook.value(at: try workbook.location(of: a)) }
        #expect(try value("A1") == .number(1))
        #expect(try value("B1") == .number(2))
        #expect(try value("A2") == .number(3))
        #expect(try value("C5") == .number(4))
        #expect(try value("D5") == .number(5))
        #expect(try value("A6") == .number(6))
    }

    @Test func widthsOutsideExcelsRangeAreNotKept() throws {
        let path = try Self.workbook(sheet: #"<cols><col min="1" max="1" width="-10"/><col min="2" max="2" width="1e308"/><col min="3" max="3" width="12"/></cols><sheetData/>"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try XlsxReader.load(path: path).workbook
        #expect(workbook.sheets[0].columnWidths == [2: 12])
        // And what was read saves as a .kalk that loads again.
        let text = KalkWriter.text(of: workbook)
        #expect(throws: Never.self) { try KalkReader.read(text) }
    }

    /// A zip bomb: a small file whose part inflates past the limit stops with an error naming
    /// the part — whether the zip directory says how large the part is or lies about it. (The
    /// limit, 1 GiB, is lowered to 1 MiB here so the test inflates megabytes, not gigabytes.)
    @Test func aPartThatInflatesPastTheLimitIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-bomb-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let zeros = Data(count: 3 << 20)
        do {
            let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
            try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(zeros.count), compressionMethod: .deflate) { position, count in
                zeros.subdata(in: Int(position)..<Int(position) + count)
            }
        }
        let expected = "\(path): the part xl/workbook.xml inflates to more than 1 MB; it is not read (a damaged file or a zip bomb)"
        #expect(throws: XlsxError.self) { try XlsxReader.load(path: path, partSizeLimit: 1 << 20) }
        do { _ = try XlsxReader.load(path: path, partSizeLimit: 1 << 20) } catch { #expect("\(error)" == expected) }

        // The same file with both headers claiming 100 bytes: what comes out is counted.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        func patch(signature: [UInt8], sizeOffset: Int) {
            guard let start = bytes.firstRange(of: Data(signature))?.lowerBound else { Issue.record("no zip header"); return }
            bytes.replaceSubrange((start + sizeOffset)..<(start + sizeOffset + 4), with: [100, 0, 0, 0])
        }
        patch(signature: [0x50, 0x4B, 0x03, 0x04], sizeOffset: 22)
        patch(signature: [0x50, 0x4B, 0x01, 0x02], sizeOffset: 24)
        try bytes.write(to: URL(fileURLWithPath: path))
        do {
            _ = try XlsxReader.load(path: path, partSizeLimit: 1 << 20)
            Issue.record("the lying file loaded")
        } catch {
            #expect("\(error)" == expected)
        }
    }

    @Test func controlCharactersInTextRoundTripThroughXlsx() throws {
        let workbook = Workbook()
        try workbook.addSheet(named: "Blad1")
        let texts = ["a\u{1}b", "tab\there", "_x0041_ stays", "line\nbreak", "\u{1F600}"]
        for (i, text) in texts.enumerated() {
            try workbook.set(.constant(.text(text)), at: CellLocation(sheet: 0, address: CellAddress(row: Int32(i), column: 0)))
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-ctl-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try XlsxWriter.save(workbook, to: path)
        let back = try XlsxReader.load(path: path).workbook
        for (i, text) in texts.enumerated() {
            #expect(back.value(at: CellLocation(sheet: 0, address: CellAddress(row: Int32(i), column: 0))) == .text(text))
        }
        #expect(OOXMLText.encode("a\u{1}b") == "a_x0001_b")
        #expect(OOXMLText.encode("_x0041_") == "_x005F_x0041_")
        #expect(OOXMLText.decode("_x005F_x0041_") == "_x0041_")
    }
}
