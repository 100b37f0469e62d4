import Testing
import KalkylEngine

/// A cycle through thousands of cells is reported by its ends, not as a line of megabytes.
struct LongCycleTests {
    @Test func aLongCycleIsDescribedByItsFirstAndLastSteps() throws {
        var cells: [String: String] = [:]
        for row in 1...1_000 { cells["A\(row)"] = "=A\(row % 1_000 + 1)+1" }
        let workbook = try makeWorkbook(cells)
        let result = workbook.recalculateAll()
        let cycle = try #require(result.cycles.first)
        #expect(cycle.count == 1_001)  // A1 → … → A1
        let text = workbook.describe(cycle: cycle)
        #expect(text.hasPrefix("Sheet1!A1 → Sheet1!A1000 → Sheet1!A999 → "))  // the path runs from a cell to the cell that reads it
        #expect(text.contains(" → … 989 more … → "))
        #expect(text.hasSuffix(" → Sheet1!A2 → Sheet1!A1"))
        #expect(text.split(separator: "→").count == 12 + 1)
        // A short one is written whole.
        let short = try makeWorkbook(["A1": "=B1", "B1": "=A1"])
        let small = try #require(short.recalculateAll().cycles.first)
        #expect(short.describe(cycle: small) == "Sheet1!A1 → Sheet1!B1 → Sheet1!A1")
    }
}
