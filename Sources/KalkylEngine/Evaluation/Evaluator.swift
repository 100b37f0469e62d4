/// Runs compiled formulas on a reusable operand stack.
struct Evaluator {
    private var stack: [Operand] = []

    init() {
        stack.reserveCapacity(64)
    }

    /// The value of `formula` in the context's current cell.
    mutating func evaluate(_ formula: CompiledFormula, in context: EvaluationContext) -> Value {
        stack.removeAll(keepingCapacity: true)
        let host = context.host
        for instruction in formula.code {
            switch instruction {
            case .push(let value):
                stack.append(.value(value))
            case .pushArray(let matrix):
                stack.append(.array(matrix))
            case .cell(let sheet, let row, let column):
                let r = row.resolve(from: host.row), c = column.resolve(from: host.column)
                if r < 0 || c < 0 || r >= CellAddress.maxRows || c >= CellAddress.maxColumns {
                    stack.append(.error(.reference))
                } else {
                    let s = sheet < 0 ? context.sheet : sheet
                    stack.append(.reference(sheet: s, range: CellRange(CellAddress(row: r, column: c))))
                }
            case .area(let sheet, let reference):
                if let range = reference.resolve(from: host) {
                    stack.append(.reference(sheet: sheet < 0 ? context.sheet : sheet, range: range))
                } else {
                    stack.append(.error(.reference))
                }
            case .negate:
                let operand = stack.removeLast()
                stack.append(Operators.unary(operand, context: context) { -$0 })
            case .plus:
                break
            case .percent:
                let operand = stack.removeLast()
                stack.append(Operators.unary(operand, context: context) { $0 / 100 })
            case .binary(let op):
                let right = stack.removeLast()
                let left = stack.removeLast()
                stack.append(Operators.binary(op, left, right, context: context))
            case .call(let function, let argumentCount):
                let base = stack.count - Int(argumentCount)
                let result = FunctionRegistry.call(Int(function), Arguments(stack[base...], context: context))
                stack.removeSubrange(base...)
                stack.append(result)
            case .fail(let error, let argumentCount):
                stack.removeLast(Int(argumentCount))
                stack.append(.error(error))
            }
        }
        return Evaluator.cellValue(of: stack.removeLast(), context: context)
    }

    /// What a cell shows for a formula's result: a reference gives the referenced value
    /// (an empty cell shows 0, as `=A1` does in Excel); a multi-cell range gives the cell in the
    /// formula's row or column (implicit intersection); an array gives its first element.
    static func cellValue(of operand: Operand, context: EvaluationContext) -> Value {
        let value: Value
        switch operand {
        case .value(let v): value = v
        case .array(let m): value = m.values.first ?? .error(.value)
        case .reference(let sheet, let range):
            value = implicitIntersection(sheet: sheet, range: range, context: context)
        }
        if case .empty = value { return .number(0) }
        return value
    }

    /// The one cell of a range that lines up with the formula's cell, or #VALUE!.
    static func implicitIntersection(sheet: Int32, range: CellRange, context: EvaluationContext) -> Value {
        if range.isSingleCell {
            return context.value(sheet: sheet, row: range.start.row, column: range.start.column)
        }
        let host = context.host
        if range.columnCount == 1, range.start.row <= host.row, host.row <= range.end.row {
            return context.value(sheet: sheet, row: host.row, column: range.start.column)
        }
        if range.rowCount == 1, range.start.column <= host.column, host.column <= range.end.column {
            return context.value(sheet: sheet, row: range.start.row, column: host.column)
        }
        return .error(.value)
    }
}
