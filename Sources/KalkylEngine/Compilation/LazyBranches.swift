/// How IF, IFS, IFERROR, IFNA, CHOOSE and SWITCH compile: each argument's code is laid out
/// once, with jumps around the arguments not chosen, so only the chosen one runs, as in Excel
/// (see the branch cases of `Instruction`; `→X` is a jump to label X):
///
///     IF(c, a, b)         c branchOnCondition(→B, →E)  a endBranch(→E)  B: b joinBranches(IF, 3)  E:
///     IFERROR(v, w)       v branchOnError(→E)  w joinBranches(IFERROR, 2)  E:
///     CHOOSE(i, a, b)     i branchOnIndex(2, →E)  jump(→A) jump(→B)
///                         A: a endBranch(→E)  B: b endBranch(→E)  joinBranches(CHOOSE, 3)  E:
///     IFS(c, a, d, b)     c testCondition(→N, →E)  a jump(→E)  N: d testCondition(→M, →E)  b jump(→E)  M: #N/A  E:
///     SWITCH(s, v, r, d)  s switchSubject(→E)  v switchCase(→N, →E)  r jump(→E)  N: drop d  E:
///
/// When IF's condition, IFERROR's value or CHOOSE's index is an array, every branch runs in
/// turn and `joinBranches` combines them element by element with the function's own body.
/// The dependency graph still holds the references of every branch (a branch not taken
/// today may be taken after the next edit).
extension FormulaCompiler {
    /// Emits a lazy call when the function is one of these; false otherwise.
    mutating func emitLazily(_ name: String, id: Int32, _ arguments: [Expression]) -> Bool {
        switch name {
        case "IF": emitIf(id, arguments)
        case "IFERROR", "IFNA": emitIfError(id, arguments, onlyNotAvailable: name == "IFNA")
        case "CHOOSE": emitChoose(id, arguments)
        case "IFS" where arguments.count % 2 == 0: emitIfs(arguments)
        case "SWITCH": emitSwitch(arguments)
        default: return false
        }
        return true
    }

    private var here: Int32 { Int32(code.count) }

    /// Appends a placeholder for an instruction whose targets are known later.
    private mutating func placeholder() -> Int {
        code.append(.drop)
        return code.count - 1
    }

    private mutating func emitIf(_ id: Int32, _ arguments: [Expression]) {
        emit(arguments[0])
        let branch = placeholder()
        emit(arguments[1])
        let endOfThen = placeholder()
        let otherwise = here
        if arguments.count > 2 { emit(arguments[2]) } else { emitConstant(.value(.boolean(false))) }
        code.append(.joinBranches(function: id, argumentCount: 3))
        code[branch] = .branchOnCondition(otherwise: otherwise, end: here)
        code[endOfThen] = .endBranch(here)
    }

    private mutating func emitIfError(_ id: Int32, _ arguments: [Expression], onlyNotAvailable: Bool) {
        emit(arguments[0])
        let branch = placeholder()
        emit(arguments[1])
        code.append(.joinBranches(function: id, argumentCount: 2))
        code[branch] = .branchOnError(onlyNotAvailable: onlyNotAvailable, end: here)
    }

    private mutating func emitChoose(_ id: Int32, _ arguments: [Expression]) {
        emit(arguments[0])
        let choices = arguments.count - 1
        let branch = placeholder()
        let table = code.count
        for _ in 0..<choices { _ = placeholder() }
        var ends: [Int] = []
        for k in 1...choices {
            code[table + k - 1] = .jump(here)
            emit(arguments[k])
            ends.append(placeholder())
        }
        code.append(.joinBranches(function: id, argumentCount: Int32(arguments.count)))
        code[branch] = .branchOnIndex(count: Int32(choices), end: here)
        for end in ends { code[end] = .endBranch(here) }
    }

    private mutating func emitIfs(_ arguments: [Expression]) {
        var jumpsToEnd: [Int] = []
        var tests: [Int] = []
        for pair in stride(from: 0, to: arguments.count, by: 2) {
            emit(arguments[pair])
            tests.append(placeholder())
            emit(arguments[pair + 1])
            jumpsToEnd.append(placeholder())
        }
        let noMatch = here
        emitConstant(.error(.notAvailable))
        let end = here
        for (k, test) in tests.enumerated() {
            code[test] = .testCondition(next: k + 1 < tests.count ? Int32(jumpsToEnd[k] + 1) : noMatch, end: end)
        }
        for jump in jumpsToEnd { code[jump] = .jump(end) }
    }

    private mutating func emitSwitch(_ arguments: [Expression]) {
        emit(arguments[0])
        let subject = placeholder()
        var cases: [Int] = []
        var jumpsToEnd: [Int] = []
        var i = 1
        while i + 1 < arguments.count {
            emit(arguments[i])
            cases.append(placeholder())
            emit(arguments[i + 1])
            jumpsToEnd.append(placeholder())
            i += 2
        }
        let noMatch = here
        if i < arguments.count {
            code.append(.drop)
            emit(arguments[i])
        } else {
            code.append(.fail(.notAvailable, argumentCount: 1))
        }
        let end = here
        code[subject] = .switchSubject(end: end)
        for (k, c) in cases.enumerated() {
            code[c] = .switchCase(next: k + 1 < cases.count ? Int32(jumpsToEnd[k] + 1) : noMatch, end: end)
        }
        for jump in jumpsToEnd { code[jump] = .jump(end) }
    }
}
