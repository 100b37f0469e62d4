import PropertyBased
import Testing
import KalkylEngine

/// Inserting rows or columns and then deleting the same ones gives back every formula's text
/// and every value, wherever the insertion falls: before, inside, at the edges of or after
/// the ranges the formulas read, on their own sheet or another.
struct StructuralEditPropertyTests {
    static let inputs = [
        "1", "2", "-3", "7.5", "text", "TRUE",
        "=A1+1", "=B2*2", "=$C$3-A1", "=D4/B$1", "=SUM(A1:B2)", "=SUM($A$1:A4)", "=SUM(A:A)", "=SUM(2:3)",
        "=IF(A1>2,B2,C3)", "=COUNT(A1:D4)", "=INDEX(A1:D4,2,2)", "=VLOOKUP(A1,A1:D4,2,FALSE)",
        "=Other!B2+1", "=SUM(Other!A1:C3)", "=SEQUENCE(2)", "=SUM(B1#)", "=Total*2",
    ]

    @Test func insertingThenDeletingTheSameRowsOrColumnsRestoresEverything() async {
        let cell = zip(Gen.int(in: 0...1), Gen.int(in: 0...15), Gen.int(in: 0...(Self.inputs.count - 1)))
        let shift = zip(Gen.int(in: 0...1), Gen.bool, Gen.int(in: 0...5), Gen.int(in: 1...3))
        await propertyCheck(count: 300, input: zip(cell.array(of: 1...24), shift)) { cells, shift in
            let workbook = Workbook()
            _ = try? workbook.addSheet(named: "Main")
            _ = try? workbook.addSheet(named: "Other")
            try? workbook.defineName("Total", formula: "=Main!$A$1:$B$3")
            for (sheet, index, input) in cells {
                try? workbook.set(.typed(Self.inputs[input]), at: CellLocation(sheet: sheet, address: CellAddress(row: index / 4, column: index % 4)))
            }
            workbook.recalculate()
            let before = snapshot(workbook)
            let (sheet, rows, start, count) = shift
            let inserted = StructuralShift(sheet: sheet, axis: rows ? .rows : .columns, start: Int32(start), count: Int32(count), isInsertion: true)
            do {
                _ = try workbook.apply(inserted)
                _ = try workbook.apply(inserted.inverse)
            } catch {
                Issue.record("\(error)")
                return
            }
            let after = snapshot(workbook)
            #expect(after == before, "\(inserted.description) in sheet \(sheet) of \(cells.map { "\($0.0)/\($0.1)=\(Self.inputs[$0.2])" })")
            #expect(workbook.names.map(\.formula) == ["=Main!$A$1:$B$3"])
        }
    }

    /// Every used cell's formula text and value, by sheet and address.
    func snapshot(_ workbook: Workbook) -> [String] {
        workbook.sheets.indices.flatMap { s in
            workbook.cells(inSheet: s).map { "\(s)!\($0.address) \(workbook.formulaText(at: CellLocation(sheet: s, address: $0.address)) ?? "") \($0.value)" }
        }
    }
}
