/// The cells of one column, stored densely from row 1 to the last used row: values in one
/// array, the formula of each cell (an index into the workbook's formula table, or -1) in
/// another. Dense columns make ranges a walk over contiguous memory and keep a formula cell
/// to a value and four bytes.
struct Column {
    var values: [Value] = []
    var formulas: [Int32] = []

    static let noFormula: Int32 = -1

    var count: Int { values.count }

    @inline(__always)
    func value(at row: Int) -> Value {
        row < values.count ? values[row] : .empty
    }

    @inline(__always)
    func formula(at row: Int) -> Int32 {
        row < formulas.count ? formulas[row] : Column.noFormula
    }

    mutating func set(_ value: Value, formula: Int32, at row: Int) {
        if row >= values.count {
            if case .empty = value, formula == Column.noFormula { return }
            let growth = row + 1 - values.count
            values.append(contentsOf: repeatElement(.empty, count: growth))
            formulas.append(contentsOf: repeatElement(Column.noFormula, count: growth))
        }
        values[row] = value
        formulas[row] = formula
        if row == values.count - 1, case .empty = value, formula == Column.noFormula { trimTrailingEmpty() }
    }

    @inline(__always)
    mutating func setComputedValue(_ value: Value, at row: Int) {
        values[row] = value
    }

    private mutating func trimTrailingEmpty() {
        while let last = values.last, case .empty = last, formulas.last == Column.noFormula {
            values.removeLast()
            formulas.removeLast()
        }
    }
}
