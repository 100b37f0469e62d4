import PropertyBased
import Testing
@testable import KalkylFormats

/// The fast reading of a cell's number (whole numbers without strtod) gives what `Double`
/// gives for any text, bit for bit: -0, leading zeros, 15 and 16 digits, signs, exponents.
struct SheetCellReaderNumberTests {
    @Test func readsNumbersAsDoubleDoes() {
        let cases = ["0", "-0", "007", "42", "-42", "123456789012345", "1234567890123456", "-999999999999999",
                     "9007199254740993", "+5", "1.5", "1e3", "", "-", "--1", "1 ", " 1", "inf", "nan", "0x10", "١٢"]
        for text in cases {
            let fast = SheetCellReader.number(text), general = Double(text)
            #expect(fast?.bitPattern == general?.bitPattern, "\(text)")
        }
    }

    @Test func anyTextOfDigitsAndSignsReadsAsDoubleDoes() async {
        let alphabet = Array("0123456789-+.eE ")
        await propertyCheck(count: 2000, input: Gen.int(in: 0...(alphabet.count - 1)).array(of: 0...18)) { picks in
            let text = String(picks.map { alphabet[$0] })
            #expect(SheetCellReader.number(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }
}
