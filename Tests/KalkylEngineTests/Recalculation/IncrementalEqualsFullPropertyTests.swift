import PropertyBased
import Testing
@testable import KalkylEngine

/// After any sequence of edits, the values that incremental recalculation keeps are the ones
/// a workbook built from the final inputs computes from scratch; and a workbook loaded in bulk,
/// whose graph is built only when first needed, edits as one built cell by cell.
struct IncrementalEqualsFullPropertyTests {
    /// A 4×4 grid, A1:D4.
    static let cells = (0..<16).map { CellAddress(row: $0 / 4, column: $0 % 4) }

    /// Inputs mixing constants, single references, ranges, conditions, lookups and dynamic
    /// references; some edits make cycles, and later edits may break them.
    static let inputs = [
        "1", "2", "-3", "7.5", "", "text", "TRUE",
        "=A1+1", "=B2*2", "=C3-A1", "=D4/B1", "=A1+B1+C1", "=SUM(A1:B2)", "=SUM($A$1:A4)", "=SUM(A:A)",
        "=IF(A1>2,B2,C3)", "=MAX(A1:D1)", "=COUNT(A1:D4)", "=AVERAGE(B1:B4)", "=ROUND(C2/3,2)",
        "=VLOOKUP(A1,A1:D4,2,FALSE)", "=INDEX(A1:D4,2,2)", "=OFFSET(A1,1,1)", "=INDIRECT(\"C\"&2)",
        "=SUMIF(A1:A4,\">1\",B1:B4)", "=D1&\"x\"", "=IFERROR(1/A2,0)", "=A2", "=B3+C4",
        // Spills, which grow, shrink, block and displace each other as the grid changes.
        "=A1:A2", "=SEQUENCE(2,2)", "=B1:C1*2", "=SORT(A1:A3)", "=SUM(A1#)", "=ROWS(B2#)", "=@A1:A4",
        "=FILTER(A1:A4,A1:A4>1)", "=SEQUENCE(MAX(1,MIN(3,A1)))", "=IF(A1>1,B1:B2,0)", "=LET(x,A1:A2,x+1)",
    ]

    @Test func incrementalRecalculationMatchesAFreshCalculation() async {
        let edit = zip(Gen.int(in: 0...15), Gen.int(in: 0...(Self.inputs.count - 1)))
        await propertyCheck(count: 500, input: edit.array(of: 1...30)) { edits in
            let incremental = Workbook()
            _ = try? incremental.addSheet(named: "S")
            var finalInputs: [CellAddress: String] = [:]
            for (cell, input) in edits {
                let address = Self.cells[cell]
                try? incremental.set(.typed(Self.inputs[input]), at: CellLocation(sheet: 0, address: address))
                incremental.recalculate()
                finalInputs[address] = Self.inputs[input]
            }
            let fresh = Workbook()
            _ = try? fresh.addSheet(named: "S")
            for (address, input) in finalInputs.sorted(by: { $0.key < $1.key }) {
                try? fresh.set(.typed(input), at: CellLocation(sheet: 0, address: address))
            }
            fresh.recalculateAll()
            // Where a cycle runs through a spill, which cells it reaches depends on the order
            // the cells were computed in (a spill's dependents are known only once it spilled),
            // in Excel too; such workbooks are left out.
            let locations = Self.cells.map { CellLocation(sheet: 0, address: $0) }
            if locations.contains(where: { fresh.value(at: $0) == .error(.cycle) })
                && locations.contains(where: { fresh.spill(at: $0) != nil || incremental.spill(at: $0) != nil }) { return }
            for address in Self.cells {
                let location = CellLocation(sheet: 0, address: address)
                #expect(incremental.value(at: location) == fresh.value(at: location),
                        "\(address) after edits \(edits.map { "\(Self.cells[$0.0])=\(Self.inputs[$0.1])" })")
            }
        }
    }

    @Test func aWorkbookLoadedInBulkEditsAsOneBuiltCellByCell() async {
        let edit = zip(Gen.int(in: 0...15), Gen.int(in: 0...(Self.inputs.count - 1)))
        // Now and then a sheet is added too, which recompiles every formula: the graph is
        // built again at its next use, spills and all.
        let step = zip(Gen.int(in: 0...15), Gen.int(in: 0...(Self.inputs.count - 1)), Gen.int(in: 0...4))
        await propertyCheck(count: 300, input: zip(edit.array(of: 0...16), step.array(of: 0...8))) { initial, edits in
            // `twin` is built cell by cell and then edited as `loaded` is, its graph kept up
            // edit by edit (until a new sheet makes it build the graph anew too).
            let loaded = Workbook(), twin = Workbook()
            _ = try? loaded.addSheet(named: "S")
            _ = try? twin.addSheet(named: "S")
            var inputs: [CellAddress: String] = [:], sheets = ["S"]
            loaded.load {
                for (cell, input) in initial {
                    try? loaded.set(.typed(Self.inputs[input]), at: CellLocation(sheet: 0, address: Self.cells[cell]))
                    inputs[Self.cells[cell]] = Self.inputs[input]
                }
            }
            for (cell, input) in initial { try? twin.set(.typed(Self.inputs[input]), at: CellLocation(sheet: 0, address: Self.cells[cell])) }
            twin.recalculateAll()
            let locations = Self.cells.map { CellLocation(sheet: 0, address: $0) }
            /// The loaded workbook has the values and edges of its twin, and of one built cell by
            /// cell from its inputs.
            func same(_ moment: String) {
                for location in locations {
                    #expect(loaded.value(at: location) == twin.value(at: location), "\(location.address) \(moment)")
                    #expect(loaded.dependents(of: location) == twin.dependents(of: location), "dependents of \(location.address) \(moment)")
                }
                let built = Workbook()
                for name in sheets { _ = try? built.addSheet(named: name) }
                for (address, input) in inputs.sorted(by: { $0.key < $1.key }) { try? built.set(.typed(input), at: CellLocation(sheet: 0, address: address)) }
                built.recalculateAll()
                // A cycle through a spill reaches cells by the order they were computed in (see above).
                if locations.contains(where: { built.value(at: $0) == .error(.cycle) })
                    && locations.contains(where: { built.spill(at: $0) != nil || loaded.spill(at: $0) != nil }) { return }
                for location in locations {
                    #expect(loaded.value(at: location) == built.value(at: location), "\(location.address) \(moment)")
                    #expect(loaded.dependents(of: location) == built.dependents(of: location), "dependents of \(location.address) \(moment)")
                }
            }
            same("after loading \(initial.map { "\(Self.cells[$0.0])=\(Self.inputs[$0.1])" })")
            for (k, (cell, input, addsSheet)) in edits.enumerated() {
                if addsSheet == 0 { sheets.append("T\(k)") }
                for workbook in [loaded, twin] {
                    if addsSheet == 0 { _ = try? workbook.addSheet(named: "T\(k)") }
                    try? workbook.set(.typed(Self.inputs[input]), at: CellLocation(sheet: 0, address: Self.cells[cell]))
                    workbook.recalculate()
                }
                inputs[Self.cells[cell]] = Self.inputs[input]
                same("after \(addsSheet == 0 ? "a new sheet and " : "")\(Self.cells[cell])=\(Self.inputs[input])")
            }
        }
    }
}
