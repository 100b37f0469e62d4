import PropertyBased
import Testing
@testable import KalkylEngine

/// The per-recalculation range caches (running sums, shared aggregates, lookup indexes) give
/// the values that straightforward evaluation gives. `Workbook.evaluate` runs a formula
/// without the caches, so it is the oracle here.
struct RangeCacheTests {
    /// Every formula cell equals the same formula evaluated on its own at its cell.
    func expectStraightforwardValues(_ workbook: Workbook, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for cell in workbook.cells(inSheet: 0) where cell.formula != nil {
            let text = FormulaPrinter.formula(cell.formula!.expression, at: cell.address)
            let straight = try workbook.evaluate(text, sheet: 0, host: cell.address)
            #expect(cell.value == straight, "\(cell.address) \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func growingRangeSumsMatchFreshSums() throws {
        var cells: [String: String] = [:]
        for i in 1...50 {
            cells["A\(i)"] = i == 20 ? "text" : String(Double(i) * 0.1 + 0.07)
            cells["B\(i)"] = "=SUM($A$1:A\(i))"
        }
        let workbook = try makeWorkbook(cells)
        try expectStraightforwardValues(workbook)
        #expect(try workbook.value("B50").isClose(to: (1...50).filter { $0 != 20 }.reduce(0.0) { $0 + Double($1) * 0.1 + 0.07 }))
        // An error in the middle: every later running sum shows it, earlier ones do not.
        try workbook.set(.typed("#N/A"), at: try workbook.location(of: "A30"))
        workbook.recalculate()
        try expectStraightforwardValues(workbook)
        #expect(try workbook.value("B29").isClose(to: (1...29).filter { $0 != 20 }.reduce(0.0) { $0 + Double($1) * 0.1 + 0.07 }))
        #expect(try workbook.value("B30") == .error(.notAvailable))
    }

    @Test func sharedRangeResultsFollowAnEditOfTheRange() throws {
        var cells: [String: String] = ["B1": "400000000"]
        for i in 4...13 {
            cells["B\(i)"] = "\(1000 * i)"
            cells["C\(i)"] = "=B\(i)/SUM($B$4:$B$13)"
            cells["D\(i)"] = "=B\(i)-AVERAGE($B$4:$B$13)+MAX($B$4:$B$13)-COUNT($B$4:$B$13)"
        }
        let workbook = try makeWorkbook(cells)
        try expectStraightforwardValues(workbook)
        #expect(try workbook.value("C13").isClose(to: 13_000.0 / 85_000))
        try workbook.set(.typed("50000"), at: try workbook.location(of: "B7"))
        let result = workbook.recalculate()
        #expect(result.recomputedCount == 20)
        try expectStraightforwardValues(workbook)
        #expect(try workbook.value("C13").isClose(to: 13_000.0 / 128_000))
    }

    @Test func lookupIndexesFollowChangesOfTheLookedUpRange() throws {
        var cells: [String: String] = [:]
        for i in 1...30 {
            cells["A\(i)"] = i % 7 == 0 ? "Key\(i % 5)" : "\(i % 11)"  // repeated keys: the first one counts
            cells["B\(i)"] = "\(i * 3)"
            cells["D\(i)"] = "\(i % 13)"
            cells["E\(i)"] = "=VLOOKUP(D\(i),$A$1:$B$30,2,FALSE)"
            cells["F\(i)"] = "=MATCH(\"key\"&MOD(\(i),5),$A$1:$A$30,0)"
            cells["G\(i)"] = "=XLOOKUP(D\(i),$A$1:$A$30,$B$1:$B$30,\"none\")"
        }
        let workbook = try makeWorkbook(cells)
        try expectStraightforwardValues(workbook)
        #expect(try workbook.value("E1") == .number(3))  // D1 = 1 first stands in A1
        // Change keys in the looked-up column: the index of the next pass must see them.
        try workbook.set(.typed("12"), at: try workbook.location(of: "A2"))
        try workbook.set(.typed("0.1"), at: try workbook.location(of: "A1"))
        try workbook.set(.typed("=0.1+0.2"), at: try workbook.location(of: "A3"))
        try workbook.set(.typed("0.3"), at: try workbook.location(of: "D4"))
        workbook.recalculate()
        try expectStraightforwardValues(workbook)
        #expect(try workbook.value("E4") == .number(9))  // 0.3 matches 0.1+0.2 within 15 digits, in A3
        #expect(try workbook.value("E12") == .number(6))  // D12 = 12 now first stands in A2

        // A new lookup key uses the indexes already built; a formula in the range that
        // computes a new value drops its index.
        let built = workbook.lookupIndexes.indexes.count
        #expect(built == 1)  // $A$1:$A$30, searched by VLOOKUP (its first column), MATCH and XLOOKUP
        try workbook.set(.typed("5"), at: try workbook.location(of: "D5"))
        workbook.recalculate()
        #expect(workbook.lookupIndexes.indexes.count == built)
        #expect(try workbook.value("E5") == .number(15))  // 5 first stands in A5
        try workbook.set(.typed("=0.2+0.3"), at: try workbook.location(of: "B3"))
        try workbook.set(.typed("0.7"), at: try workbook.location(of: "D6"))
        workbook.recalculate()
        try expectStraightforwardValues(workbook)
        try workbook.set(.typed("0.4"), at: try workbook.location(of: "A3"))
        try workbook.set(.typed("0.4"), at: try workbook.location(of: "D7"))
        workbook.recalculate()
        try expectStraightforwardValues(workbook)
        #expect(try workbook.value("E7") == .number(0.5))  // 0.4 now stands in A3, beside 0.2+0.3
    }

    @Test func oneSplitServesEveryRowOfTheWeights() throws {
        // Bilaga 1's shape: each row takes its own part of one split of 400 000 000.
        var cells: [String: String] = ["B1": "400000000"]
        for i in 4...24 {
            cells["C\(i)"] = "\(100_000 + 7919 * i % 50_000)"
            cells["D\(i)"] = "=ALLOCATE($B$1,$C$4:$C$24)"
            cells["E\(i)"] = "=ALLOCATE($B$1/2,$C$4:$C$24)"  // another total: another split
        }
        cells["D25"] = "=SUM(D4:D24)"
        cells["E25"] = "=SUM(E4:E24)"
        let workbook = try makeWorkbook(cells)
        try expectStraightforwardValues(workbook)
        #expect(try workbook.value("D25") == .number(400_000_000))
        #expect(try workbook.value("E25") == .number(200_000_000))
        // An edit of one weight moves every part; a weight that is an error is every row's error.
        try workbook.set(.typed("900000"), at: try workbook.location(of: "C10"))
        workbook.recalculate()
        try expectStraightforwardValues(workbook)
        #expect(try workbook.value("D25") == .number(400_000_000))
        try workbook.set(.typed("#N/A"), at: try workbook.location(of: "C11"))
        workbook.recalculate()
        try expectStraightforwardValues(workbook)
        #expect(try workbook.value("D4") == .error(.notAvailable))
        #expect(try workbook.value("E24") == .error(.notAvailable))
    }

    @Test func anIteratedCycleSeesTheRangeAnewEachIteration() throws {
        // A1 = 100 + 10 % of SUM(A1:A2), A2 = 0: A1 = 100 / 0.9, as without the range.
        let workbook = try makeWorkbook(["A1": "=100+SUM(A1:A2)*0.1", "A2": "0"])
        workbook.iterativeCalculation = IterativeCalculation()
        guard case .number(let a1) = try workbook.value("A1") else {
            Issue.record("A1 is not a number")
            return
        }
        #expect(abs(a1 - 100 / 0.9) < 0.001)
    }

    @Test func randomEditsKeepCachedAndStraightforwardValuesEqual() async {
        let inputs = ["1", "2", "2", "-3.5", "0.1", "x", "X", "", "#DIV/0!", "TRUE", "=A1*2", "=1/0", "Key1"]
        let edit = zip(Gen.int(in: 1...12), Gen.int(in: 0...(inputs.count - 1)))
        await propertyCheck(count: 150, input: edit.array(of: 1...15)) { edits in
            var cells: [String: String] = [:]
            for i in 1...12 {
                cells["B\(i)"] = "=SUM($A$1:A\(i))"
                cells["C\(i)"] = "=A\(i)/SUM($A$1:$A$12)+COUNT($A$1:$A$12)+MAX($A$1:$A$12)"
                cells["D\(i)"] = "=IFERROR(MATCH(A\(i),$A$1:$A$12,0),-1)"
                cells["E\(i)"] = "=VLOOKUP(\"x\",$A$1:$B$12,2,FALSE)"
                cells["F\(i)"] = "=ALLOCATE(1000,$G$1:$G$12)"
                cells["G\(i)"] = "=ABS(N(A\(i)))"
            }
            guard let workbook = try? makeWorkbook(cells) else {
                Issue.record("the test workbook could not be made")
                return
            }
            for (row, input) in edits {
                try? workbook.set(.typed(inputs[input]), at: CellLocation(sheet: 0, address: CellAddress(row: row - 1, column: 0)))
                workbook.recalculate()
            }
            try? expectStraightforwardValues(workbook)
        }
    }
}
