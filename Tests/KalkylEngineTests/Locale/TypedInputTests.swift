import KalkylEngine
import Testing

/// What a person types into a cell, read as Swedish Excel and English Excel read it: the value,
/// its type and the number format the typing gives the cell.
struct TypedInputTests {
    static let nbsp = "\u{00A0}", narrow = "\u{202F}"

    /// (typed, value, format)
    static let swedish: [(String, Value, String?)] = [
        ("7 000 000", .number(7_000_000), nil),
        ("7000000", .number(7_000_000), nil),
        ("7\(nbsp)000\(nbsp)000", .number(7_000_000), nil),
        ("7\(narrow)000\(narrow)000", .number(7_000_000), nil),
        ("1,5", .number(1.5), nil),
        ("-1 234,50", .number(-1234.5), nil),
        ("−1 234,50", .number(-1234.5), nil),  // the minus sign U+2212
        ("+12", .number(12), nil),
        ("(12)", .number(-12), nil),
        (",5", .number(0.5), nil),
        ("0,25", .number(0.25), nil),
        ("  42  ", .number(42), nil),
        ("1,5E3", .number(1500), nil),
        ("1,5e-2", .number(0.015), nil),
        ("2,5 %", .number(0.025), "0.00%"),
        ("2,5%", .number(0.025), "0.00%"),
        ("12 %", .number(0.12), "0%"),
        ("12%", .number(0.12), "0%"),
        ("-3 %", .number(-0.03), "0%"),
        ("1 234 kr", .number(1234), "#,##0 \"kr\""),
        ("1 234,50 kr", .number(1234.5), "#,##0.00 \"kr\""),
        ("500kr", .number(500), "#,##0 \"kr\""),
        ("2025-03-31", .number(45747), "yyyy-mm-dd"),
        ("2024-02-29", .number(45351), "yyyy-mm-dd"),
        ("SANT", .boolean(true), nil),
        ("falskt", .boolean(false), nil),
        ("TRUE", .boolean(true), nil),
        ("#SAKNAS!", .error(.notAvailable), nil),
        ("#DIVISION/0!", .error(.divisionByZero), nil),
        ("#N/A", .error(.notAvailable), nil),
        // Not numbers in Swedish: they stay text, as in Swedish Excel.
        ("1.5", .text("1.5"), nil),
        ("1,234.5", .text("1,234.5"), nil),
        ("7 00 000", .text("7 00 000"), nil),
        ("12 34", .text("12 34"), nil),
        ("1,5,0", .text("1,5,0"), nil),
        ("2023-02-29", .text("2023-02-29"), nil),
        ("kr", .text("kr"), nil),
        ("%", .text("%"), nil),
        ("1 234 €", .text("1 234 €"), nil),
        ("Region Gotland", .text("Region Gotland"), nil),
        ("'7 000 000", .text("7 000 000"), nil),  // quoted: text as written
        ("1e", .text("1e"), nil),
    ]

    static let english: [(String, Value, String?)] = [
        ("7000000", .number(7_000_000), nil),
        ("7,000,000", .number(7_000_000), nil),
        ("1.5", .number(1.5), nil),
        ("-1,234.50", .number(-1234.5), nil),
        ("50%", .number(0.5), "0%"),
        ("2.5%", .number(0.025), "0.00%"),
        ("$5", .number(5), nil),
        ("2025-03-31", .number(45747), "yyyy-mm-dd"),
        ("TRUE", .boolean(true), nil),
        ("7 000 000", .text("7 000 000"), nil),
        ("1,5", .text("1,5"), nil),
        ("SANT", .text("SANT"), nil),
    ]

    @Test(arguments: swedish)
    func swedishTypingIsReadAsSwedishExcelReadsIt(text: String, value: Value, format: String?) {
        let (input, typedFormat) = CellInput.typedWithFormat(text, locale: .swedish)
        #expect(input == .constant(value), "\(text)")
        #expect(typedFormat == format, "\(text)")
    }

    @Test(arguments: english)
    func englishTypingIsReadAsEnglishExcelReadsIt(text: String, value: Value, format: String?) {
        let (input, typedFormat) = CellInput.typedWithFormat(text, locale: .english)
        #expect(input == .constant(value), "\(text)")
        #expect(typedFormat == format, "\(text)")
    }

    @Test func valuesAreShownAsEachLocaleWritesThem() {
        let sv = SpreadsheetLocale.swedish, en = SpreadsheetLocale.english
        #expect(sv.text(of: .number(3_981_450), format: "#,##0") == "3 981 450")
        #expect(en.text(of: .number(3_981_450), format: "#,##0") == "3,981,450")
        #expect(sv.text(of: .number(0.015), format: "0.0%") == "1,5 %")
        #expect(en.text(of: .number(0.015), format: "0.0%") == "1.5%")
        #expect(sv.text(of: .number(0.25)) == "0,25")
        #expect(sv.text(of: .boolean(true)) == "SANT" && en.text(of: .boolean(false)) == "FALSE")
        #expect(sv.text(of: .error(.notAvailable)) == "#SAKNAS!" && sv.text(of: .error(.cycle)) == "#CYKEL!")
        #expect(sv.changeText(of: .text("7 000 000")) == "\"7 000 000\" (text)")
        #expect(sv.changeText(of: .text("Region Gotland")) == "\"Region Gotland\"")
        #expect(sv.changeText(of: .empty) == "(tom)" && en.changeText(of: .empty) == "(empty)")
    }

    @Test(arguments: [("sv_SE.UTF-8", "sv"), ("sv", "sv"), ("en_US.UTF-8", "en"), ("C", "en"), ("de_DE", "en")])
    func theEnvironmentChoosesTheLocale(lang: String, expected: String) {
        #expect(SpreadsheetLocale.fromEnvironment(["LANG": lang]).code == expected)
        // KALKYL_LOCALE wins, and LC_ALL over LANG.
        #expect(SpreadsheetLocale.fromEnvironment(["LANG": lang, "KALKYL_LOCALE": "sv"]).code == "sv")
        #expect(SpreadsheetLocale.fromEnvironment(["LANG": "sv_SE", "LC_ALL": lang]).code == expected)
    }
}
