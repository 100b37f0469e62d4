import Testing
@testable import KalkylEngine

/// Formulas of cells and arithmetic run on plain numbers when every cell holds a number; any
/// other cell (text, a boolean, an error, nothing) gives what Excel gives, by either route.
struct ArithmeticOnCellsTests {
    static let inputs = ["A1": "3", "A2": "'3", "A3": "TRUE", "A4": "#N/A", "A6": "abc", "A7": "0"]
    static let expected: [(formula: String, value: Value)] = [
        ("=A1*2", .number(6)),
        ("=A2*2", .number(6)),          // text that reads as a number
        ("=A3+1", .number(2)),          // TRUE is 1
        ("=A4+1", .error(.notAvailable)),
        ("=A5+1", .number(1)),          // an empty cell is 0
        ("=A6+1", .error(.value)),
        ("=1/A7", .error(.divisionByZero)),
        ("=-A1%", .number(-0.03)),
        ("=A1^2-A1", .number(6)),
        ("=A5", .number(0)),
        ("=A6", .text("abc")),
        ("=(A1+A7)*-(A1-5)/4", .number(1.5)),
    ]

    @Test(arguments: [false, true])
    func cellsOfEveryKind(calculatedInFull: Bool) throws {
        let workbook = Workbook()
        try workbook.addSheet(named: "S")
        var cells = Self.inputs
        for (row, expected) in Self.expected.enumerated() { cells["B\(row + 1)"] = expected.formula }
        for (reference, input) in cells { try workbook.set(.typed(input), at: try workbook.location(of: reference)) }
        if calculatedInFull { workbook.recalculateAll() } else { workbook.recalculate() }
        for (row, expected) in Self.expected.enumerated() {
            let value = try workbook.value("B\(row + 1)")
            if case .number(let n) = expected.value {
                #expect(value.isClose(to: n), "\(expected.formula)")
            } else {
                #expect(value == expected.value, "\(expected.formula)")
            }
        }
        // Only the formulas of cells and arithmetic take the plain-number route.
        let formula = try #require(workbook.formula(at: try workbook.location(of: "B1")))
        #expect(formula.isArithmetic)
    }
}
