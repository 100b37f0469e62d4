extension FunctionRegistry {
    static let logicalFunctions: [FunctionDefinition] = [
        FunctionDefinition("IF", 2...3) { (args) throws(FormulaError) in
            // An array condition chooses element by element; otherwise the chosen argument is
            // returned as it is, so IF can yield a range (SUM(IF(…,A1:A3,B1:B3))).
            if args[0].isMultiCell {
                return elementWise(args) { (values) throws(FormulaError) in
                    switch values[0].asBoolean() {
                    case .success(let b): return b ? values[1] : (values.count > 2 ? values[2] : .boolean(false))
                    case .failure(let e): throw e
                    }
                }
            }
            if try args.boolean(0) { return args[1] }
            return args.count > 2 ? args[2] : .value(.boolean(false))
        },
        // IFS and SWITCH always compile to branches (see `LazyBranches.swift`); their bodies
        // run only for IFS with an odd number of arguments, which Excel rejects.
        FunctionDefinition("IFS", 2...variadic) { _ throws(FormulaError) in throw FormulaError.value },
        FunctionDefinition("IFERROR", 2...2) { (args) throws(FormulaError) in
            if args[0].isMultiCell {
                return elementWise(args) { values in values[0].isError ? values[1] : values[0] }
            }
            return args.scalar(0).isError ? args[1] : args[0]
        },
        FunctionDefinition("IFNA", 2...2) { (args) throws(FormulaError) in
            if args[0].isMultiCell {
                return elementWise(args) { values in values[0] == .error(.notAvailable) ? values[1] : values[0] }
            }
            return args.scalar(0) == .error(.notAvailable) ? args[1] : args[0]
        },
        FunctionDefinition("AND", 1...variadic) { (args) throws(FormulaError) in
            var result = true
            try forEachTruthValue(args) { result = result && $0 }
            return .value(.boolean(result))
        },
        FunctionDefinition("OR", 1...variadic) { (args) throws(FormulaError) in
            var result = false
            try forEachTruthValue(args) { result = result || $0 }
            return .value(.boolean(result))
        },
        FunctionDefinition("XOR", 1...variadic) { (args) throws(FormulaError) in
            var result = false
            try forEachTruthValue(args) { if $0 { result.toggle() } }
            return .value(.boolean(result))
        },
        .scalar("NOT", 1...1) { (args) throws(FormulaError) in .boolean(!(try args.boolean(0))) },
        .scalar("TRUE", 0...0) { _ in .boolean(true) },
        .scalar("FALSE", 0...0) { _ in .boolean(false) },
        FunctionDefinition("SWITCH", 3...variadic) { _ throws(FormulaError) in throw FormulaError.value },
        // IF, IFERROR, IFNA and CHOOSE compile to branches (see `LazyBranches.swift`); their
        // bodies combine the branches element by element when the condition, value or index is an array.
        FunctionDefinition("CHOOSE", 2...variadic) { (args) throws(FormulaError) in
            if args[0].isMultiCell {
                return elementWise(args) { (values) throws(FormulaError) in
                    let n: Double
                    switch values[0].asNumber() {
                    case .success(let x): n = x
                    case .failure(let e): throw e
                    }
                    guard n >= 1, n < Double(values.count) else { throw FormulaError.value }
                    return values[Int(n)]
                }
            }
            let index = try args.integer(0)
            guard index >= 1, index < args.count else { throw FormulaError.value }
            return args[index]
        },
    ]

    /// AND, OR and XOR: numbers and truth values count; text in ranges is skipped, typed text
    /// must say TRUE or FALSE; no truth value at all is #VALUE!.
    private static func forEachTruthValue(_ args: Arguments, _ body: (Bool) -> Void) throws(FormulaError) {
        var any = false
        for i in 0..<args.count {
            try args.forEachValue(i) { (value, direct) throws(FormulaError) in
                switch value {
                case .boolean(let b): body(b); any = true
                case .number(let n): body(n != 0); any = true
                case .error(let e): throw e
                case .text(let s):
                    if direct {
                        switch Value.text(s).asBoolean() {
                        case .success(let b): body(b); any = true
                        case .failure(let e): throw e
                        }
                    }
                case .empty: break
                }
            }
        }
        guard any else { throw FormulaError.value }
    }

    /// Whether SWITCH's subject matches a candidate: equal, and of the same kind (1 is not "1").
    static func switchMatches(_ subject: Value, _ candidate: Value) -> Bool {
        ValueComparison.compare(subject, candidate) == 0 && sameKind(subject, candidate)
    }

    private static func sameKind(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.number, .number), (.text, .text), (.boolean, .boolean), (.empty, _), (_, .empty): return true
        default: return false
        }
    }

    /// Applies `body` to the elements of all arguments broadcast to one shape.
    static func elementWise(_ args: Arguments, _ body: ([Value]) throws(FormulaError) -> Value) -> Operand {
        let rows = (0..<args.count).map { args[$0].dimensions.rows }.max() ?? 1
        let columns = (0..<args.count).map { args[$0].dimensions.columns }.max() ?? 1
        let matrices: [Matrix]
        do {
            try Matrix.checkSize(rows: rows, columns: columns)
            matrices = try (0..<args.count).map { (i) throws(FormulaError) in try args.matrix(i) }
        } catch {
            return .error(error)
        }
        var values: [Value] = []
        values.reserveCapacity(rows * columns)
        for r in 0..<rows {
            for c in 0..<columns {
                let elements = matrices.map { $0.broadcast(row: r, column: c) }
                do { values.append(try body(elements)) } catch { values.append(.error(error)) }
            }
        }
        return .array(Matrix(rows: rows, columns: columns, values: values))
    }
}
