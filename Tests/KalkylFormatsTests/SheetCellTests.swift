import Testing
@testable import KalkylEngine
@testable import KalkylFormats

/// A `SheetCell` keeps its texts out of line, and is still a value: a copy changed does not
/// change the cell it was copied from; a formula of no text is still a formula.
struct SheetCellTests {
    @Test func aCopyIsAValueOfItsOwn() {
        var cell = SheetCell(address: CellAddress(row: 1, column: 2))
        #expect(cell.formula == nil && cell.formulaRef == nil && cell.value == "")
        cell.formula = "A1*2"
        cell.formulaRef = "C2:C9"
        cell.value = "4"
        var copy = cell
        copy.formula = "A1*3"
        copy.value += "2"
        copy.formulaRef = nil
        #expect(cell.formula == "A1*2" && cell.formulaRef == "C2:C9" && cell.value == "4")
        #expect(copy.formula == "A1*3" && copy.formulaRef == nil && copy.value == "42")
    }

    @Test func anEmptyFormulaIsAFormula() {
        var cell = SheetCell(address: CellAddress(row: 0, column: 0))
        cell.formula = ""
        #expect(cell.formula == "")
        cell.formula = "1+1"
        cell.formula = ""
        #expect(cell.formula == "")
        cell.formula = nil
        #expect(cell.formula == nil)
    }
}
