import Foundation
import KalkylEngine
import KalkylFormats
import Testing
import ZIPFoundation

/// Inputs the fuzzer (`scripts/fuzz.sh`) found that crashed Kalkyl, kept in `Findings/`: a
/// worksheet part (`.xml`) inside a valid package, a .kalk file, or a formula (`.formula`).
/// Each must now load or fail with an error; a crash fails the whole test run.
struct FuzzFindingTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Findings")

    static var findings: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test(arguments: findings)
    func aFindingLoadsOrIsAnError(file: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(file))
        if file.hasSuffix(".xml") {
            let path = try XlsxBadInputTests.workbook(sheet: "")
            defer { try? FileManager.default.removeItem(atPath: path) }
            let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .update)
            if let old = archive["xl/worksheets/sheet1.xml"] { try archive.remove(old) }
            try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
            if let document = try? XlsxReader.load(path: path) {
                document.workbook.recalculate()
                #expect(throws: Never.self) { try KalkReader.read(KalkWriter.text(of: document.workbook)) }
            }
        } else if file.hasSuffix(".kalk") {
            if let workbook = try? KalkReader.read(String(decoding: data, as: UTF8.self)).workbook {
                workbook.recalculate()
                #expect(throws: Never.self) { try KalkReader.read(KalkWriter.text(of: workbook)) }
            }
        } else if file.hasSuffix(".formula") {
            let workbook = Workbook()
            try workbook.addSheet(named: "Blad1")
            let text = String(decoding: data, as: UTF8.self)
            _ = try? workbook.evaluate(text)
            // What the Swedish printer writes reads back (as the fuzz target checks).
            if let swedish = try? FormulaParser.parse(text, at: CellAddress(row: 0, column: 2), locale: .swedish) {
                let written = FormulaPrinter.formula(swedish, at: CellAddress(row: 0, column: 2), locale: .swedish)
                #expect(throws: Never.self) { try FormulaParser.parse(written, at: CellAddress(row: 0, column: 2), locale: .swedish) }
            }
        } else {
            Issue.record("\(file): a finding is .xml, .kalk or .formula")
        }
    }
}
