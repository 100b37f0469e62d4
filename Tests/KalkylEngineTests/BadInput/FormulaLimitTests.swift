import Testing
import KalkylEngine

/// Formulas at and past Excel's limits: at the limit they work, past it they are a syntax error
/// at the position, never a crash (each of these overflowed the stack or memory before).
struct FormulaLimitTests {
    private func syntaxError(_ text: String) -> FormulaSyntaxError? {
        do {
            _ = try FormulaParser.parse(text, at: CellAddress(row: 0, column: 0))
            return nil
        } catch {
            return error
        }
    }

    @Test func textLongerThan8192CharactersIsAnError() throws {
        let long = "=1" + String(repeating: "+1", count: 5_000)  // 10 002 characters
        let error = try #require(syntaxError(long))
        #expect(error.message == "the formula is longer than Excel's limit of 8 192 characters")
        #expect(error.offset == 8_192)
        // A 20 MB line is refused before it is lexed.
        #expect(syntaxError("=" + String(repeating: "1", count: 20_000_000)) != nil)
    }

    @Test func formulasAtTheLengthLimitWork() throws {
        // 4 096 terms, 8 191 characters after '=': a left-deep tree 4 095 operators deep.
        #expect(try evaluate("=1" + String(repeating: "+1", count: 4_095)) == .number(4_096))
        #expect(try evaluate("=2" + String(repeating: "^1", count: 4_095)) == .number(2))
        #expect(try evaluate("=100" + String(repeating: "%", count: 8_000)) == .number(0))
        let concatenation = "=\"a\"" + String(repeating: "&\"a\"", count: 2_000)
        #expect(try evaluate("=LEN(" + concatenation.dropFirst() + ")") == .number(2_001))
    }

    @Test func nestingIsLimited() throws {
        let deep = "=" + String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300)
        let error = try #require(syntaxError(deep))
        #expect(error.message == "the formula is nested more than 256 levels deep")
        #expect(error.offset == 257)  // the 257th '('
        #expect(try evaluate("=" + String(repeating: "(", count: 256) + "1" + String(repeating: ")", count: 256)) == .number(1))
        #expect(try evaluate("=" + String(repeating: "-", count: 256) + "1") == .number(1))
        #expect(syntaxError("=" + String(repeating: "-", count: 5_000) + "1")?.message == "the formula is nested more than 256 levels deep")
    }

    @Test func functionsNestAt64Levels() throws {
        #expect(try evaluate("=" + String(repeating: "SUM(", count: 64) + "1" + String(repeating: ")", count: 64)) == .number(1))
        let error = try #require(syntaxError("=" + String(repeating: "SUM(", count: 65) + "1" + String(repeating: ")", count: 65)))
        #expect(error.message == "functions are nested more than Excel's limit of 64 levels")
        #expect(error.offset == 64 * 4 + 1)  // the 65th SUM
    }

    @Test func aFunctionTakesAtMost255Arguments() throws {
        #expect(try evaluate("=SUM(" + Array(repeating: "1", count: 255).joined(separator: ",") + ")") == .number(255))
        #expect(syntaxError("=SUM(" + Array(repeating: "1", count: 256).joined(separator: ",") + ")")?.message == "SUM has more than Excel's limit of 255 arguments")
    }

    @Test func aTooLongFormulaIsRefusedByTheWorkbookWithItsCell() throws {
        let workbook = try makeWorkbook(["A1": "1"])
        let long = "=" + String(repeating: "A1+", count: 3_000) + "1"
        #expect(throws: WorkbookError.self) { try workbook.set(.typed(long), at: try workbook.location(of: "B1")) }
        #expect(try workbook.value("B1") == .empty)
        do {
            try workbook.set(.typed(long), at: try workbook.location(of: "B1"))
        } catch {
            // The message quotes the formula's beginning and its length, not 9 000 characters.
            #expect("\(error)".count < 200, "\(error)")
            #expect("\(error)".hasSuffix("… (9002 characters)"), "\(error)")
        }
    }
}
