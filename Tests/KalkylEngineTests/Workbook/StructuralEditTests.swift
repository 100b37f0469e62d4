import KalkylEngine
import Testing

/// Inserting and deleting rows and columns, by Excel's rules (see `StructuralShift`). Each
/// expected formula is what Excel shows after the same edit; each value is summed by hand.
struct StructuralEditTests {
    /// A1:A5 hold 1…5.
    static func numbers(_ extra: [String: String] = [:]) throws -> Workbook {
        var cells = extra
        for row in 1...5 { cells["A\(row)"] = "\(row)" }
        return try makeWorkbook(cells, sheets: ["Sheet1", "Sheet2"])
    }

    static func formula(_ workbook: Workbook, _ reference: String) throws -> String? {
        workbook.formulaText(at: try workbook.location(of: reference))
    }

    static let rowCases: [(formula: String, insertAt: Int32, count: Int32, movedTo: String, expected: String)] = [
        ("=SUM(A1:A5)", 3, 1, "C1", "=SUM(A1:A6)"),  // inside: the range grows
        ("=SUM(A1:A5)", 5, 2, "C1", "=SUM(A1:A7)"),  // at its last row: it grows
        ("=SUM(A1:A5)", 6, 1, "C1", "=SUM(A1:A5)"),  // below its last row: it does not
        ("=SUM(A2:A5)", 2, 1, "C1", "=SUM(A3:A6)"),  // at its first row: it moves
        ("=$A$5*2", 1, 1, "C2", "=$A$6*2"),          // absolute references move too
        ("=A$5+$A5", 1, 3, "C4", "=A$8+$A8"),
        ("=SUM(2:4)", 3, 1, "C1", "=SUM(2:5)"),      // whole rows
        ("=SUM(A:A)", 1, 1, "C2", "=SUM(A:A)"),      // whole columns stay
        ("=A1", 1, 1, "C2", "=A2"),                  // the formula and its cell move together
        ("=Sheet2!A1", 1, 1, "C2", "=Sheet2!A1"),    // another sheet does not move
    ]

    @Test(arguments: rowCases)
    func insertingRowsMovesReferencesAsExcelDoes(formula: String, insertAt: Int32, count: Int32, movedTo: String, expected: String) throws {
        let workbook = try Self.numbers(["C1": formula])
        let before = try workbook.value("C1")
        _ = try workbook.insertRows(at: insertAt - 1, count: count, inSheet: 0)
        #expect(try Self.formula(workbook, movedTo) == expected, "\(formula), \(count) rows at \(insertAt)")
        #expect(try workbook.value(movedTo) == before)
    }

    /// The formula is in C7.
    static let deleteCases: [(formula: String, deleteAt: Int32, count: Int32, movedTo: String, expected: String, value: Value)] = [
        ("=SUM(A1:A5)", 2, 2, "C5", "=SUM(A1:A3)", .number(1 + 4 + 5)),   // inside: it shrinks
        ("=SUM(A2:A5)", 1, 2, "C5", "=SUM(A1:A3)", .number(3 + 4 + 5)),   // over its first row
        ("=SUM(A1:A5)", 5, 1, "C6", "=SUM(A1:A4)", .number(10)),          // its last row
        ("=SUM(A2:A3)", 2, 2, "C5", "=SUM(#REF!)", .error(.reference)),   // all of it
        ("=A3+1", 3, 1, "C6", "=#REF!+1", .error(.reference)),            // a deleted cell
        ("=$A$5*2", 1, 1, "C6", "=$A$4*2", .number(10)),
        ("=SUM(2:4)", 3, 1, "C6", "=SUM(2:3)", .number(2 + 4)),
        ("=SUM(A1:A5)", 8, 1, "C7", "=SUM(A1:A5)", .number(15)),          // below: nothing moves
    ]

    @Test(arguments: deleteCases)
    func deletingRowsShrinksRangesAndBreaksDeletedCells(formula: String, deleteAt: Int32, count: Int32, movedTo: String, expected: String, value: Value) throws {
        let workbook = try Self.numbers(["C7": formula])
        _ = try workbook.deleteRows(at: deleteAt - 1, count: count, inSheet: 0)
        #expect(try Self.formula(workbook, movedTo) == expected, "\(formula), \(count) rows at \(deleteAt)")
        #expect(try workbook.value(movedTo) == value)
    }

    @Test func columnsMoveAsRowsDo() throws {
        let workbook = try makeWorkbook(["A1": "1", "B1": "2", "C1": "3", "A2": "=SUM(A1:C1)", "B2": "=$C$1", "C2": "=SUM(B:C)"])
        _ = try workbook.insertColumns(at: 1, count: 1, inSheet: 0)
        #expect(try ["A2", "C2", "D2"].map { try Self.formula(workbook, $0) } == ["=SUM(A1:D1)", "=$D$1", "=SUM(C:D)"])
        #expect(try workbook.value("A2") == .number(6))
        _ = try workbook.deleteColumns(at: 3, count: 1, inSheet: 0)  // D, which held the 3
        #expect(try ["A2", "C2"].map { try Self.formula(workbook, $0) } == ["=SUM(A1:C1)", "=#REF!"])
        #expect(try workbook.value("A2") == .number(3))
    }

    @Test func aFormulaOnAnotherSheetFollowsTheCellsItReads() throws {
        let workbook = try Self.numbers(["Sheet2!A1": "=Sheet1!A5*10", "Sheet2!B1": "=SUM(Sheet1!A1:A5)"])
        _ = try workbook.insertRows(at: 0, count: 2, inSheet: 0)
        #expect(try Self.formula(workbook, "Sheet2!A1") == "=Sheet1!A7*10")
        #expect(try Self.formula(workbook, "Sheet2!B1") == "=SUM(Sheet1!A3:A7)")
        // Rows inserted on Sheet2 move its cells, which still read Sheet1's.
        _ = try workbook.insertRows(at: 0, count: 1, inSheet: 1)
        #expect(try Self.formula(workbook, "Sheet2!A2") == "=Sheet1!A7*10")
        #expect(try workbook.value("Sheet2!A2") == .number(50))
    }

    @Test func definedNamesFollowTheirCells() throws {
        let workbook = try Self.numbers()
        try workbook.defineName("Sista", formula: "=Sheet1!$A$5")
        try workbook.defineName("Alla", formula: "=Sheet1!$A$1:$A$5")
        try workbook.set(.formula("=Sista+SUM(Alla)"), at: try workbook.location(of: "C1"))
        workbook.recalculate()
        let edit = try workbook.insertRows(at: 2, count: 1, inSheet: 0)
        #expect(workbook.names.map(\.formula).sorted() == ["=Sheet1!$A$1:$A$6", "=Sheet1!$A$6"])
        #expect(edit.rewrittenNames.count == 2)
        try workbook.set(.constant(.number(100)), at: try workbook.location(of: "A3"))
        workbook.recalculate()
        #expect(try workbook.value("C1") == .number(5 + 115))
    }

    @Test func aTableGrowsWithRowsInsertedInsideIt() throws {
        let workbook = try TableTests.workbook(totals: true)  // A1:D5, totals in row 5
        try workbook.set(.formula("=SUM(Tabell1[Belopp])"), at: try workbook.location(of: "F1"))
        workbook.recalculate()
        let edit = try workbook.insertRows(at: 3, count: 1, inSheet: 0)  // before Värmland
        #expect(workbook.table(named: "Tabell1")?.range == CellRange("A1:D6"))
        #expect(edit.resizedTables.map(\.new) == [CellRange("A1:D6")])
        try workbook.set(.constant(.number(250_000)), at: try workbook.location(of: "B4"))
        workbook.recalculate()
        #expect(try workbook.value("F1") == .number(4_000_000))
        // The totals row follows: SUBTOTAL over the Summa column, now D2:D5.
        #expect(try Self.formula(workbook, "D6") == "=SUBTOTAL(109,Tabell1[Summa])")
        #expect(throws: WorkbookError.self) { try workbook.deleteRows(at: 0, count: 2, inSheet: 0) }
        // All of it goes when all its rows do.
        _ = try workbook.deleteRows(at: 0, count: 6, inSheet: 0)
        #expect(workbook.tables.isEmpty)
    }

    @Test func aColumnInsertedInsideATableIsOneOfItsColumns() throws {
        let workbook = try TableTests.workbook(totals: false)
        _ = try workbook.insertColumns(at: 2, count: 1, inSheet: 0)  // before Moms
        #expect(workbook.table(named: "Tabell1")?.columns == ["Region", "Belopp", "Column1", "Moms", "Summa"])
        #expect(try workbook.value("D2") == .number(250_000))
    }

    @Test func aSpillMovesWithItsAnchor() throws {
        let workbook = try makeWorkbook(["A1": "=SEQUENCE(3)", "C1": "=SUM(A1#)"])
        _ = try workbook.insertRows(at: 0, count: 1, inSheet: 0)
        #expect(try Self.formula(workbook, "C2") == "=SUM(A2#)")
        #expect(try ["A2", "A3", "A4", "C2"].map(workbook.value) == [.number(1), .number(2), .number(3), .number(6)])
    }

    @Test func numberFormatsAndWidthsMove() throws {
        let workbook = try Self.numbers()
        workbook.updateLayout(ofSheet: 0) {
            $0.numberFormats = [(CellRange("A2:A5")!, "0.0%")]
            $0.columnWidths = [0: 12, 2: 20]
        }
        _ = try workbook.insertRows(at: 2, count: 1, inSheet: 0)
        #expect(workbook.sheets[0].numberFormats.map(\.range) == [CellRange("A2:A6")!])
        _ = try workbook.insertColumns(at: 1, count: 1, inSheet: 0)
        #expect(workbook.sheets[0].columnWidths == [0: 12, 3: 20])
        #expect(workbook.sheets[0].numberFormat(at: CellAddress("A6")!) == "0.0%")
    }

    @Test func anInsertionThatWouldPushCellsOffTheSheetIsRefused() throws {
        let workbook = try makeWorkbook(["A1048576": "last", "B1": "=A1048576"])
        #expect(throws: WorkbookError.self) { try workbook.insertRows(at: 0, count: 1, inSheet: 0) }
        #expect(try Self.formula(workbook, "B1") == "=A1048576")
        // Counts past the sheet are refused, not overflowed.
        #expect(throws: WorkbookError.self) { try workbook.insertColumns(at: 3, count: .max, inSheet: 0) }
        #expect(throws: WorkbookError.self) { try workbook.deleteRows(at: -1, count: 1, inSheet: 0) }
        #expect(throws: WorkbookError.self) { try workbook.deleteRows(at: 0, count: 1, inSheet: 7) }
    }

    @Test func restoringContentsPutsBackWhatADeletionRemoved() throws {
        let workbook = try Self.numbers(["C1": "=SUM(A1:A5)", "C2": "=A3"])
        let before = workbook.contents()
        _ = try workbook.deleteRows(at: 2, count: 1, inSheet: 0)
        #expect(try Self.formula(workbook, "C2") == "=#REF!")
        workbook.restore(before)
        #expect(try Self.formula(workbook, "C2") == "=A3")
        #expect(try workbook.value("C1") == .number(15))
        #expect(workbook.structuralShifts.isEmpty)
    }

    @Test func theEditSaysWhatMovedAndWhatChanged() throws {
        let workbook = try Self.numbers(["C1": "=SUM(A1:A5)", "C2": "=COUNT(A1:A5)"])
        let edit = try workbook.insertRows(at: 2, count: 1, inSheet: 0)
        #expect(edit.movedCells == 3)  // A3, A4, A5
        #expect(edit.rewrittenFormulas.map(\.new) == ["=SUM(A1:A6)", "=COUNT(A1:A6)"])
        #expect(edit.changes.isEmpty)  // an empty row counts nothing
        let deletion = try workbook.deleteRows(at: 0, count: 1, inSheet: 0)
        #expect(deletion.deletedCells == 2)  // A1 and C1
        #expect(deletion.changes.map(\.newValue) == [.number(4)])  // C1 (was C2): COUNT of A1:A5
    }
}
