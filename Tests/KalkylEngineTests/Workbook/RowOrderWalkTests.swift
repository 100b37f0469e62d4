import PropertyBased
import Testing
import KalkylEngine

/// `forEachCellByRow` walks a sheet row by row without sorting (the writers' fast path): it
/// must give the cells, values and formulas of the column-by-column walk sorted by address,
/// whatever the columns' heights, gaps, cleared cells and spills; and `tally` counts them.
struct RowOrderWalkTests {
    static let inputs: [String] = ["1", "-2.5", "text", "TRUE", "#N/A", "=A1+1", "=SEQUENCE(3)", "=SEQUENCE(1,2)", "", "=\"\""]

    @Test func theRowWalkIsTheColumnWalkSorted() async throws {
        let step = zip(Gen.int(in: 0...40), Gen.int(in: 0...9), Gen.int(in: 0...(Self.inputs.count - 1)))
        await propertyCheck(count: 300, input: step.array(of: 0...50)) { steps in
            let workbook = Workbook()
            try workbook.addSheet(named: "Sheet1")
            for (row, column, input) in steps {
                // A few tall columns and many short ones: rows far down only in columns 0 and 7.
                let r = column == 0 || column == 7 ? row * 25 : row
                try workbook.set(.typed(Self.inputs[input]), at: CellLocation(sheet: 0, address: CellAddress(row: Int32(r), column: Int32(column))))
            }
            // Before the calculation too: formula cells then have no value yet.
            for calculated in [false, true] {
                if calculated { workbook.recalculate() }
                var byColumn: [(CellAddress, Value, CompiledFormula?)] = []
                workbook.forEachCell(inSheet: 0) { byColumn.append(($0, $1, $2)) }
                byColumn.sort { $0.0 < $1.0 }
                var byRow: [(CellAddress, Value, CompiledFormula?)] = []
                workbook.forEachCellByRow(inSheet: 0) { byRow.append(($0, $1, $2)) }
                #expect(byRow.map(\.0) == byColumn.map(\.0))
                #expect(byRow.map(\.1) == byColumn.map(\.1))
                #expect(zip(byRow, byColumn).allSatisfy { $0.2 === $1.2 })
                // The tally (check's one pass) counts what the walk gives, and gives the cells
                // whose value is no number.
                var others: [(CellAddress, Value, Bool)] = []
                let counts = workbook.tally(inSheet: 0) { others.append(($0, $1, $2)) }
                #expect(counts.cells == byColumn.count)
                #expect(counts.formulas == byColumn.filter { $0.2 != nil }.count)
                let expected = byColumn.filter { if case .number = $0.1 { false } else if case .empty = $0.1 { false } else { true } }
                others.sort { $0.0 < $1.0 }
                #expect(others.map(\.0) == expected.map(\.0))
                #expect(others.map(\.1) == expected.map(\.1))
                #expect(others.map(\.2) == expected.map { $0.2 != nil })
            }
        }
    }
}
