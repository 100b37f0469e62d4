import KalkylEngine
import Testing

/// Formulas typed as in Swedish Excel: Swedish names, `;` between arguments, a decimal comma,
/// `\` between an array's columns, SANT/FALSKT and Swedish error values. Every value is one
/// Swedish Excel gives (its documentation of each function, or by hand).
struct SwedishFormulaTests {
    /// (formula in Swedish, value, whether it prints back exactly as typed)
    static let cases: [(String, Expected, Bool)] = [
        ("=SUMMA(1;2;3)", .number(6), true),
        ("=SUMMA(1,5;2,5)", .number(4), true),
        ("=1,5+2,25", .number(3.75), true),
        ("=1,5*2", .number(3), true),
        ("=,5+1", .number(1.5), false),
        ("=AVRUNDA(10/3;2)", .number(3.33), true),
        ("=AVRUNDA(2,5;0)", .number(3), true),
        ("=AVRUNDA.UPPÅT(2,1;0)", .number(3), true),
        ("=AVRUNDA.NEDÅT(2,9;0)", .number(2), true),
        ("=OM(1>0;\"stor\";\"liten\")", .text("stor"), true),
        ("=OM(FALSKT;1;2)", .number(2), true),
        ("=OM(SANT;1)", .number(1), true),
        ("=OM(1;;2)", .number(0), true),
        ("=OCH(SANT;FALSKT)", .boolean(false), true),
        ("=ELLER(SANT;FALSKT)", .boolean(true), true),
        ("=ICKE(SANT)", .boolean(false), true),
        ("=OMFEL(1/0;\"fel\")", .text("fel"), true),
        ("=OMFEL(#SAKNAS!;0)", .number(0), true),
        ("=ÄRFEL(#DIVISION/0!)", .boolean(true), true),
        ("=ÄRSAKNAD(#SAKNAS!)", .boolean(true), true),
        ("=#VÄRDEFEL!", .error(.value), true),
        ("=#NAMN?", .error(.name), true),
        ("=SUMMA({1\\2\\3;4\\5\\6})", .number(21), true),
        ("=RADER({1\\2\\3;4\\5\\6})", .number(2), true),
        ("=KOLUMNER({1\\2\\3;4\\5\\6})", .number(3), true),
        ("=INDEX({1\\2;3\\4};2;1)", .number(3), true),
        ("=SUMMA({1,5\\2,5})", .number(4), true),
        ("=SAMMANFOGA(\"a;b\";\"c\")", .text("a;bc"), true),
        ("=LÄNGD(\"1,5;2\")", .number(5), true),
        ("=BYT.UT(\"a-b\";\"-\";\";\")", .text("a;b"), true),
        ("=VÄNSTER(\"Gotland\";3)", .text("Got"), true),
        ("=HÖGER(\"Gotland\";4)", .text("land"), true),
        ("=EXTEXT(\"Gotland\";2;3)", .text("otl"), true),
        ("=VERSALER(\"åäö\")", .text("ÅÄÖ"), true),
        ("=GEMENER(\"ÅÄÖ\")", .text("åäö"), true),
        ("=\"a\"&\"b\"", .text("ab"), true),
        ("=MEDEL(1;2;3;4)", .number(2.5), true),
        ("=MAX(1;5;3)", .number(5), true),
        ("=MIN(1;5;3)", .number(1), true),
        ("=ANTAL(1;\"a\";SANT;2)", .number(3), true),  // a truth value typed as an argument counts
        ("=ANTALV(1;\"a\";SANT;2)", .number(4), true),
        ("=PRODUKT(2;3;4)", .number(24), true),
        ("=REST(10;3)", .number(1), true),
        ("=HELTAL(-2,5)", .number(-3), true),
        ("=ABS(-1,5)", .number(1.5), true),
        ("=ROT(16)", .number(4), true),
        ("=UPPHÖJT.TILL(2;10)", .number(1024), true),
        ("=50%", .number(0.5), true),
        ("=1,5%", .number(0.015), true),
        ("=-2^2", .number(4), true),
        ("=DATUM(2025;3;31)", .number(45747), true),
        ("=ÅR(DATUM(2025;3;31))", .number(2025), true),
        ("=MÅNAD(45747)", .number(3), true),
        ("=DAG(45747)", .number(31), true),
        ("=SLUTMÅNAD(DATUM(2025;2;1);0)", .number(45716), true),
        ("=EDATUM(DATUM(2025;1;31);1)", .number(45716), true),
        ("=VÄLJ(2;\"a\";\"b\";\"c\")", .text("b"), true),
        ("=PASSA(3;{1\\2\\3};0)", .number(3), true),
        ("=LETARAD(2;{1\\\"a\";2\\\"b\"};2;FALSKT)", .text("b"), true),
        ("=SUMMA.OM({1\\2\\3};\">1\")", .number(5), true),
        ("=ANTAL.OM({1\\2\\3};\">1\")", .number(2), true),
        ("=PRODUKTSUMMA({1\\2};{3\\4})", .number(11), true),
        ("=FÖRDELA(10;{1;1;1};1)", .number(4), true),
        ("=STÖRSTA({1\\5\\3};1)", .number(5), true),
        ("=MINSTA({1\\5\\3};1)", .number(1), true),
        ("=TECKEN(-3)", .number(-1), true),
        ("=KVOT(7;2)", .number(3), true),
        ("=SGD(12;18)", .number(6), true),
        ("=MGM(4;6)", .number(12), true),
        ("=ÄRTAL(1,5)", .boolean(true), true),
        ("=ÄRTEXT(\"1,5\")", .boolean(true), true),
        ("=OMSAKNAS(#SAKNAS!;\"-\")", .text("-"), true),
        ("=VÄXLA(2;1;\"ett\";2;\"två\")", .text("två"), true),
        // English habits that are not ambiguous read the same in a Swedish session.
        ("=SUM(1;2)", .number(3), false),
        ("=SUMMA(A1,B1)", .number(3), false),
        ("=AVRUNDA(1.5;0)", .number(2), false),
        ("=ROUND(1.5,0)", .number(2), false),
        ("=summa(1;2)", .number(3), false),
    ]

    /// Text meeting arithmetic reads as numbers are typed in the workbook's locale, as Excel
    /// follows the regional settings it runs in.
    @Test func textInArithmeticReadsAsTheWorkbooksLocaleTypesNumbers() throws {
        let cells = ["A1": "=\"1 000\"+1", "A2": "=SUM(\"1 000\",1)", "A3": "=VALUE(\"12,5\")", "A4": "=\"1.5\"+0",
                     "A5": "=\"100 kr\"*2", "A6": "=\"10:30\"*24", "A7": "=ROUND(\"2,55\",1)"]
        let swedish = try makeWorkbook(cells)
        swedish.locale = .swedish
        swedish.recalculate()
        let references = ["A1", "A2", "A3", "A4", "A5", "A6", "A7"]
        #expect(try references.map { try swedish.value($0) } == [.number(1001), .number(1001), .number(12.5), .error(.value), .number(200), .number(10.5), .number(2.6)])
        let english = try makeWorkbook(cells)
        #expect(try references.map { try english.value($0) } == [.error(.value), .error(.value), .error(.value), .number(1.5), .error(.value), .number(10.5), .error(.value)])
    }

    @Test(arguments: cases)
    func aSwedishFormulaGivesSwedishExcelsValue(formula: String, expected: Expected, printsBack: Bool) throws {
        let workbook = try makeWorkbook(["A1": "1", "B1": "2"])
        let value = try workbook.evaluate(formula, locale: .swedish)
        #expect(expected.matches(value), "\(formula): \(value)")
        guard printsBack else { return }
        let expression = try FormulaParser.parse(formula, at: CellAddress(row: 99, column: 25), locale: .swedish)
        #expect(FormulaPrinter.formula(expression, at: CellAddress(row: 99, column: 25), locale: .swedish) == formula)
    }

    @Test(arguments: [
        ("=SUMMA(A1:A3;1,5)", "=SUM(A1:A3,1.5)"),
        ("=OM(A1>0;\"ja\";\"nej\")", "=IF(A1>0,\"ja\",\"nej\")"),
        ("=AVRUNDA(B2/3;0)", "=ROUND(B2/3,0)"),
        ("=LETARAD(A1;$B$1:$C$9;2;FALSKT)", "=VLOOKUP(A1,$B$1:$C$9,2,FALSE)"),
        ("={1\\2;3\\4}", "={1,2;3,4}"),
        ("=OMFEL(A1/B1;#SAKNAS!)", "=IFERROR(A1/B1,#N/A)"),
        ("=SUMMA.OMF(C:C;A:A;\"Gotland\";B:B;\">0\")", "=SUMIFS(C:C,A:A,\"Gotland\",B:B,\">0\")"),
        ("=FÖRDELA(Total;B2:B22)", "=ALLOCATE(Total,B2:B22)"),
    ])
    func theSameFormulaInSwedishAndEnglishIsOneFormula(swedish: String, english: String) throws {
        let host = CellAddress(row: 1, column: 5)
        let fromSwedish = try FormulaParser.parse(swedish, at: host, locale: .swedish)
        #expect(fromSwedish == (try FormulaParser.parse(english, at: host)))
        // Stored canonically, shown back in Swedish as typed.
        #expect(FormulaPrinter.formula(fromSwedish, at: host) == english)
        #expect(FormulaPrinter.formula(fromSwedish, at: host, locale: .swedish) == swedish)
    }

    @Test(arguments: [
        ("=AVRUNDA(1,5)", "'1,5' is a decimal comma in a Swedish formula, which leaves a function with the wrong number of arguments: write ';' between arguments (1;5)", 9),
        ("=AVRUNDA(B2/3,0)", "'3,0' is a decimal comma in a Swedish formula, which leaves a function with the wrong number of arguments: write ';' between arguments (3;0)", 12),
        ("=SUMMA(1;2", "expected ';' or ')' in the arguments of SUM, found the end of the formula", 10),
        ("=SUMMA({1\\2;3})", "the rows of the array have different lengths", 14),
    ])
    func aMistypedSwedishFormulaSaysWhatAndWhere(formula: String, message: String, offset: Int) {
        #expect { try FormulaParser.parse(formula, at: CellAddress(row: 0, column: 0), locale: .swedish) } throws: { error in
            guard let error = error as? FormulaSyntaxError else { return false }
            return error.message == message && error.offset == offset
        }
    }

    /// TEXT's format code as Swedish Excel writes it, stored canonically; a Swedish workbook's
    /// TEXT writes Swedish numbers.
    @Test(arguments: [
        ("=TEXT(1234567,5;\"# ##0,00\")", "=TEXT(1234567.5,\"#,##0.00\")", "1 234 567,50"),
        ("=TEXT(0,256;\"0,0%\")", "=TEXT(0.256,\"0.0%\")", "25,6%"),
        ("=TEXT(-B7;\"# ##0\")&\" kr\"", "=TEXT(-B7,\"#,##0\")&\" kr\"", "2 537 000 kr"),
        ("=TEXT(45747;\"yyyy-mm-dd\")", "=TEXT(45747,\"yyyy-mm-dd\")", "2025-03-31"),
        ("=TEXT(1,5;\"0,00 \"\"st,\"\"\")", "=TEXT(1.5,\"0.00 \"\"st,\"\"\")", "1,50 st,"),
    ])
    func textFormatCodesAreWrittenTheSwedishWay(swedish: String, canonical: String, value: String) throws {
        let host = CellAddress(row: 0, column: 5)
        let expression = try FormulaParser.parse(swedish, at: host, locale: .swedish)
        #expect(FormulaPrinter.formula(expression, at: host) == canonical)
        #expect(FormulaPrinter.formula(expression, at: host, locale: .swedish) == swedish)
        let workbook = try makeWorkbook(["B7": "-2537000"])
        workbook.locale = .swedish
        #expect(try workbook.evaluate(swedish, locale: .swedish) == .text(value))
    }

    @Test func everyFunctionHasOneSwedishNameAndNoneCollide() {
        let swedish = SpreadsheetLocale.swedish
        let canonical = Set(FunctionRegistry.names.map { FunctionName.canonical($0) })
        for name in FunctionRegistry.names where name != "FÖRDELA" {
            #expect(swedish.translatedFunctions.contains(name), "\(name) has no Swedish name")
        }
        var seen: [String: String] = [:]
        for english in swedish.translatedFunctions {
            let local = swedish.localName(ofFunction: english)
            #expect(seen[local] == nil, "\(local) names both \(english) and \(seen[local] ?? "")")
            seen[local] = english
            // A Swedish name that is another function's English name would change meaning.
            #expect(!canonical.contains(local) || local == english || swedish.canonicalName(ofFunction: local) == english, "\(local)")
            #expect(swedish.canonicalName(ofFunction: local) == english)
        }
    }
}
