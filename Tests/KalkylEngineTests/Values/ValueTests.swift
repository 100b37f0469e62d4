import Testing
import KalkylEngine

/// Coercions and ordering as Excel defines them.
struct ValueTests {
    @Test(arguments: [
        (1.0 / 3, "0.333333333333333"), (0.1 + 0.2, "0.3"), (1e20, "1E+20"), (0.000001, "0.000001"),
        (-1234.5, "-1234.5"), (1e15, "1E+15"), (123456789012345.0, "123456789012345"), (1.5e-10, "1.5E-10"),
    ])
    func generalFormat(number: Double, text: String) {
        #expect(GeneralNumberFormat.string(number) == text)
    }

    @Test(arguments: [
        (" 1,234.5 ", 1234.5), ("50%", 0.5), ("$5", 5), ("1e3", 1000), ("(12)", -12), ("-.5", -0.5),
        ("2024-03-31", 45382), ("10:30", 0.4375), ("6:00 PM", 0.75), ("2024-03-31 12:00", 45382.5),
        (" 2024-01-10 ", 45301),
    ])
    func textReadAsNumber(text: String, number: Double) {
        #expect(NumberText.parse(text) == number)
    }

    // Excel in English reads neither a euro amount nor a space between thousands; dates with
    // slashes depend on the locale's order, which arithmetic does not know.
    @Test(arguments: ["abc", "1,23", "1.2.3", "0x10", "inf", "", "12a", "€100", "23€", "1 000", "25:61", "1:2:3:4", "1/2/2024"])
    func textThatIsNotANumber(text: String) {
        #expect(NumberText.parse(text) == nil)
    }

    @Test func ordering() {
        // Numbers < text < booleans; text ignores case; empty meets each kind as its zero.
        #expect(ValueComparison.compare(.number(1e9), .text("a")) < 0)
        #expect(ValueComparison.compare(.text("zzz"), .boolean(false)) < 0)
        #expect(ValueComparison.compare(.text("ABC"), .text("abc")) == 0)
        #expect(ValueComparison.compare(.empty, .number(0)) == 0)
        #expect(ValueComparison.compare(.empty, .text("")) == 0)
        #expect(ValueComparison.compare(.empty, .boolean(false)) == 0)
        #expect(ValueComparison.compare(.number(0.1 + 0.2), .number(0.3)) == 0)
    }

    @Test func typedInput() {
        #expect(CellInput.typed("1500") == .constant(.number(1500)))
        #expect(CellInput.typed("12,5%") == .constant(.text("12,5%")))
        #expect(CellInput.typed("true") == .constant(.boolean(true)))
        #expect(CellInput.typed("#N/A") == .constant(.error(.notAvailable)))
        #expect(CellInput.typed("'007") == .constant(.text("007")))
        #expect(CellInput.typed("=A1") == .formula("=A1"))
        #expect(CellInput.typed("Region Blekinge") == .constant(.text("Region Blekinge")))
    }

    @Test func dateSerials() {
        #expect(DateSerial.serial(year: 1900, month: 1, day: 1) == 1)
        #expect(DateSerial.serial(year: 1900, month: 2, day: 28) == 59)
        #expect(DateSerial.date(fromSerial: 60) == (1900, 2, 29))  // Excel's phantom leap day
        #expect(DateSerial.serial(year: 1900, month: 3, day: 1) == 61)
        #expect(DateSerial.serial(year: 2024, month: 1, day: 1) == 45292)
        #expect(DateSerial.date(fromSerial: 45382) == (2024, 3, 31))
    }
}
