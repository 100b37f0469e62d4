/// LET(name1, value1, …, calculation): each value is computed once, into a local slot, and
/// the names stand for their slots in the values after them and in the calculation. A name
/// must be a name, not a cell reference (`LET(A1,1,A1)` is refused, as in Excel).
///
///     LET(x, 2, y, x*3, x+y)    2 storeLocal(0)  local(0) 3 * storeLocal(1)  local(0) local(1) +
extension FormulaCompiler {
    mutating func emitLet(_ arguments: [Expression]) {
        guard arguments.count % 2 == 1 else {
            diagnostics.append("LET takes names and values in pairs, then the calculation")
            for argument in arguments { emit(argument) }
            code.append(.fail(.value, argumentCount: Int32(arguments.count)))
            return
        }
        var bound = 0, lambdasBound = 0
        defer { lambdaNames.removeLast(lambdasBound) }
        for pair in stride(from: 0, to: arguments.count - 1, by: 2) {
            var nameExpression = arguments[pair]
            while case .parenthesized(let inner) = nameExpression { nameExpression = inner }
            guard case .name(let name) = nameExpression else {
                diagnostics.append("LET's argument \(pair + 1) must be a name")
                letNames.removeLast(bound)
                emitConstant(.error(.value))
                return
            }
            if let lambda = lambda(arguments[pair + 1]) {
                // A LAMBDA is not stored: its calls are compiled in place.
                lambdaNames.append((name.uppercased(), lambda.parameters, lambda.body))
                lambdasBound += 1
                continue
            }
            emit(arguments[pair + 1])
            let slot = Int32(localCount)
            localCount += 1
            code.append(.storeLocal(slot))
            letNames.append((name.uppercased(), slot))
            bound += 1
        }
        emit(arguments[arguments.count - 1])
        letNames.removeLast(bound)
    }
}
