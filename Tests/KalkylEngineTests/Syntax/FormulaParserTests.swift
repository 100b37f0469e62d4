import Testing
@testable import KalkylEngine

/// Parsing and printing formulas: precedence, references, and errors with positions.
struct FormulaParserTests {
    private let b2 = CellAddress(row: 1, column: 1)

    /// Parses at B2 and prints back: the canonical text of a formula.
    private func roundTrip(_ text: String) throws -> String {
        FormulaPrinter.formula(try FormulaParser.parse(text, at: b2), at: b2)
    }

    @Test(arguments: [
        ("=1+2*3", 7.0), ("=(1+2)*3", 9), ("=2^3^2", 64), ("=-2^2", 4), ("=0-2^2", -4), ("=2^-2", 0.25),
        ("=-2^-2", 0.25), ("=10/4", 2.5), ("=7-3-2", 2), ("=7/2*2", 7), ("=2*3%", 0.06), ("=5%^2", 0.0025),
        ("=200*10%%", 0.2), ("=1e6", 1_000_000), ("=.5+1", 1.5), ("=--2", 2), ("=+-+3", -3),
    ])
    func precedence(formula: String, expected: Double) throws {
        #expect(try evaluate(formula).isClose(to: expected))
    }

    @Test func comparisonAndConcatenationBindLoosest() throws {
        #expect(try evaluate(#"=1+1=2"#) == .boolean(true))
        #expect(try evaluate(#"="a"&1+1"#) == .text("a2"))
        #expect(try evaluate(#"=1&2=12"#) == .boolean(false))  // "12" (text) = 12 (number) is FALSE
        #expect(try evaluate(#"=2<>3"#) == .boolean(true))
    }

    @Test(arguments: [
        "=A1", "=$A$1", "=A$1", "=$A1", "=SUM(A1:B3)", "=SUM(A:A)", "=SUM($A:$C)", "=SUM(1:1)", "=SUM($2:$5)",
        "=Sheet2!A1", "='Sheet name with space'!A1:B2", "=Fördelning!B2", "='It''s'!A1", "=SUM(A1:A5 A3:A8)",
        "=Total*2", #"="say ""hi"""&A1"#, "={1,2;3,4}", "={-1,\"a\",TRUE,#N/A}", "=IF(A1,,2)", "=RANK.EQ(A1,B1:B9)",
        "=#REF!+1", "=A1:INDEX(B:B,3)", "=-A1%", "=(1+2)*3",
    ])
    func printsBackAsWritten(formula: String) throws {
        #expect(try roundTrip(formula) == formula)
    }

    @Test func normalisesCaseAndSpacing() throws {
        #expect(try roundTrip("= sum( a1 : b2 ) + true") == "=SUM(A1:B2)+TRUE")
        #expect(try roundTrip("=_xlfn.XLOOKUP(1,A:A,B:B)") == "=XLOOKUP(1,A:A,B:B)")
        #expect(try roundTrip("=sheet2!a1") == "=sheet2!A1")
    }

    @Test func relativeReferencesAreStoredAsOffsets() throws {
        // The same formula filled down from B2 to B3 is one expression.
        let inB2 = try FormulaParser.parse("=A2*2", at: CellAddress(row: 1, column: 1))
        let inB3 = try FormulaParser.parse("=A3*2", at: CellAddress(row: 2, column: 1))
        #expect(inB2 == inB3)
        #expect(FormulaPrinter.formula(inB2, at: CellAddress(row: 9, column: 1)) == "=A10*2")
        let absolute = try FormulaParser.parse("=$A$2*2", at: CellAddress(row: 1, column: 1))
        #expect(FormulaPrinter.formula(absolute, at: CellAddress(row: 9, column: 1)) == "=$A$2*2")
    }

    @Test func referencesThatFallOffTheSheetPrintAsRefError() throws {
        let expression = try FormulaParser.parse("=A1", at: CellAddress(row: 5, column: 5))
        #expect(FormulaPrinter.formula(expression, at: CellAddress(row: 0, column: 0)) == "=#REF!")
    }

    @Test(arguments: [
        ("=1+", "expected a value, reference or function, found the end of the formula", 3),
        ("=SUM(1,2", "expected ',' or ')' in the arguments of SUM, found the end of the formula", 8),
        ("=(1+2", "expected ')', found the end of the formula", 5),
        ("=\"abc", "text has no closing quote", 1),
        ("=1 2", "expected an operator or the end of the formula, found '2'", 3),
        ("={1,2;3}", "the rows of the array have different lengths", 8),
        ("=A1 ?", "unexpected character '?'", 4),
        ("=", "the formula is empty", 1),
        ("=#FOO!", "unknown error value", 1),
        ("='Sheet 1'A1", "expected '!' after the quoted sheet name", 10),
    ])
    func syntaxErrorsSayWhatAndWhere(formula: String, message: String, offset: Int) {
        #expect(throws: FormulaSyntaxError(message, at: offset)) {
            try FormulaParser.parse(formula, at: CellAddress(row: 0, column: 0))
        }
    }

    @Test func sheetNamesAreQuotedOnlyWhenNeeded() {
        #expect(SheetName.quotedIfNeeded("Fördelning") == "Fördelning")
        #expect(SheetName.quotedIfNeeded("My Data") == "'My Data'")
        #expect(SheetName.quotedIfNeeded("A1") == "'A1'")
        #expect(SheetName.quotedIfNeeded("2023") == "'2023'")
        #expect(SheetName.quotedIfNeeded("It's") == "'It''s'")
    }
}
