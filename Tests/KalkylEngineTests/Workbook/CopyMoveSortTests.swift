import KalkylEngine
import Testing

/// Copy, move and sort, each as Excel does it with the same cells.
struct CopyMoveSortTests {
    func set(_ workbook: Workbook, _ inputs: [(CellLocation, CellInput)]) throws {
        try workbook.apply(inputs)
    }

    @Test func aCopiedFormulaIsTheSameRelativeToItsNewCell() throws {
        let workbook = try makeWorkbook(["A1": "1", "A2": "2", "A3": "3", "B1": "=A1*$A$1*10"])
        try set(workbook, try workbook.copyInputs(from: CellRange("B1")!, sheet: 0, to: CellRange("B2:B3")!, sheet: 0))
        #expect(workbook.formulaText(at: try workbook.location(of: "B3")) == "=A3*$A$1*10")
        #expect(try ["B1", "B2", "B3"].map(workbook.value) == [.number(10), .number(20), .number(30)])
        #expect(throws: WorkbookError.self) { try workbook.copyInputs(from: CellRange("A1:A2")!, sheet: 0, to: CellRange("C1:C3")!, sheet: 0) }
        // A whole sheet is 17 billion cells: refused at once, not allocated.
        #expect(throws: WorkbookError.self) { try workbook.copyInputs(from: CellRange("A1")!, sheet: 0, to: CellRange("A1:XFD1048576")!, sheet: 0) }
        #expect(throws: WorkbookError.self) { try workbook.sortInputs(CellRange("A1:XFD1048576")!, sheet: 0, by: [.init(column: 0)], locale: .english) }
    }

    @Test func movedCellsAreFollowedByTheFormulasThatReadThem() throws {
        let workbook = try makeWorkbook(["A1": "5", "A2": "7", "B1": "=A1+A2", "C1": "=SUM(A1:A2)", "D1": "=E1", "E1": "1"])
        let edit = try workbook.move(CellRange("A1:A2")!, inSheet: 0, to: CellAddress("E1")!)  // over E1
        #expect(try ["B1", "C1", "D1"].map { workbook.formulaText(at: try workbook.location(of: $0)) } == ["=E1+E2", "=SUM(E1:E2)", "=#REF!"])
        #expect(try workbook.value("C1") == .number(12))
        #expect(try workbook.value("A1") == .empty)
        #expect(edit.movedCells == 2 && edit.deletedCells == 1)
        // A moved formula keeps reading what it read.
        _ = try workbook.move(CellRange("B1")!, inSheet: 0, to: CellAddress("B10")!)
        #expect(workbook.formulaText(at: try workbook.location(of: "B10")) == "=E1+E2")
    }

    @Test func sortingMovesWholeRowsNumbersFirstEmptyLast() throws {
        let workbook = try makeWorkbook([
            "A1": "Örebro", "B1": "3", "C1": "=B1*2",
            "A2": "Ängelholm", "B2": "1", "C2": "=B2*2",
            "A3": "Zeta", "B3": "", "C3": "=B3*2",
            "A4": "alfa", "B4": "2", "C4": "=B4*2",
        ])
        try set(workbook, try workbook.sortInputs(CellRange("A1:C4")!, sheet: 0, by: [.init(column: 0)], locale: .swedish))
        #expect(try ["A1", "A2", "A3", "A4"].map(workbook.value) == [.text("alfa"), .text("Zeta"), .text("Ängelholm"), .text("Örebro")])
        #expect(workbook.formulaText(at: try workbook.location(of: "C4")) == "=B4*2")
        #expect(try workbook.value("C4") == .number(6))
        try set(workbook, try workbook.sortInputs(CellRange("A1:C4")!, sheet: 0, by: [.init(column: 1, descending: true)], locale: .swedish))
        // 3, 2, 1 and the empty one last, whichever the direction.
        #expect(try ["A1", "A2", "A3", "A4"].map(workbook.value) == [.text("Örebro"), .text("alfa"), .text("Ängelholm"), .text("Zeta")])
    }
}
