import Foundation
import KalkylEngine
import KalkylFormats
import Testing

/// .kalk input that was accepted wrongly, echoed whole or reported without a position.
struct KalkBadInputTests {
    @Test(arguments: [
        ("kalkyl 1\nname Total = 1\nname total = 2\n", 3, 6, "the name 'total' is already defined on line 2"),
        ("kalkyl 1\nsheet a\u{7}b\n", 2, 7, "invalid sheet name 'a?b': it contains a control character"),
        ("kalkyl 1\nsheet S\nA1 \"\\uD83D\"\n", 3, 5, "\\uD83D is the first half of a surrogate pair; the second half (\\uDC00 to \\uDFFF) must follow"),
        ("kalkyl 1\nsheet S\nA1 \"\\uDE00\"\n", 3, 5, "\\uDE00 is the second half of a surrogate pair without the first"),
        ("kalkyl 1\nsheet S\nA1 1e999\n", 3, 4, "expected a number, \"text\", TRUE, FALSE, an error such as #N/A, or a formula starting with '=', found '1e999'"),
        ("kalkyl 1\nsheet S\nA1 =" + String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300) + "\n", 3, 261,
         "the formula is nested more than 256 levels deep"),
        ("kalkyl 1\nsheet S\nA1 =" + String(repeating: "1+", count: 5_000) + "1\n", 3, 8196,
         "the formula is longer than Excel's limit of 8 192 characters"),
    ])
    func rejectedWithFileLineAndColumn(text: String, line: Int, column: Int, message: String) {
        #expect(throws: KalkSyntaxError(file: "bad.kalk", line: line, column: column, message: message)) {
            try KalkReader.read(text, file: "bad.kalk")
        }
    }

    @Test func surrogatePairsAreOneCharacter() throws {
        let workbook = try KalkReader.read("kalkyl 1\nsheet S\nA1 \"smile \\uD83D\\uDE00\"\n").workbook
        #expect(workbook.value(at: try workbook.location(of: "A1")) == .text("smile \u{1F600}"))
    }

    @Test func aLongBadLineIsQuotedInPart() throws {
        let text = "kalkyl 1\nsheet S\nA1 " + String(repeating: "x", count: 1_000_000) + "\n"
        do {
            _ = try KalkReader.read(text, file: "bad.kalk")
            Issue.record("loaded")
        } catch {
            #expect(error.description.count < 300)
            #expect(error.description.hasSuffix("… (1000000 characters)'"), "\(error.description.suffix(60))")
        }
    }

    @Test func invalidUTF8IsReportedWithLineAndColumn() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-\(UUID().uuidString).kalk").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var bytes = Data("kalkyl 1\nsheet S\nA1 \"åb".utf8)
        bytes.append(0xFF)
        bytes.append(contentsOf: Array("\"\n".utf8))
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: FileError.self) { try KalkReader.load(path: path) }
        do { _ = try KalkReader.load(path: path) } catch {
            #expect("\(error)" == "\(path):3:7: not UTF-8 text (a byte that is not UTF-8)")
        }
    }
}
