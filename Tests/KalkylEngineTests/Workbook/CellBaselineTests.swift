import PropertyBased
import Testing
import KalkylEngine

/// `changedRows` (the xlsx patcher's fast path: columns still shared skipped, only cells whose
/// stored bytes differ compared) names exactly the rows where `change(at:)`, asked of every
/// cell, finds a change: edits, cleared cells, recomputed values, a text replaced by another
/// text in its slot, and formulas compiled anew after a defined name was added.
struct CellBaselineTests {
    static let inputs: [String] = ["1", "2", "Stockholm", "Gotland", "TRUE", "", "=A1+1", "=B2*2", "=UPPER(C3)", "=SUM(A1:A5)", "=SEQUENCE(2)", "=\"x\"&A1"]

    @Test func changedRowsAreTheRowsOfChangedCells() async throws {
        let step = zip(Gen.int(in: 0...12), Gen.int(in: 0...4), Gen.int(in: 0...(Self.inputs.count - 1)))
        let input = zip(step.array(of: 0...25), step.array(of: 0...6), Gen.bool)
        await propertyCheck(count: 300, input: input) { before, edits, addsName in
            let workbook = Workbook()
            try workbook.addSheet(named: "S")
            func apply(_ steps: [(Int, Int, Int)]) throws {
                for (row, column, input) in steps {
                    try workbook.set(.typed(Self.inputs[input]), at: CellLocation(sheet: 0, address: CellAddress(row: Int32(row), column: Int32(column))))
                }
                workbook.recalculate()
            }
            try apply(before)
            let baseline = workbook.baseline()
            if addsName { try workbook.defineName("Andel", formula: "=S!$A$1") }
            try apply(edits)
            var comparison = workbook.comparison(with: baseline)
            var expected: Set<Int32> = []
            for row in 0..<16 {
                for column in 0..<6 where comparison.change(at: CellLocation(sheet: 0, address: CellAddress(row: Int32(row), column: Int32(column)))) != .none {
                    expected.insert(Int32(row))
                }
            }
            #expect(comparison.changedRows(sheet: 0) == expected)
        }
    }
}
