/// Runs compiled formulas on a reusable operand stack.
struct Evaluator {
    private var stack: [Operand] = []
    /// Per lazy branch being run, whether it runs eagerly (see `Instruction.branchOnCondition`).
    private var eager: [Bool] = []
    /// LET's values, by slot.
    private var locals: [Operand] = []
    /// The LAMBDA helpers' loops being run, innermost last (see `LambdaLoop`).
    private var loops: [LambdaLoop] = []
    /// The whole result of the last formula evaluated when it was an array or a multi-cell
    /// range: what the cell spills (see `Workbook+Spills.swift`); `evaluate` returns its first value.
    private(set) var spilledResult: Matrix?
    /// Whether formulas of numbers may take the route on plain numbers (`arithmetic`); tests
    /// turn it off to compare that route against the general one.
    var usesNumberRoute = true

    init() {
        stack.reserveCapacity(64)
    }

    /// The value of `formula` in the context's current cell.
    mutating func evaluate(_ formula: CompiledFormula, in context: EvaluationContext) -> Value {
        if spilledResult != nil { spilledResult = nil }
        if formula.isArithmetic, usesNumberRoute, let n = Evaluator.arithmetic(formula, in: context) { return .number(n) }
        // A formula leaves its stack empty; only one stopped short (none does) would leave more.
        if !stack.isEmpty { stack.removeAll(keepingCapacity: true) }
        if !eager.isEmpty { eager.removeAll(keepingCapacity: true) }
        if !loops.isEmpty { loops.removeAll() }
        if formula.localCount > 0 { locals = Array(repeating: .empty, count: formula.localCount) }
        let host = context.host
        // Stepped through without bounds checks: the compiler's jumps stay inside the code.
        formula.code.withUnsafeBufferPointer { code in
        var pc = 0
        while pc < code.count {
            let instruction = code[pc]
            pc += 1
            switch instruction {
            case .number(let n):
                stack.append(.value(.number(n)))
            case .constant(let index):
                stack.append(formula.constants[Int(index)])
            case .cell(let sheet, let row, let column):
                let address = Evaluator.cell(row, column, from: host)
                if address.isValid {
                    stack.append(.reference(sheet: sheet < 0 ? context.sheet : sheet, range: CellRange(address)))
                } else {
                    stack.append(.error(.reference))
                }
            case .cellValue(let sheet, let row, let column):
                let address = Evaluator.cell(row, column, from: host)
                if address.isValid {
                    stack.append(.value(context.value(sheet: sheet < 0 ? context.sheet : sheet, row: address.row, column: address.column)))
                } else {
                    stack.append(.error(.reference))
                }
            case .area(let sheet, let area):
                if let range = area.resolve(from: host) {
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
                let n = stack.count
                // Two numbers, the usual case, are combined in place.
                if case .value(.number(let x)) = stack[n - 2], case .value(.number(let y)) = stack[n - 1],
                   let result = Operators.onNumbers(op, x, y) {
                    stack.removeLast()
                    stack[n - 2] = .value(result)
                    continue
                }
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
            case .jump(let target):
                pc = Int(target)
            case .branchOnCondition(let otherwise, let end):
                let condition = stack[stack.count - 1]
                if condition.isMultiCell { eager.append(true); continue }
                switch Arguments.scalar(of: condition, context: context).asBoolean() {
                case .success(let b):
                    stack.removeLast()
                    eager.append(false)
                    if !b { pc = Int(otherwise) }
                case .failure(let e):
                    stack[stack.count - 1] = .error(e)
                    pc = Int(end)
                }
            case .endBranch(let end):
                if eager.last == false {
                    eager.removeLast()
                    pc = Int(end)
                }
            case .joinBranches(let function, let argumentCount):
                if eager.removeLast() {
                    let base = stack.count - Int(argumentCount)
                    let result = FunctionRegistry.call(Int(function), Arguments(stack[base...], context: context))
                    stack.removeSubrange(base...)
                    stack.append(result)
                }
            case .branchOnError(let onlyNotAvailable, let end):
                let value = stack[stack.count - 1]
                if value.isMultiCell { eager.append(true); continue }
                let scalar = Arguments.scalar(of: value, context: context)
                let caught = onlyNotAvailable ? scalar == .error(.notAvailable) : scalar.isError
                if caught {
                    stack.removeLast()
                    eager.append(false)
                } else {
                    pc = Int(end)
                }
            case .branchOnIndex(let count, let end):
                let index = stack[stack.count - 1]
                if index.isMultiCell {
                    eager.append(true)
                    pc += Int(count)
                    continue
                }
                switch Arguments.scalar(of: index, context: context).asNumber() {
                case .success(let n) where n >= 1 && n < Double(count) + 1:
                    stack.removeLast()
                    eager.append(false)
                    pc += Int(n) - 1
                case .success:
                    stack[stack.count - 1] = .error(.value)
                    pc = Int(end)
                case .failure(let e):
                    stack[stack.count - 1] = .error(e)
                    pc = Int(end)
                }
            case .testCondition(let next, let end):
                switch Arguments.scalar(of: stack.removeLast(), context: context).asBoolean() {
                case .success(let b):
                    if !b { pc = Int(next) }
                case .failure(let e):
                    stack.append(.error(e))
                    pc = Int(end)
                }
            case .switchSubject(let end):
                let subject = Arguments.scalar(of: stack[stack.count - 1], context: context)
                stack[stack.count - 1] = .value(subject)
                if subject.isError { pc = Int(end) }
            case .switchCase(let next, let end):
                let candidate = Arguments.scalar(of: stack.removeLast(), context: context)
                guard case .value(let subject) = stack[stack.count - 1] else { continue }
                if case .error = candidate {
                    stack[stack.count - 1] = .value(candidate)
                    pc = Int(end)
                } else if FunctionRegistry.switchMatches(subject, candidate) {
                    stack.removeLast()
                } else {
                    pc = Int(next)
                }
            case .drop:
                stack.removeLast()
            case .storeLocal(let slot):
                locals[Int(slot)] = stack.removeLast()
            case .local(let slot):
                stack.append(locals[Int(slot)])
            case .beginLoop(let kind, let inputCount, let end):
                let base = stack.count - Int(inputCount)
                let loop = LambdaLoop(kind, Array(stack[base...]), context: context)
                stack.removeSubrange(base...)
                if let finished = loop.finished {
                    stack.append(finished)
                    pc = Int(end)
                } else {
                    loops.append(loop)
                }
            case .nextLoop(let firstSlot, let parameterCount, let end):
                if loops[loops.count - 1].isDone {
                    stack.append(loops.removeLast().result)
                    pc = Int(end)
                } else {
                    for i in 0..<Int(parameterCount) { locals[Int(firstSlot) + i] = loops[loops.count - 1].parameter(i) }
                }
            case .collectLoop(let loop):
                loops[loops.count - 1].collect(stack.removeLast(), context: context)
                pc = Int(loop)
            }
        }
        }
        let result = stack.removeLast()
        if result.isMultiCell {
            // Excel 365: an array result spills from the formula's cell.
            do {
                let array = try Arguments.matrix(of: result, context: context)
                spilledResult = array
                return Evaluator.shownInCell(array.values[0])
            } catch {
                return .error(.spill)
            }
        }
        return Evaluator.cellValue(of: result, context: context)
    }

    /// Forgets the last spilled result once the caller has placed it.
    mutating func takeSpilledResult() -> Matrix? {
        defer { spilledResult = nil }
        return spilledResult
    }

    /// An empty cell's value shown through a formula is 0 (`=A1`, or A1 in a spill).
    @inline(__always)
    static func shownInCell(_ value: Value) -> Value {
        if case .empty = value { return .number(0) }
        return value
    }

    /// Runs a formula of numbers, cells and arithmetic (with ROUND, SUM of a range and IF of a
    /// comparison, see `CompiledFormula.isArithmetic`) on a stack of plain numbers, the way
    /// most formulas of an allocation are. Returns nil whenever the general evaluation could
    /// give something else than this one number: a cell that is not a number (text, a boolean,
    /// an error), a reference off the sheet, an arithmetic error, a range result not shared, a
    /// sum that is an error, digits out of range. The general route then runs the formula from
    /// the start.
    private static func arithmetic(_ formula: CompiledFormula, in context: EvaluationContext) -> Double? {
        let host = context.host
        return formula.code.withUnsafeBufferPointer { code -> Double? in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: code.count) { stack -> Double? in
                var top = -1
                var pc = 0
                while pc < code.count {
                    let instruction = code[pc]
                    pc += 1
                    switch instruction {
                    case .number(let n):
                        top += 1
                        stack[top] = n
                    case .cellValue(let sheet, let row, let column), .cell(let sheet, let row, let column):
                        let address = Evaluator.cell(row, column, from: host)
                        guard address.isValid else { return nil }
                        top += 1
                        switch context.value(sheet: sheet < 0 ? context.sheet : sheet, row: address.row, column: address.column) {
                        case .number(let n): stack[top] = n
                        case .empty: stack[top] = 0
                        default: return nil
                        }
                    case .area(let sheet, let area):
                        // Always followed by SUM of it alone: the recalculation's shared sum.
                        guard context.cachesRanges, let range = area.resolve(from: host),
                              let sum = try? context.cachedSum(sheet: sheet < 0 ? context.sheet : sheet, range: range),
                              sum.isFinite else { return nil }
                        top += 1
                        stack[top] = sum
                        pc += 1
                    case .call(let function, _):
                        // ROUND, ROUNDUP or ROUNDDOWN of two numbers, as their definitions compute it.
                        guard let mode = FunctionRegistry.roundingMode(of: function), abs(stack[top]) < 1e15 else { return nil }
                        let rounded = DecimalRounding.round(stack[top - 1], digits: Int(stack[top].rounded(.towardZero)), mode: mode)
                        guard rounded.isFinite else { return nil }
                        top -= 1
                        stack[top] = rounded
                    case .negate:
                        stack[top] = -stack[top]
                    case .plus:
                        break
                    case .percent:
                        stack[top] /= 100
                    case .binary(let op) where op.isArithmetic:
                        guard case .number(let n) = Operators.arithmetic(op, stack[top - 1], stack[top]) else { return nil }
                        top -= 1
                        stack[top] = n
                    case .binary(let op):
                        // A comparison, which IF's condition just after it takes (1 or 0).
                        guard case .boolean(let holds) = Operators.onNumbers(op, stack[top - 1], stack[top]) else { return nil }
                        top -= 1
                        stack[top] = holds ? 1 : 0
                    case .branchOnCondition(let otherwise, _):
                        // IF of a number: TRUE unless 0. (The number route has no arrays, so
                        // no branch runs eagerly: `endBranch` always jumps, `joinBranches` does nothing.)
                        let holds = stack[top] != 0
                        top -= 1
                        if !holds { pc = Int(otherwise) }
                    case .endBranch(let end):
                        pc = Int(end)
                    case .joinBranches:
                        break
                    default:
                        return nil
                    }
                }
                return top == 0 ? stack[0] : nil
            }
        }
    }

    /// The cell a single-cell reference points at from the formula's cell (maybe off the sheet).
    @inline(__always)
    private static func cell(_ row: ReferenceCoordinate, _ column: ReferenceCoordinate, from host: CellAddress) -> CellAddress {
        CellAddress(row: row.resolve(from: host.row), column: column.resolve(from: host.column))
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
