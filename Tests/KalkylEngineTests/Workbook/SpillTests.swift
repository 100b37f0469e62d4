import KalkylEngine
import Testing

/// Excel 365's dynamic arrays: an array result spills from its formula's cell; cells in the
/// way make #SPILL!; formulas that read spilled cells (or `A1#`) follow the spill as it changes.
struct SpillTests {
    private func values(_ workbook: Workbook, _ references: [String]) throws -> [Value] {
        try references.map { try workbook.value($0) }
    }

    private func set(_ workbook: Workbook, _ reference: String, _ input: String) throws -> RecalculationResult {
        try workbook.set(.typed(input), at: workbook.location(of: reference))
        return workbook.recalculate()
    }

    @Test func anArrayResultSpillsBelowAndToTheRight() throws {
        let workbook = try makeWorkbook(["A1": "1", "A2": "2", "A3": "3", "B1": "10", "B2": "20", "B3": "30", "D1": "=A1:B3*2"])
        #expect(try values(workbook, ["D1", "E1", "D2", "E2", "D3", "E3"]) == [2, 20, 4, 40, 6, 60].map { .number($0) })
        // The covered cells hold no input of their own.
        #expect(workbook.input(at: try workbook.location(of: "E3")) == .constant(.empty))
        #expect(workbook.spill(at: try workbook.location(of: "D1"))?.area == CellRange("D1:E3"))
        #expect(workbook.spillAnchor(covering: try workbook.location(of: "E2")) == (try workbook.location(of: "D1")))
        // An empty cell in the result spills as 0, as `=A1` shows an empty A1.
        let empty = try makeWorkbook(["A1": "1", "A3": "3", "C1": "=A1:A3"])
        #expect(try values(empty, ["C1", "C2", "C3"]) == [.number(1), .number(0), .number(3)])
    }

    @Test func aCellInTheWayBlocksTheSpillUntilItIsCleared() throws {
        let workbook = try makeWorkbook(["A1": "1", "A2": "2", "A3": "3", "C1": "=A1:A3", "C3": "x"])
        #expect(try workbook.value("C1") == .error(.spill))
        #expect(try workbook.value("C2") == .empty)
        #expect(workbook.cellsBlocking(spillAt: try workbook.location(of: "C1")) == [try workbook.location(of: "C3")])
        let cleared = try set(workbook, "C3", "")
        #expect(try values(workbook, ["C1", "C2", "C3"]) == [1, 2, 3].map { .number($0) })
        #expect(cleared.changes.map { workbook.name(of: $0.location) } == ["Sheet1!C1", "Sheet1!C2", "Sheet1!C3"])
        // Typing into a spilled cell blocks the spill again; the other cells are emptied.
        let typed = try set(workbook, "C2", "7")
        #expect(try values(workbook, ["C1", "C2", "C3"]) == [.error(.spill), .number(7), .empty])
        #expect(typed.changes.count == 3)
        // A spill that would leave the sheet is blocked too.
        let bottom = try makeWorkbook(["A1": "1", "A2": "2", "A1048576": "=A1:A2"])
        #expect(try bottom.value("A1048576") == .error(.spill))
    }

    @Test func formulasReadingSpilledCellsFollowTheSpill() throws {
        let workbook = try makeWorkbook(["A1": "1", "A2": "2", "A3": "3", "B1": "3", "C1": "=A1:INDEX(A1:A9,B1)*10",
                                         "E1": "=C3+1", "E2": "=C5", "E3": "=SUM(C1#)", "E4": "=ROWS(C1#)"])
        #expect(try values(workbook, ["E1", "E2", "E3", "E4"]) == [31, 0, 60, 3].map { .number($0) })
        let edit = try set(workbook, "A3", "4")
        #expect(try values(workbook, ["C3", "E1", "E3"]) == [40, 41, 70].map { .number($0) })
        #expect(edit.changes.map { workbook.name(of: $0.location) } == ["Sheet1!E1", "Sheet1!A3", "Sheet1!C3", "Sheet1!E3"])
        // The spill grows: the cells it covers now reach their readers, and C1# is larger.
        try workbook.set(.typed("5"), at: workbook.location(of: "A5"))
        let grown = try set(workbook, "B1", "5")
        #expect(try values(workbook, ["C4", "C5", "E2", "E3", "E4"]) == [0, 50, 50, 120, 5].map { .number($0) })
        #expect(grown.changes.contains { workbook.name(of: $0.location) == "Sheet1!C5" && $0.oldValue == .empty && $0.newValue == .number(50) })
        // It shrinks: the cells it leaves are empty again.
        _ = try set(workbook, "B1", "2")
        #expect(try values(workbook, ["C2", "C3", "C5", "E1", "E2", "E4"]) == [.number(20), .empty, .empty, .number(1), .number(0), .number(2)])
        // The anchor loses its formula: the spill goes with it.
        _ = try set(workbook, "C1", "9")
        #expect(try values(workbook, ["C1", "C2", "E3", "E4"]) == [.number(9), .empty, .error(.reference), .error(.reference)])
    }

    @Test func aFullCalculationComputesReadersOfSpillsAfterTheirAnchors() throws {
        // E1 comes before the anchor G1 in the order a full calculation visits cells.
        let workbook = try makeWorkbook(["A1": "1", "A2": "2", "E1": "=G2*100", "G1": "=A1:A2+1"])
        #expect(try workbook.value("E1") == .number(300))
        workbook.recalculateAll()
        #expect(try workbook.value("E1") == .number(300))
    }

    @Test func theAtOperatorTakesOneValue() throws {
        let workbook = try makeWorkbook(["A1": "1", "A2": "2", "A3": "3", "C2": "=@A1:A3", "C5": "=@A1:A3", "D1": "=@{7,8}",
                                         "E2": "=SINGLE(A1:A3)*2", "F1": "=ROW(@A2:A3)"])
        #expect(try values(workbook, ["C2", "C5", "D1", "E2", "F1"]) == [.number(2), .error(.value), .number(7), .number(4), .error(.value)])
        #expect(workbook.formulaText(at: try workbook.location(of: "E2")) == "=@A1:A3*2")
        #expect(workbook.formulaText(at: try workbook.location(of: "C2")) == "=@A1:A3")
        #expect(try workbook.value("D2") == .empty)  // @ keeps it from spilling
    }

    @Test func theOperatorsCanBeTypedAsTheirFunctions() throws {
        // As xlsx files store them: ANCHORARRAY(A1) is A1#, SINGLE(x) is @x.
        let workbook = try makeWorkbook(["A1": "=SEQUENCE(3)", "B1": "=SUM(ANCHORARRAY(A1))", "B2": "=ROWS(ANCHORARRAY(A1))",
                                         "B3": "=ANCHORARRAY(B1)", "C1": "=SINGLE({5,6})", "C2": "=SINGLE(\"x\")",
                                         "C3": "=SINGLE(A1:A3)+SINGLE(A1:A3)"])
        #expect(try values(workbook, ["B1", "B2", "B3", "C1", "C2", "C3"]) == [.number(6), .number(3), .error(.reference), .number(5), .text("x"), .number(6)])
    }

    @Test func aSpillReferenceNeedsASpill() throws {
        let workbook = try makeWorkbook(["A1": "5", "B1": "=SUM(A1#)", "C1": "=A1:A2", "C2": "x", "D1": "=SUM(C1#)"])
        #expect(try workbook.value("B1") == .error(.reference))
        #expect(try workbook.value("D1") == .error(.spill))
        #expect(workbook.formulaText(at: try workbook.location(of: "D1")) == "=SUM(C1#)")
    }

    @Test func aSpillOverItsOwnReaderIsACycle() throws {
        let workbook = try makeWorkbook(["A1": "1", "A2": "2", "A3": "3", "C1": "=A1:A3+C3"])
        #expect(try workbook.value("C1") == .error(.cycle))
    }
}
