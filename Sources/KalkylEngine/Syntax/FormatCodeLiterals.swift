/// The format codes written as text in formulas — TEXT's second argument — which a locale
/// writes its own way (`TEXT(A1;"# ##0,00")` in Swedish) while files store them canonically.
enum FormatCodeLiterals {
    /// The expression with `transform` applied to every literal format code.
    static func map(_ expression: Expression, _ transform: (String) -> String) -> Expression {
        func walk(_ e: Expression) -> Expression {
            switch e {
            case .call(let name, var arguments):
                arguments = arguments.map(walk)
                if name == "TEXT", arguments.count == 2, case .text(let code) = arguments[1] { arguments[1] = .text(transform(code)) }
                return .call(name, arguments)
            case .unary(let op, let x): return .unary(op, walk(x))
            case .binary(let op, let l, let r): return .binary(op, walk(l), walk(r))
            case .percent(let x): return .percent(walk(x))
            case .parenthesized(let x): return .parenthesized(walk(x))
            default: return e
            }
        }
        return walk(expression)
    }
}
