import PropertyBased
import Testing
@testable import KalkylEngine
@testable import KalkylFormats

/// The .kalk writer appends bytes without a `String` per cell: a whole number as digits, every
/// other constant as `KalkWriter.constant` writes it, and the file's text is the same either way.
struct KalkWriterBytesTests {
    @Test func constantsAreWrittenAsTheirText() async {
        let special = [0.0, -0.0, 1e15, -1e15, 999_999_999_999_999, 1e15 - 0.5, 0.1, 1e-300, 5e-324]
        let input = zip(Gen.int(in: 0...3), Gen.int(in: -2_000_000...2_000_000), Gen.double(in: -1e16...1e16))
        await propertyCheck(count: 1_000, input: input) { kind, whole, any in
            let n = kind == 0 ? Double(whole) : kind == 1 ? any : kind == 2 ? any / 1e16 : special[abs(whole) % special.count]
            var out: [UInt8] = []
            KalkWriter.appendConstant(.number(n), to: &out)
            #expect(String(decoding: out, as: UTF8.self) == KalkWriter.constant(.number(n)), "\(n)")
        }
        for value: Value in [.empty, .text("Region \"Gotland\""), .boolean(true), .error(.notAvailable)] {
            var out: [UInt8] = []
            KalkWriter.appendConstant(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == KalkWriter.constant(value))
        }
    }

    /// Hand-checkable: formulas at their cells, references with sheets and dollars, a formula
    /// with a line break quoted, numbers and texts.
    @Test func aWorkbookIsWrittenAsExpected() throws {
        let workbook = Workbook()
        try workbook.addSheet(named: "S")
        try workbook.addSheet(named: "My sheet")
        for (reference, input) in [("A1", "7"), ("A2", "-2.5"), ("B1", "=A1*2"), ("B2", "=A2*2"), ("C1", "='My sheet'!$A$1+SUM(A1:A2)"),
                                   ("D1", "=\"a\"&CHAR(10)&\"b\""), ("E1", "Stockholm")] {
            try workbook.set(.typed(input), at: try workbook.location(of: reference))
        }
        try workbook.set(.typed("=S!B1"), at: try workbook.location(of: "'My sheet'!A1"))
        workbook.recalculate()
        #expect(KalkWriter.text(of: workbook) == """
            kalkyl 1

            sheet S
            A1 7
            B1 =A1*2
            C1 ='My sheet'!$A$1+SUM(A1:A2)
            D1 ="a"&CHAR(10)&"b"
            E1 "Stockholm"
            A2 -2.5
            B2 =A2*2

            sheet My sheet
            A1 =S!B1

            """)
    }

    /// A line break inside a formula's text would end its line: the formula is written quoted
    /// after `formula`, and reads back the same.
    @Test func aFormulaWithALineBreakIsWrittenQuoted() throws {
        let workbook = Workbook()
        try workbook.addSheet(named: "S")
        try workbook.set(.typed("=LEN(\"a\nb\")"), at: try workbook.location(of: "A1"))
        workbook.recalculate()
        let text = KalkWriter.text(of: workbook)
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("A1 formula \"") }, "\(text)")
        let back = try KalkReader.read(text).workbook
        #expect(try back.value(at: back.location(of: "A1")) == .number(3))
        #expect(KalkWriter.text(of: back) == text)
    }

    /// A save writes the text a megabyte at a time; in pieces of any size the lines are the
    /// whole text's, each piece ending at a line's end.
    @Test func theTextInPiecesIsTheWholeText() throws {
        let workbook = Workbook()
        try workbook.addSheet(named: "S")
        for row in 1...200 {
            try workbook.set(.typed(String(row)), at: try workbook.location(of: "A\(row)"))
            try workbook.set(.typed("=A\(row)*2"), at: try workbook.location(of: "B\(row)"))
        }
        workbook.recalculate()
        let document = WorkbookDocument(workbook: workbook)
        let whole = KalkWriter.bytes(of: document)
        for chunk in [1, 7, 100, 4096] {
            var pieces: [[UInt8]] = []
            KalkWriter.write(document, inChunksOf: chunk) { pieces.append($0) }
            #expect(Array(pieces.joined()) == whole, "pieces of \(chunk)")
            #expect(pieces.dropLast().allSatisfy { $0.count >= chunk && $0.last == UInt8(ascii: "\n") }, "pieces of \(chunk)")
        }
    }
}
