import PropertyBased
import Testing
@testable import KalkylEngine

/// The evaluator's route on plain numbers (arithmetic, ROUND/ROUNDUP/ROUNDDOWN, SUM of one
/// range, IF of a comparison) gives exactly what the general route gives, for inputs of every kind, in a full
/// calculation and after edits: two workbooks with the same cells, one with the route turned
/// off, hold equal values.
struct NumberRoutePropertyTests {
    /// A1:A6 take these inputs: numbers (halves, huge, tiny, negative), text that reads as a
    /// number and text that does not, a boolean, an error, nothing.
    static let inputs = ["2.5", "-2.5", "0.125", "1234.5678", "1e300", "-1e-300", "0", "7", "'3", "abc", "TRUE", "#N/A", "", "1E+16", "-15.5"]

    /// B1:B6 take these formulas, each of which may take the number route.
    static let formulas = [
        "=ROUND(A1,0)", "=ROUND(A2*3,1)", "=ROUNDUP(A3,2)", "=ROUNDDOWN(A4,-1)", "=ROUND(A1,A2)",
        "=ROUND(A5*A5,0)", "=ROUND(A1/3,1.9)", "=ROUND(A6,-2.5)", "=ROUND(A1,1E+16)", "=ROUNDUP(-A4%,3)",
        "=A1/SUM($A$1:$A$6)", "=SUM(A1:A3)*2", "=ROUND(($A$4-$A$3*21)*A1/SUM($A$1:$A$6),0)", "=SUM($A$1:A1)",
        "=SUM(A2:A2)+A1", "=ROUND(SUM(A1:A6),2)-A3", "=1/SUM(A1:A2)", "=SUM(A1:A6)^2", "=ROUNDDOWN(SUM(A1:A4)/A2,0)", "=A1", "=-A2", "=A3%+A4", "=ROUND(B1,0)", "=B2*2",
        // IF of a comparison (or of a number), each branch a number.
        "=IF(A1>2,A2-1,A3)", "=IF(A1,1,2)", "=IF(A1<=A2,ROUND(A1,0),-A2)", "=IF(A1=0,1,A1*2)", "=IF(A1<>A2,A1,A2)+1",
        "=IF(A1>=0,IF(A2<0,1,2),3)", "=IF(A1*2,A2,A3)", "=IF(B1<A3,B2,B1)", "=IF(A5>1E+299,A5/2,A6)",
    ]

    static let cells = (0..<12).map { CellAddress(row: $0 % 6, column: $0 / 6) }

    @Test func everyFormulaHereTakesTheNumberRoute() throws {
        for text in Self.formulas {
            let workbook = try makeWorkbook(["B1": text])
            let formula = try #require(workbook.formula(at: try workbook.location(of: "B1")))
            #expect(formula.isArithmetic, "\(text)")
        }
        // Not a range read by anything else, nor another function.
        // A comparison that would be the cell's value, IF of two arguments (its FALSE), IFS.
        for text in ["=SUM(A1:A3,1)", "=A1:A3+1", "=MAX(A1:A2)", "=ROUND(A1)", "=ROUND(A1:A2,0)",
                     "=A1>2", "=IF(A1>2,A1>3,0)", "=IF(A1>2,1)", "=(A1>2)*1", "=IFS(A1>2,1,TRUE,2)", "=IF(A1>2,\"x\",1)"] {
            let workbook = try makeWorkbook(["B1": text])
            #expect(workbook.formula(at: try workbook.location(of: "B1"))?.isArithmetic == false, "\(text)")
        }
    }

    @Test func theNumberRouteGivesWhatTheGeneralRouteGives() async {
        // Each step sets one of A1:A6 (an input) or B1:B6 (a formula).
        let step = zip(Gen.int(in: 0...11), Gen.int(in: 0...99))
        await propertyCheck(count: 300, input: step.array(of: 1...24)) { steps in
            let fast = Workbook(), general = Workbook()
            _ = try? fast.addSheet(named: "S")
            _ = try? general.addSheet(named: "S")
            general.evaluator.usesNumberRoute = false
            for (k, (cell, choice)) in steps.enumerated() {
                let address = Self.cells[cell]
                let input = address.column == 0 ? Self.inputs[choice % Self.inputs.count] : Self.formulas[choice % Self.formulas.count]
                for workbook in [fast, general] {
                    try? workbook.set(.typed(input), at: CellLocation(sheet: 0, address: address))
                    // Half the steps recalculate at once, the rest wait and go in one recalculation.
                    if k % 2 == 0 { workbook.recalculate() }
                }
            }
            for workbook in [fast, general] { workbook.recalculate() }
            for address in Self.cells {
                let location = CellLocation(sheet: 0, address: address)
                #expect(fast.value(at: location) == general.value(at: location), "\(address) after \(steps)")
            }
            for workbook in [fast, general] { workbook.recalculateAll() }
            for address in Self.cells {
                let location = CellLocation(sheet: 0, address: address)
                #expect(fast.value(at: location) == general.value(at: location), "\(address) in full after \(steps)")
            }
        }
    }

    /// Values a person can check: Excel rounds halves away from zero, digits are truncated,
    /// and a sum of a range the route cannot read as numbers goes the general way.
    @Test func roundedAndSummedValues() throws {
        let workbook = try makeWorkbook([
            "A1": "2.5", "A2": "-2.5", "A3": "1234.5678", "A4": "abc",
            "B1": "=ROUND(A1,0)", "B2": "=ROUND(A2,0)", "B3": "=ROUNDDOWN(A3,-1.9)", "B4": "=ROUNDUP(A3,1)",
            "B5": "=A1/SUM(A1:A3)", "B6": "=SUM(A1:A4)", "B7": "=ROUND(A1,1E+16)", "B8": "=ROUND(A4,0)",
        ])
        #expect(try workbook.value("B1") == .number(3))
        #expect(try workbook.value("B2") == .number(-3))
        #expect(try workbook.value("B3") == .number(1230))
        #expect(try workbook.value("B4") == .number(1234.6))
        #expect(try workbook.value("B5").isClose(to: 2.5 / 1234.5678))
        #expect(try workbook.value("B6").isClose(to: 1234.5678))  // text in a range is skipped
        #expect(try workbook.value("B7") == .error(.number))
        #expect(try workbook.value("B8") == .error(.value))
    }
}
