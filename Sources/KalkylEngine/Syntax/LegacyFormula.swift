/// How Excel 365 reads a formula from a file that does not mark it as a dynamic array: as
/// legacy Excel computed it, where a range that meets a single value gives one cell, the one in
/// the formula's row or column (implicit intersection). Excel 365 shows those places with `@`,
/// and so does Kalkyl, which then computes the formula as every other:
///
/// - where a single value is wanted, a range gets `@`: an operator's operands, the values of
///   single-value functions, a function's value parameters and an expression in a reference
///   parameter (`ParameterKinds`, the table the evaluator uses too): `=ROUND(J2:J7,2)` reads as
///   `=ROUND(@J2:J7,2)`, `=Liste*100+B2:B4` as `=@Liste*100+@B2:B4`, `=SUM(A1:A3*2)` as
///   `=SUM(@A1:A3*2)`, `=VLOOKUP(D2:D9,T,2,0)` as `=VLOOKUP(@D2:D9,T,2,0)`;
/// - ranges stay whole in reference and array parameters (`=SUM(A1:A3)`, `=SUMPRODUCT(A1:A3*B1:B3)`)
///   and in the arguments of functions the table does not list;
/// - a formula whose result could still be several cells gets `@` in front: `=INDEX(A:A,0)`
///   reads as `=@INDEX(A:A,0)`.
public enum LegacyFormula {
    /// The formula with `@` where legacy Excel took one value. `isMultiCellName` tells whether
    /// a defined name may stand for several cells.
    public static func intersected(_ expression: Expression, isMultiCellName: (String) -> Bool) -> Expression {
        let inner = scalarChain(expression, isMultiCellName)
        return mayBeArray(inner, isMultiCellName) ? .call("SINGLE", [inner]) : inner
    }

    /// The formula as a file without the dynamic-array flag stores it, or nil when it needs the
    /// flag: its `@` are those `intersected` would put back (`=@A1:A3` is stored `A1:A3`).
    public static func legacyForm(of expression: Expression, isMultiCellName: (String) -> Bool) -> Expression? {
        var candidate = expression
        if case .call("SINGLE", let arguments) = expression, arguments.count == 1 { candidate = arguments[0] }
        let stripped = strippingChainIntersections(candidate)
        return intersected(stripped, isMultiCellName: isMultiCellName) == expression ? stripped : nil
    }

    private static func single(_ e: Expression) -> Expression { .call("SINGLE", [e]) }

    private static let branching: Set<String> = ["IF", "IFS", "IFERROR", "IFNA", "CHOOSE", "SWITCH"]

    /// Functions whose result may be an array or a range of several cells whatever their
    /// arguments are.
    private static let returningArrays: Set<String> = [
        "INDEX", "OFFSET", "INDIRECT", "TRANSPOSE", "MMULT", "MINVERSE", "MUNIT", "FREQUENCY", "LINEST", "LOGEST",
        "TREND", "GROWTH", "ANCHORARRAY", "FILTER", "SORT", "SORTBY", "UNIQUE", "SEQUENCE", "RANDARRAY", "TAKE", "DROP",
        "CHOOSECOLS", "CHOOSEROWS", "HSTACK", "VSTACK", "TOCOL", "TOROW", "WRAPCOLS", "WRAPROWS", "EXPAND", "LET",
        "TEXTSPLIT", "MODE.MULT", "REGEXEXTRACT", "MAP", "REDUCE", "SCAN", "BYROW", "BYCOL", "MAKEARRAY",
    ]

    /// Functions whose result is an array when an argument is: those Excel lifts over arrays,
    /// and ROW and COLUMN of a range.
    private static func followsArguments(_ name: String) -> Bool {
        if name == "ROW" || name == "COLUMN" { return true }
        guard let id = FunctionRegistry.id(of: name) else { return false }
        return FunctionRegistry.definitions[Int(id)].liftsArrays
    }

    private static func isRange(_ e: Expression, _ names: (String) -> Bool) -> Bool {
        switch e {
        case .reference(let r): return r.shape != .cell
        case .name(let n): return names(n)
        case .structured: return true
        case .binary(let op, _, _): return op == .range || op == .intersection
        case .parenthesized(let inner): return isRange(inner, names)
        default: return false
        }
    }

    /// `e` where one value is wanted.
    private static func scalarChain(_ e: Expression, _ names: (String) -> Bool) -> Expression {
        if isRange(e, names) { return single(e) }
        switch e {
        case .binary(let op, let l, let r): return .binary(op, scalarChain(l, names), scalarChain(r, names))
        case .unary(let op, let x): return .unary(op, scalarChain(x, names))
        case .percent(let x): return .percent(scalarChain(x, names))
        case .parenthesized(let x): return .parenthesized(scalarChain(x, names))
        case .call("SINGLE", _): return e
        case .call(let name, let arguments) where followsArguments(name) && name != "ROW" && name != "COLUMN":
            return .call(name, arguments.map { scalarChain($0, names) })
        case .call(let name, let arguments):
            return .call(name, arguments.enumerated().map { i, argument in
                switch ParameterKinds.kind(of: name, at: i) {
                case .value, .passThrough: return scalarChain(argument, names)
                case .reference: return referenceChain(argument, names)
                case .array, nil: return argument
                }
            })
        default: return e
        }
    }

    /// `e` where a reference is wanted: a range stays, and so do the choices of IF, CHOOSE and
    /// their kin (`SUM(CHOOSE(2,A1:A3,B1:B3))`); anything else is computed as one value.
    private static func referenceChain(_ e: Expression, _ names: (String) -> Bool) -> Expression {
        if isRange(e, names) { return e }
        switch e {
        case .parenthesized(let x): return .parenthesized(referenceChain(x, names))
        case .call(let name, let arguments) where branching.contains(name):
            return .call(name, arguments.enumerated().map { i, argument in
                ParameterKinds.kind(of: name, at: i) == .passThrough ? referenceChain(argument, names) : scalarChain(argument, names)
            })
        default: return scalarChain(e, names)
        }
    }

    /// Takes out every `@` before a range, which `scalarChain` may have put in.
    private static func strippingChainIntersections(_ e: Expression) -> Expression {
        switch e {
        case .call("SINGLE", let arguments) where arguments.count == 1: return arguments[0]
        case .binary(let op, let l, let r) where op != .range && op != .intersection:
            return .binary(op, strippingChainIntersections(l), strippingChainIntersections(r))
        case .unary(let op, let x): return .unary(op, strippingChainIntersections(x))
        case .percent(let x): return .percent(strippingChainIntersections(x))
        case .parenthesized(let x): return .parenthesized(strippingChainIntersections(x))
        case .call(let name, let arguments): return .call(name, arguments.map(strippingChainIntersections))
        default: return e
        }
    }

    /// Whether the expression's result could be more than one value.
    static func mayBeArray(_ e: Expression, _ names: (String) -> Bool) -> Bool {
        if isRange(e, names) { return true }
        switch e {
        case .array(let rows): return rows.count > 1 || (rows.first?.count ?? 0) > 1
        case .binary(_, let l, let r): return mayBeArray(l, names) || mayBeArray(r, names)
        case .unary(_, let x), .percent(let x), .parenthesized(let x): return mayBeArray(x, names)
        case .call("SINGLE", _): return false
        case .call(let name, let arguments):
            if returningArrays.contains(name) { return true }
            if branching.contains(name) || followsArguments(name) { return arguments.contains { mayBeArray($0, names) } }
            return false
        default: return false
        }
    }
}
