import Testing
@testable import KalkylEngine

/// The dependency graph: only the dirty cone is recomputed, unchanged values stop the
/// propagation, cycles are reported and contained, and long chains need no deep stack.
struct RecalculationTests {
    @Test func anEditRecomputesOnlyItsDependents() throws {
        // Two independent columns: editing A1 must not touch column C.
        let workbook = try makeWorkbook([
            "A1": "1", "B1": "=A1*2", "B2": "=B1+1",
            "C1": "5", "D1": "=C1*2", "D2": "=D1+1",
        ])
        try workbook.set(.typed("10"), at: try workbook.location(of: "A1"))
        let result = workbook.recalculate()
        #expect(result.recomputedCount == 2)
        #expect(result.changes.map { $0.location.address.description } == ["A1", "B1", "B2"])
        #expect(try workbook.value("B2") == .number(21))
        #expect(try workbook.value("D2") == .number(11))
    }

    @Test func changesListOldAndNewValues() throws {
        let workbook = try makeWorkbook(["A1": "1", "B1": "=A1*2"])
        try workbook.set(.typed("4"), at: try workbook.location(of: "A1"))
        let changes = workbook.recalculate().changes
        #expect(changes.count == 2)
        #expect(changes[1].oldValue == .number(2) && changes[1].newValue == .number(8))
    }

    @Test func anUnchangedValueStopsThePropagation() throws {
        // B1 is the sign of A1: changing A1 from 5 to 7 leaves B1 at 1, so C1 is not recomputed.
        let workbook = try makeWorkbook(["A1": "5", "B1": "=SIGN(A1)", "C1": "=B1*100"])
        try workbook.set(.typed("7"), at: try workbook.location(of: "A1"))
        let result = workbook.recalculate()
        #expect(result.recomputedCount == 1)
        #expect(result.changes.map { $0.location.address.description } == ["A1"])
    }

    /// A cell a formula names three times is one edge of the graph (a million-row IF(C>n,C-n,C)
    /// would hold two million edges too many), and the edge goes with the formula.
    @Test func aPrecedentNamedTwiceIsOneEdge() throws {
        let workbook = try makeWorkbook(["A1": "12", "B1": "=IF(A1>9,A1-9,A1)", "C1": "=SUM(A1:A2)+SUM(A1:A2)"])
        let a1 = try workbook.location(of: "A1"), a2 = try workbook.location(of: "A2")
        func successors(_ location: CellLocation) -> [Int] {
            var found: [Int] = []
            workbook.graph.forEachSuccessor(of: location.key) { found.append($0) }
            return found
        }
        #expect(successors(a1).filter { $0 >= 0 } == [try workbook.location(of: "B1").key])
        let ranges = successors(a2)
        #expect(ranges.count == 1)
        var rangeDependents: [Int] = []
        workbook.graph.forEachSuccessor(of: ranges[0]) { rangeDependents.append($0) }
        #expect(rangeDependents == [try workbook.location(of: "C1").key])
        try workbook.set(.typed("3"), at: a1)
        #expect(workbook.recalculate().recomputedCount == 2)
        #expect(try workbook.value("B1") == .number(3))
        try workbook.set(.typed("=A1*A1"), at: try workbook.location(of: "B1"))
        try workbook.set(.typed("7"), at: try workbook.location(of: "C1"))
        workbook.recalculate()
        #expect(successors(a1).filter { $0 >= 0 } == [try workbook.location(of: "B1").key])
        #expect(successors(a2).isEmpty)
    }

    @Test func rangesAreSharedNodes() throws {
        // Every row's SUM($A$1:A{i}) is one range node; the graph holds n ranges, not n² edges.
        var cells: [String: String] = [:]
        for i in 1...200 { cells["A\(i)"] = "\(i)"; cells["B\(i)"] = "=SUM($A$1:A\(i))" }
        let workbook = try makeWorkbook(cells)
        #expect(workbook.graph.ranges.count == 199)  // B1 refers to the single cell A1:A1
        #expect(try workbook.value("B200") == .number(20100))
        try workbook.set(.typed("0"), at: try workbook.location(of: "A100"))
        let result = workbook.recalculate()
        #expect(result.recomputedCount == 101)  // B100 … B200
        #expect(try workbook.value("B200") == .number(20000))
        #expect(try workbook.value("B99") == .number(4950))
    }

    @Test func editingAnAbsoluteRangeRecomputesEveryShareOnce() throws {
        // The alloc shape: C{i}=B{i}/SUM($B$1:$B$4); one edit in B changes all four shares.
        var cells: [String: String] = [:]
        for i in 1...4 { cells["B\(i)"] = "\(i * 10)"; cells["C\(i)"] = "=B\(i)/SUM($B$1:$B$4)" }
        let workbook = try makeWorkbook(cells)
        #expect(try workbook.value("C4") == .number(0.4))
        try workbook.set(.typed("60"), at: try workbook.location(of: "B4"))
        let result = workbook.recalculate()
        #expect(result.recomputedCount == 4)
        #expect(try workbook.value("C4") == .number(0.5))
    }

    @Test func cyclesGetAnErrorAndAPath() throws {
        let workbook = try makeWorkbook(["A1": "=B1+1", "B1": "=A1+1", "C1": "=A1*2", "D1": "=7"])
        #expect(try workbook.value("A1") == .error(.cycle))
        #expect(try workbook.value("B1") == .error(.cycle))
        #expect(try workbook.value("C1") == .error(.cycle))  // depends on the cycle
        #expect(try workbook.value("D1") == .number(7))  // the rest still calculates
        let result = workbook.recalculateAll()
        #expect(result.cycles.count == 1)
        let path = result.cycles[0].map { step -> String in
            if case .cell(let location) = step { return location.address.description }
            return "range"
        }
        #expect(path == ["A1", "B1", "A1"])
        // Breaking the cycle brings the values back.
        try workbook.set(.typed("1"), at: try workbook.location(of: "B1"))
        workbook.recalculate()
        #expect(try workbook.value("A1") == .number(2))
        #expect(try workbook.value("C1") == .number(4))
    }

    @Test func aSelfReferenceThroughARangeIsACycle() throws {
        let workbook = try makeWorkbook(["A1": "1", "A2": "2", "A3": "=SUM(A1:A3)"])
        #expect(try workbook.value("A3") == .error(.cycle))
        let path = workbook.recalculateAll().cycles.first ?? []
        #expect(path.count == 3)  // A3 → A1:A3 → A3
        #expect(path.first == path.last)
    }

    /// A reference is a cycle only when computing the formula reads it: as in Excel, a
    /// formula may name its own cell for its position, in a branch not taken, in a criteria
    /// range nothing matches, or in a range built at run time that stops short of it.
    @Test func aReferenceThatIsNotReadIsNoCycle() throws {
        let workbook = try makeWorkbook([
            "A1": "=ROW(A1)*10", "B1": "=COLUMNS(A1:C1)+COLUMN(B1)",
            "C1": "1", "C2": "2", "C3": "3", "C4": "=SUM(INDEX(C1:C4,1):INDEX(C1:C4,3))",
            "D1": "1", "E1": "=IF(D1=1,5,E1+1)",
            "F1": "1", "F2": "5", "G1": "=SUMIF(F1:F2,\">9\",G1:G2)",
        ])
        #expect(try ["A1", "B1", "C4", "E1", "G1"].map { try workbook.value($0) } == [10, 5, 6, 5, 0].map { .number($0) })
        // Taken, the branch reads its own cell: a cycle, with its path.
        try workbook.set(.typed("2"), at: workbook.location(of: "D1"))
        let taken = workbook.recalculate()
        #expect(try workbook.value("E1") == .error(.cycle))
        #expect(taken.cycles.count == 1)
        // The criteria now match G1's own row: it reads itself.
        try workbook.set(.typed("10"), at: workbook.location(of: "F1"))
        workbook.recalculate()
        #expect(try workbook.value("G1") == .error(.cycle))
        // A range built at run time that reaches the cell is one.
        let reaching = try makeWorkbook(["C1": "1", "C2": "2", "C3": "3", "C4": "=SUM(INDEX(C1:C4,1):INDEX(C1:C4,4))"])
        #expect(try reaching.value("C4") == .error(.cycle))
        // A formula waiting on a cycle without being on it gets its value once the cycle has
        // its #CYCLE!: SUMIF reads A1 (on a cycle) but not itself.
        let behind = try makeWorkbook(["A1": "=A1+1", "A2": "1", "B2": "=SUMIF(A1:A2,\">1\",B1:B2)"])
        #expect(try behind.value("A1") == .error(.cycle))
        #expect(try behind.value("B2") == .number(0))
    }

    @Test func breakingACycleRecomputesCellsLeftAtCycleError() throws {
        // Found by the property test: A1 and A2 form a cycle; the edit of A2 breaks it but A2's
        // value stays an error (#CYCLE! from C2), so pruning alone would leave A1 stale.
        let workbook = try makeWorkbook(["A2": "=A1+1", "C2": "=ROUND(C2/3,2)", "A1": "=IFERROR(1/A2,0)"])
        #expect(try workbook.value("A1") == .error(.cycle))
        try workbook.set(.typed("=ROUND(C2/3,2)"), at: try workbook.location(of: "A2"))
        workbook.recalculate()
        #expect(try workbook.value("A2") == .error(.cycle))
        #expect(try workbook.value("A1") == .number(0))
    }

    @Test func aCycleThroughARangeWaitsForTheRestOfTheRange() throws {
        // Found by the property test: B2 and the range B1:B4 form a cycle, and B3 in that range
        // is computed outside it; C1 over B1:B4 must see B3 and B2 final.
        let workbook = try makeWorkbook(["A1": "=A1+1", "A3": "=B2*2", "B2": "=SUMIF(A1:A4,\">1\",B1:B4)", "B3": "=SUM(A1:A2)", "C1": "=AVERAGE(B1:B4)"])
        #expect(try workbook.value("B2") == .error(.cycle))
        #expect(try workbook.value("C1") == .error(.cycle))
        let fresh = workbook.recalculateAll()
        #expect(fresh.cycles.count == 2)
        #expect(try workbook.value("C1") == .error(.cycle))
    }

    @Test func aSyntaxErrorChangesNothing() throws {
        let workbook = try makeWorkbook(["A1": "5"])
        #expect(throws: WorkbookError.self) { try workbook.set(.formula("=1+"), at: try workbook.location(of: "A1")) }
        #expect(try workbook.value("A1") == .number(5))
        #expect(workbook.recalculate().changes.isEmpty)
    }

    @Test func dynamicReferencesWaitForTheCellsTheyRead() throws {
        // OFFSET reads A3 although no static reference says so; A3 must be computed first.
        let workbook = try makeWorkbook(["A1": "1", "A2": "=A1+1", "A3": "=A2+1", "B1": "=OFFSET(A1,2,0)*10", "C1": "=INDIRECT(\"A\"&3)"])
        #expect(try workbook.value("B1") == .number(30))
        try workbook.set(.typed("5"), at: try workbook.location(of: "A1"))
        workbook.recalculate()
        #expect(try workbook.value("B1") == .number(70))
        #expect(try workbook.value("C1") == .number(7))
    }

    @Test func namesAndSheetsResolveWhenTheyAppearLater() throws {
        let workbook = try makeWorkbook(["A1": "=Rate*100", "A2": "=Later!A1+1"])
        #expect(try workbook.value("A1") == .error(.name))
        #expect(try workbook.value("A2") == .error(.reference))
        try workbook.defineName("Rate", formula: "=0.25")
        try workbook.addSheet(named: "Later")
        try workbook.set(.typed("41"), at: try workbook.location(of: "Later!A1"))
        workbook.recalculate()
        #expect(try workbook.value("A1") == .number(25))
        #expect(try workbook.value("A2") == .number(42))
    }

    @Test func sheetScopedNamesWinOverWorkbookNames() throws {
        let workbook = try makeWorkbook(["A1": "=Rate", "Other!A1": "=Rate"], sheets: ["Sheet1", "Other"])
        try workbook.defineName("Rate", formula: "=1")
        try workbook.defineName("Rate", formula: "=2", scope: 1)
        workbook.recalculate()
        #expect(try workbook.value("A1") == .number(1))
        #expect(try workbook.value("Other!A1") == .number(2))
    }

    @Test func precedentsAndDependents() throws {
        let workbook = try makeWorkbook(["A1": "1", "A2": "2", "B1": "=SUM(A1:A2)+A1", "C1": "=A2"])
        let precedents = workbook.precedents(of: try workbook.location(of: "B1")).map { $0.range.description }
        #expect(precedents == ["A1:A2", "A1"])
        let dependents = workbook.dependents(of: try workbook.location(of: "A2")).map { $0.address.description }
        #expect(dependents == ["B1", "C1"])
    }

    @Test func aMillionLongChainNeedsNoDeepStack() throws {
        // A2=A1+1 … A1000000=A999999+1: recursion would overflow the stack long before the end.
        let workbook = Workbook()
        try workbook.addSheet(named: "Chain")
        let n = 1_000_000
        try workbook.set(.constant(.number(1)), at: CellLocation(sheet: 0, address: CellAddress(row: 0, column: 0)))
        let expression = try FormulaParser.parse("=A1+1", at: CellAddress(row: 1, column: 0))
        for row in 1..<n {
            workbook.set(expression: expression, at: CellLocation(sheet: 0, address: CellAddress(row: row, column: 0)))
        }
        workbook.recalculateAll()
        #expect(workbook.value(at: CellLocation(sheet: 0, address: CellAddress(row: n - 1, column: 0))) == .number(Double(n)))
        #expect(workbook.formulas.count == 1)  // one shared formula for the whole column
        // An edit at the top runs down the whole chain, again without recursion.
        try workbook.set(.constant(.number(0)), at: CellLocation(sheet: 0, address: CellAddress(row: 0, column: 0)))
        let result = workbook.recalculate()
        #expect(result.recomputedCount == n - 1)
        #expect(workbook.value(at: CellLocation(sheet: 0, address: CellAddress(row: n - 1, column: 0))) == .number(Double(n - 1)))
    }

    /// An edit whose cone is most of the workbook (its cells then found by slot, not hashed)
    /// gives what a fresh calculation gives, INDIRECT reads inside the cone included, and lists
    /// its changes in row order.
    @Test func aLargeConeEqualsAFreshCalculation() throws {
        let n = 3_000, last = n + 3
        var cells = ["B1": "400000000", "B2": "6500000", "G1": "=SUM(F4:F\(last))", "G2": "=INDIRECT(\"F\"&(4+\(n / 2)))"]
        for i in 4...last {
            cells["B\(i)"] = "\(1000 + (i * 7919) % 100_000)"
            cells["C\(i)"] = "=B\(i)/SUM($B$4:$B$\(last))"
            cells["D\(i)"] = "=$B$2"
            cells["E\(i)"] = "=ROUND(($B$1-$B$2*\(n))*C\(i),0)"
            cells["F\(i)"] = "=D\(i)+E\(i)"
        }
        let workbook = try makeWorkbook(cells)
        cells["B\(4 + n / 2)"] = "5000"
        try workbook.set(.typed("5000"), at: try workbook.location(of: "B\(4 + n / 2)"))
        let result = workbook.recalculate()
        #expect(result.recomputedCount >= 2 * n)
        #expect(result.changes.map(\.location) == result.changes.map(\.location).sorted())
        let fresh = try makeWorkbook(cells)
        for (reference, _) in cells { #expect(try workbook.value(reference) == fresh.value(reference), "\(reference)") }
        // The shares still add up to the whole, but for each row's rounding by half a krona.
        guard case .number(let total) = try workbook.value("G1") else { Issue.record("G1 is no number"); return }
        #expect(abs(total - 400_000_000) <= Double(n) / 2)
        #expect(try workbook.value("G2") == workbook.value("F\(4 + n / 2)"))
    }
}

/// Excel's iterative calculation: a circular reference is computed again and again.
struct IterativeCalculationTests {
    @Test func aConvergingCycleSettlesWithinTheMaximumChange() throws {
        // Interest on a balance that includes the interest: A1 = 100 + 10 % of A1 = 100 / 0.9.
        let workbook = try makeWorkbook(["A1": "=100+B1", "B1": "=A1*0.1"])
        #expect(try workbook.value("A1") == .error(.cycle))
        workbook.iterativeCalculation = IterativeCalculation()
        guard case .number(let a1) = try workbook.value("A1"), case .number(let b1) = try workbook.value("B1") else {
            Issue.record("no numbers")
            return
        }
        #expect(abs(a1 - 100 / 0.9) < 0.001)
        #expect(abs(b1 - 10 / 0.9) < 0.001)
        #expect(workbook.recalculateAll(reportingChanges: true).cycles.isEmpty)
    }

    @Test func aDivergingCycleStopsAfterTheMaximumIterations() throws {
        let workbook = try makeWorkbook(["B1": "1"])
        workbook.iterativeCalculation = IterativeCalculation(maximumIterations: 100, maximumChange: 0.001)
        try workbook.set(.typed("=A1+B1"), at: workbook.location(of: "A1"))
        let result = workbook.recalculate()
        #expect(try workbook.value("A1") == .number(100))  // 0 + 1, a hundred times
        #expect(result.changes.map(\.newValue) == [.number(100)])
        // The next recalculation that reaches it goes on from there, as in Excel.
        try workbook.set(.typed("2"), at: workbook.location(of: "B1"))
        workbook.recalculate()
        #expect(try workbook.value("A1") == .number(300))
        workbook.iterativeCalculation = nil
        #expect(try workbook.value("A1") == .error(.cycle))
    }
}
