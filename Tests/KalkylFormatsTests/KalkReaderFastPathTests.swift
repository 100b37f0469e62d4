import Foundation
import KalkylEngine
import PropertyBased
import Testing
@testable import KalkylFormats

/// The .kalk reader reads a cell line as Kalkyl writes it (`B7 =A7*2`, capital letters) from
/// the file's bytes, and any other line through the general keyword-or-cell path. A cell line
/// in lower case (`b7 =A7*2`) is the same cell taking the general path: both readings give the
/// same workbook, or the same error.
struct KalkReaderFastPathTests {
    static let values = [
        "0", "7", "-7", "-0", "007", "123456789012345", "1234567890123456", "-999999999999999", "2.5", "-0.125",
        "1e5", "1E-3", "+4", "--1", "-", "1-2", "\"Västerbotten\"", "\"\"", "\"a \\\"b\\\"\"", "TRUE", "FALSE",
        "#N/A", "#DIV/0!", "#BOGUS", "=A1*2", "=B1+A1", "=IF(A2>3,A2-3,A2)", "=SUM($A$1:A3)", "=1+", "formula \"=A1\\n+1\"",
        "x", "\"open",
    ]
    static let addresses = ["A1", "A2", "A3", "B1", "B2", "C3", "AB10", "XFD1"]

    private func describe(_ text: String) -> String {
        do {
            let workbook = try KalkReader.read(text).workbook
            return Self.addresses.map { reference in
                guard let location = try? workbook.location(of: reference) else { return "?" }
                return "\(reference)=\(workbook.value(at: location)) \(workbook.formulaText(at: location) ?? "")"
            }.joined(separator: "; ")
        } catch {
            return "error: \(error)"
        }
    }

    @Test func aCellLineReadsAsTheGeneralPathReadsIt() async {
        let line = zip(Gen.int(in: 0...(Self.addresses.count - 1)), Gen.int(in: 0...(Self.values.count - 1)), Gen.int(in: 0...2))
        await propertyCheck(count: 300, input: line.array(of: 1...12)) { lines in
            var upper = "kalkyl 1\nsheet S\n", lower = upper
            for (address, value, spaces) in lines {
                let separator = String(repeating: " ", count: spaces + 1)
                upper += Self.addresses[address] + separator + Self.values[value] + "\n"
                lower += Self.addresses[address].lowercased() + separator + Self.values[value] + "\n"
            }
            #expect(describe(upper) == describe(lower), "\(upper)")
        }
    }

    @Test func aWholeNumberIsTheDoubleItsTextReadsAs() async {
        let digits = Array("0123456789-")
        await propertyCheck(count: 1000, input: Gen.int(in: 0...(digits.count - 1)).array(of: 1...18)) { picks in
            let text = String(picks.map { digits[$0] })
            let fast = Array(text.utf8).withUnsafeBufferPointer { KalkReader.wholeNumber($0[...]) }
            if let fast {
                let general = try #require(Double(text), "\(text)")
                #expect(fast.bitPattern == general.bitPattern, "\(text)")
            }
        }
        let read = { (text: String) in Array(text.utf8).withUnsafeBufferPointer { KalkReader.wholeNumber($0[...]) } }
        #expect(read("123456789012345") == 123_456_789_012_345)
        #expect(read("-0")?.sign == .minus)
        #expect(read("1234567890123456") == nil)  // 16 digits: left to Double(text)
        #expect(read("1e5") == nil && read("-") == nil && read("") == nil && read("+4") == nil)
    }

    @Test func anErrorInACellLineSaysWhereInCharacters() {
        // Column 5 is where "=1+" starts; the formula ends three characters on.
        #expect(describe("kalkyl 1\nsheet S\nA1 \"Å\"\nB2  =1+\n") == "error: <text>:4:8: expected a value, reference or function, found the end of the formula")
        // "Åä" is four bytes and two characters: the closing quote is column 7.
        #expect(describe("kalkyl 1\nsheet S\nC3 \"Åä\" x\n") == "error: <text>:3:8: unexpected text after the closing quote")
    }
}
