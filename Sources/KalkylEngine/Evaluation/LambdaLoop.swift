/// The state of one LAMBDA helper's loop while the evaluator runs its body once per element
/// (see `Instruction.beginLoop`): the inputs, where it is, and what the body gave so far.
/// MAP, SCAN, BYROW, BYCOL and MAKEARRAY make an array of single values (a body giving an
/// array there is #CALC!, as nested arrays are in Excel); REDUCE keeps its accumulator, which
/// may be an array.
struct LambdaLoop {
    private let kind: LoopKind
    private var inputs: [Matrix] = []
    private var rows = 0, columns = 0
    private var index = 0, count = 0
    private var results: [Value] = []
    private var accumulator: Operand = .empty
    /// The result when there is nothing to loop over, or the inputs are wrong.
    private(set) var finished: Operand?

    init(_ kind: LoopKind, _ operands: [Operand], context: EvaluationContext) {
        self.kind = kind
        do throws(FormulaError) {
            switch kind {
            case .map:
                inputs = try operands.map { (o) throws(FormulaError) in try Arguments.matrix(of: o, context: context) }
                rows = inputs.map(\.rows).max() ?? 0
                columns = inputs.map(\.columns).max() ?? 0
                count = rows * columns
            case .reduce, .scan:
                accumulator = operands[0].isMultiCell ? .array(try Arguments.matrix(of: operands[0], context: context))
                    : .value(Arguments.scalar(of: operands[0], context: context))
                let array = try Arguments.matrix(of: operands[1], context: context)
                inputs = [array]
                (rows, columns, count) = (array.rows, array.columns, array.values.count)
                if count == 0 { finished = kind == .reduce ? accumulator : .error(.calc) }
            case .byRow, .byColumn:
                let array = try Arguments.matrix(of: operands[0], context: context)
                inputs = [array]
                (rows, columns) = (array.rows, array.columns)
                count = kind == .byRow ? rows : columns
            case .makeArray:
                let r = Arguments.scalar(of: operands[0], context: context), c = Arguments.scalar(of: operands[1], context: context)
                guard case .success(let nr) = r.asNumber(), case .success(let nc) = c.asNumber() else { throw FormulaError.value }
                guard nr >= 1, nc >= 1, nr * nc <= Double(Matrix.maximumCount) else { throw FormulaError.value }
                (rows, columns) = (Int(nr), Int(nc))
                count = rows * columns
            }
            try Matrix.checkSize(rows: rows, columns: columns)
            if count == 0 && finished == nil { finished = .error(.calc) }
            results.reserveCapacity(count)
        } catch {
            finished = .error(error)
        }
    }

    var isDone: Bool { index >= count }

    /// The value of parameter `i` for the current element.
    func parameter(_ i: Int) -> Operand {
        switch kind {
        case .map:
            return .value(inputs[i].broadcast(row: index / columns, column: index % columns))
        case .reduce, .scan:
            return i == 0 ? accumulator : .value(inputs[0].values[index])
        case .byRow:
            let m = inputs[0]
            return .array(Matrix(rows: 1, columns: m.columns, values: Array(m.values[(index * m.columns)..<((index + 1) * m.columns)])))
        case .byColumn:
            let m = inputs[0]
            return .array(Matrix(rows: m.rows, columns: 1, values: (0..<m.rows).map { m[$0, index] }))
        case .makeArray:
            return .value(.number(Double(i == 0 ? index / columns + 1 : index % columns + 1)))
        }
    }

    mutating func collect(_ result: Operand, context: EvaluationContext) {
        switch kind {
        case .reduce:
            accumulator = result.isMultiCell ? ((try? Arguments.matrix(of: result, context: context)).map { .array($0) } ?? .error(.value))
                : .value(Arguments.scalar(of: result, context: context))
        case .scan:
            accumulator = .value(single(result, context: context))
            results.append(single(result, context: context))
        default:
            results.append(single(result, context: context))
        }
        index += 1
    }

    private func single(_ result: Operand, context: EvaluationContext) -> Value {
        if result.isMultiCell { return .error(.calc) }
        return Evaluator.shownInCell(Arguments.scalar(of: result, context: context))
    }

    var result: Operand {
        switch kind {
        case .reduce: return accumulator
        case .map, .scan, .makeArray: return .array(Matrix(rows: rows, columns: columns, values: results))
        case .byRow: return .array(Matrix(rows: results.count, columns: 1, values: results))
        case .byColumn: return .array(Matrix(rows: 1, columns: results.count, values: results))
        }
    }
}
