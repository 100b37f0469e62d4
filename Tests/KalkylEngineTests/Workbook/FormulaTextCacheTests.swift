import PropertyBased
import Testing
@testable import KalkylEngine

/// A filled-down formula is compiled once: its cells find it by their text relative to them,
/// in the ring of recent texts or else the dictionary. The ring is a fast path: a workbook
/// that uses only the dictionary holds the same formulas and values.
struct FormulaTextCacheTests {
    private func at(_ sheet: Int, _ row: Int, _ column: Int) -> CellLocation {
        CellLocation(sheet: Int32(sheet), row: Int32(row), column: Int32(column))
    }

    @Test func aFilledDownColumnSharesOneCompiledFormula() throws {
        let workbook = Workbook()
        try workbook.addSheet(named: "S")
        for row in 0..<100 {
            try workbook.set(.constant(.number(Double(row + 1))), at: at(0, row, 0))
            try workbook.set(.formula("=A\(row + 1)*2"), at: at(0, row, 1))
        }
        workbook.recalculate()
        #expect(workbook.formulas.count == 1)
        #expect(try workbook.value("B50") == .number(100))
        #expect(try workbook.formulaText(at: workbook.location(of: "B50")) == "=A50*2")
    }

    @Test func moreColumnsThanTheRingHoldStillShareTheirFormulas() throws {
        // 20 formula columns side by side: each row meets 20 texts, more than the ring keeps.
        let workbook = Workbook()
        try workbook.addSheet(named: "S")
        for row in 0..<10 {
            try workbook.set(.constant(.number(Double(row))), at: at(0, row, 0))
            for column in 1...20 {
                try workbook.set(.formula("=A\(row + 1)+\(column)"), at: at(0, row, column))
            }
        }
        workbook.recalculate()
        #expect(workbook.formulas.count == 20)
        #expect(try workbook.value("U10") == .number(29))  // A10 is 9, plus 20
    }

    /// Two workbooks with sheets S and Sheet2, the second finding formulas in the dictionary alone.
    static func twinWorkbooks() -> (withRing: Workbook, without: Workbook) {
        let withRing = Workbook(), without = Workbook()
        without.formulaIDsByText.usesRing = false
        for workbook in [withRing, without] {
            _ = try? workbook.addSheet(named: "S")
            _ = try? workbook.addSheet(named: "Sheet2")
        }
        return (withRing, without)
    }

    static let formulas = [
        "=A1*2", "=A2*2", "=$A$1+A1", "=B1+A1", "=SUM($A$1:A1)", "=A1", "=IF(A1>3,A1-3,A1)", "=Sheet2!A1+1",
        "=A1*2", "=ROUND(A1/3,1)", "=A1&\"x\"", "=C1+1", "=B2", "=SUM(A:A)",
    ]

    @Test func theRingGivesWhatTheDictionaryGives() async {
        // Each step puts a formula in one of 24 cells (A1:D6 of S or Sheet2).
        let step = zip(Gen.int(in: 0...47), Gen.int(in: 0...(Self.formulas.count - 1)))
        await propertyCheck(count: 200, input: step.array(of: 1...60)) { steps in
            let (withRing, without) = Self.twinWorkbooks()
            for (cell, choice) in steps {
                let location = at(cell / 24, cell % 6, (cell % 24) / 6)
                for workbook in [withRing, without] { try? workbook.set(.formula(Self.formulas[choice]), at: location) }
            }
            for workbook in [withRing, without] { workbook.recalculate() }
            for cell in 0..<48 {
                let location = at(cell / 24, cell % 6, (cell % 24) / 6)
                #expect(withRing.formulaText(at: location) == without.formulaText(at: location), "\(location) after \(steps)")
                #expect(withRing.value(at: location) == without.value(at: location), "\(location) after \(steps)")
            }
        }
    }

    /// Formulas filled down a column, `{r}` standing for the row plus the offset after it:
    /// rows that gain a digit (9 to 10), anchored rows, numbers that are not rows, text with
    /// digits, other sheets, ranges, and references that leave the sheet at the bottom.
    static let filledDown = [
        "=A{0}*2", "=A{0}+B{-1}", "=$A$1+A{0}", "=A${0}+1", "=SUM(A$1:A{0})", "=A{0}&\"9\"", "=Sheet2!A{0}*10",
        "=IF(A{0}>9,A{0}-9,A{1})", "=A{0}+19", "=A{1048570}", "=LOG10(A{0})", "=A{0}:B{2}", "=a{0}+A{0}",
    ]

    @Test func aFormulaFilledDownIsFoundAsTheDictionaryFindsIt() async {
        // A column of one formula from a start row for some rows, then maybe another formula.
        let run = zip(Gen.int(in: 0...(Self.filledDown.count - 1)), Gen.int(in: 1...14), Gen.int(in: 1...30))
        await propertyCheck(count: 150, input: run.array(of: 1...4)) { runs in
            let (withRing, without) = Self.twinWorkbooks()
            var cells: [CellLocation] = []
            for (column, (formula, start, count)) in runs.enumerated() {
                for row in start..<(start + count) {
                    var text = Self.filledDown[formula]
                    while let open = text.firstIndex(of: "{"), let close = text[open...].firstIndex(of: "}") {
                        let offset = Int(text[text.index(after: open)..<close]) ?? 0
                        text.replaceSubrange(open...close, with: String(row + offset))
                    }
                    let location = at(0, row - 1, column + 2)
                    cells.append(location)
                    for workbook in [withRing, without] { try? workbook.set(.formula(text), at: location) }
                }
            }
            for workbook in [withRing, without] { workbook.recalculate() }
            for location in cells {
                #expect(withRing.formulaText(at: location) == without.formulaText(at: location), "\(location) after \(runs)")
                #expect(withRing.value(at: location) == without.value(at: location), "\(location) after \(runs)")
            }
        }
    }
}
