import Testing
@testable import KalkylEngine

/// The full calculation after loading computes each formula after the formulas it reads,
/// whatever their order in storage, and leaves cycles to the general recalculation.
struct FullCalculationTests {
    /// A workbook with the inputs set but nothing calculated yet.
    private func uncalculated(_ cells: [String: String], sheets: [String] = ["Sheet1"]) throws -> Workbook {
        let workbook = Workbook()
        for name in sheets { try workbook.addSheet(named: name) }
        for (reference, input) in cells { try workbook.set(.typed(input), at: try workbook.location(of: reference)) }
        return workbook
    }

    @Test func formulasReadingCellsLaterInStorageWaitForThem() throws {
        // Columns are stored left to right: B1 and A1 read columns C and D, computed after them.
        let workbook = try uncalculated([
            "A1": "=B1+Other!A1", "B1": "=SUM(C1:C3)",
            "C1": "=D1*2", "C2": "=D2*2", "C3": "=D3*2",
            "D1": "1", "D2": "2", "D3": "=D2+1",
            "Other!A1": "=Sheet1!D3*100",
        ], sheets: ["Sheet1", "Other"])
        let result = try #require(FullCalculation.run(workbook))
        #expect(result.recomputedCount == 7)
        #expect(try workbook.value("C3") == .number(6))
        #expect(try workbook.value("B1") == .number(12))   // 2 + 4 + 6
        #expect(try workbook.value("A1") == .number(312))  // 12 + 300
    }

    @Test func dynamicReferencesWaitForTheCellsTheyRead() throws {
        // OFFSET and INDIRECT name their cells only when they run.
        let workbook = try uncalculated([
            "A1": "=OFFSET(C1,1,0)*10", "A2": "=INDIRECT(\"C\"&3)+A1",
            "C2": "=D2+1", "C3": "=C2*C2", "D2": "4",
        ])
        #expect(FullCalculation.run(workbook) != nil)
        #expect(try workbook.value("A1") == .number(50))
        #expect(try workbook.value("A2") == .number(75))  // 25 + 50
    }

    @Test func aChainRunningUpTheColumnNeedsNoDeepStack() throws {
        // A1=A2+1 … A999999=A1000000+1, A1000000=1: the first cell waits for the whole column.
        let workbook = Workbook()
        try workbook.addSheet(named: "Chain")
        let n = 1_000_000
        try workbook.set(.constant(.number(1)), at: CellLocation(sheet: 0, address: CellAddress(row: Int32(n - 1), column: 0)))
        let expression = try FormulaParser.parse("=A2+1", at: CellAddress(row: 0, column: 0))
        for row in 0..<(n - 1) {
            workbook.set(expression: expression, at: CellLocation(sheet: 0, address: CellAddress(row: Int32(row), column: 0)))
        }
        let result = try #require(FullCalculation.run(workbook))
        #expect(result.recomputedCount == n - 1)
        #expect(try workbook.value("A1") == .number(Double(n)))
    }

    @Test func aCycleIsLeftToTheGeneralRecalculation() throws {
        let workbook = try uncalculated(["A1": "=B1+1", "B1": "=A1+1", "C1": "5", "D1": "=C1*2", "E1": "=A1"])
        #expect(FullCalculation.run(workbook) == nil)
        let result = workbook.recalculateAll()
        #expect(try workbook.value("A1") == .error(.cycle))
        #expect(try workbook.value("B1") == .error(.cycle))
        #expect(try workbook.value("E1") == .error(.cycle))
        #expect(try workbook.value("D1") == .number(10))
        #expect(result.cycles.count == 1)
    }
}
