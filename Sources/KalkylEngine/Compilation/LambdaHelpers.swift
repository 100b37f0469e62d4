/// LAMBDA, compiled in place: a LAMBDA is no value of its own (alone in a cell it is #CALC!, as
/// in Excel) but the last argument of a helper (MAP, REDUCE, SCAN, BYROW, BYCOL, MAKEARRAY), or
/// the definition of a name — LET's or the workbook's — that is then called like a function
/// (`LET(double, LAMBDA(x, x*2), double(4))`, a defined name `Moms = LAMBDA(x, x*0.25)`).
/// A call binds the arguments to the parameters as LET does; a parameter left out is omitted
/// (ISOMITTED is TRUE). A helper loops over its body in the code:
///
///     MAP(A1:A3, LAMBDA(x, x*2))   A1:A3 beginLoop(map, 1, →E)  L: nextLoop(slot 0, 1, →E)
///                                  local(0) 2 *  collectLoop(→L)  E:
///
/// A name that calls itself, directly or through others, is refused (Kalkyl expands names in
/// place), as is a LAMBDA with the wrong number of parameters for its helper (#VALUE!).
extension FormulaCompiler {
    /// The parameters and body of `LAMBDA(x, y, body)`, or of a name standing for one.
    func lambda(_ expression: Expression) -> (parameters: [String], body: Expression)? {
        var e = expression
        while case .parenthesized(let inner) = e { e = inner }
        if case .name(let name) = e {
            let key = name.uppercased()
            if let bound = lambdaNames.last(where: { $0.name == key }) { return (bound.parameters, bound.body) }
            if letNames.contains(where: { $0.name == key }) { return nil }
            guard let definition = environment.definedName(name, fromSheet: hostSheet) else { return nil }
            e = definition
        }
        guard case .call("LAMBDA", let arguments) = e, let body = arguments.last else { return nil }
        var parameters: [String] = []
        for argument in arguments.dropLast() {
            guard case .name(let p) = argument else { return nil }
            parameters.append(p.uppercased())
        }
        guard Set(parameters).count == parameters.count else { return nil }
        return (parameters, body)
    }

    /// Binds values to parameters, in new local slots, for the code emitted by `body`.
    mutating func withParameters(_ parameters: [String], firstSlot: Int32, _ body: (inout FormulaCompiler) -> Void) {
        for (i, p) in parameters.enumerated() { letNames.append((p, firstSlot + Int32(i))) }
        let shadowed = lambdaNames
        lambdaNames.removeAll { parameters.contains($0.name) }
        body(&self)
        lambdaNames = shadowed
        letNames.removeLast(parameters.count)
    }

    /// A call of a name that stands for a LAMBDA, as a LET of its parameters.
    mutating func emitLambdaCall(_ name: String, _ lambda: (parameters: [String], body: Expression), _ arguments: [Expression]) {
        let key = name.uppercased()
        guard arguments.count <= lambda.parameters.count, !lambdasBeingCalled.contains(key) else {
            diagnostics.append(lambdasBeingCalled.contains(key)
                ? "the LAMBDA \(name) calls itself, which Kalkyl does not do"
                : "\(name) takes at most \(lambda.parameters.count) arguments, not \(arguments.count)")
            emitConstant(.error(.value))
            return
        }
        let firstSlot = Int32(localCount)
        localCount += lambda.parameters.count
        for (i, argument) in arguments.enumerated() {
            emit(argument)
            code.append(.storeLocal(firstSlot + Int32(i)))
        }
        for i in arguments.count..<lambda.parameters.count {
            emitConstant(.empty)
            code.append(.storeLocal(firstSlot + Int32(i)))
        }
        lambdasBeingCalled.append(key)
        withParameters(lambda.parameters, firstSlot: firstSlot) { $0.emit(lambda.body) }
        lambdasBeingCalled.removeLast()
    }

    /// MAP, REDUCE, SCAN, BYROW, BYCOL and MAKEARRAY: false when `name` is none of them.
    mutating func emitHelper(_ name: String, _ arguments: [Expression]) -> Bool {
        let kind: LoopKind, parameterCount: Int
        switch name {
        case "MAP": kind = .map(arrays: Int32(arguments.count - 1)); parameterCount = arguments.count - 1
        case "REDUCE": kind = .reduce; parameterCount = 2
        case "SCAN": kind = .scan; parameterCount = 2
        case "BYROW": kind = .byRow; parameterCount = 1
        case "BYCOL": kind = .byColumn; parameterCount = 1
        case "MAKEARRAY": kind = .makeArray; parameterCount = 2
        default: return false
        }
        guard let last = arguments.last, let lambda = lambda(last), lambda.parameters.count == parameterCount else {
            diagnostics.append("\(name) needs a LAMBDA of \(parameterCount) parameter\(parameterCount == 1 ? "" : "s") as its last argument")
            emitConstant(.error(.value))
            return true
        }
        let inputs = arguments.dropLast()
        for input in inputs { emit(input) }
        let begin = code.count
        code.append(.beginLoop(kind, inputCount: Int32(inputs.count), end: 0))
        let firstSlot = Int32(localCount)
        localCount += parameterCount
        let loop = code.count
        code.append(.nextLoop(firstSlot: firstSlot, parameterCount: Int32(parameterCount), end: 0))
        withParameters(lambda.parameters, firstSlot: firstSlot) { $0.emit(lambda.body) }
        code.append(.collectLoop(loop: Int32(loop)))
        let end = Int32(code.count)
        code[begin] = .beginLoop(kind, inputCount: Int32(inputs.count), end: end)
        code[loop] = .nextLoop(firstSlot: firstSlot, parameterCount: Int32(parameterCount), end: end)
        return true
    }
}
