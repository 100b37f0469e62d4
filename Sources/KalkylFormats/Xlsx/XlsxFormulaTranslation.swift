import KalkylEngine

/// Formulas as Excel and LibreOffice can compute them. Kalkyl's own ALLOCATE has no Excel
/// counterpart, so it is written as the same largest-remainder split in standard functions:
///
///     part = INT(T·w/S) + 1 when the remainder T·w − S·INT(T·w/S) ranks below the kronor left
///            over, T − SUMPRODUCT(INT(T·W/S)); equal remainders rank by row, earlier first
///
/// with T the total rounded to kronor, W the weights, S their sum and w this row's weight.
/// Cases with no single-cell result (a 2-D weights range, the whole array) stay as written; so
/// does ALLOCATE without a position inside another function, where it is the whole array (as
/// the row's part is only for a cell whose whole formula it is; see `FunctionRegistry.cellResultVariant`).
enum XlsxFormulaTranslation {
    static func formula(_ expression: Expression, at host: CellAddress) -> String {
        FormulaPrinter.xlsxFormula(rewrite(expression, at: host), at: host)
    }

    /// `isWholeFormula`: the expression is the cell's whole formula (perhaps in parentheses).
    static func rewrite(_ expression: Expression, at host: CellAddress, isWholeFormula: Bool = true) -> Expression {
        switch expression {
        case .call(let name, let arguments):
            let arguments = arguments.map { rewrite($0, at: host, isWholeFormula: false) }
            if name == "ALLOCATE", let replacement = allocate(arguments, at: host, ownRow: isWholeFormula) { return .parenthesized(replacement) }
            return .call(name, arguments)
        case .unary(let op, let e): return .unary(op, rewrite(e, at: host, isWholeFormula: false))
        case .binary(let op, let l, let r): return .binary(op, rewrite(l, at: host, isWholeFormula: false), rewrite(r, at: host, isWholeFormula: false))
        case .percent(let e): return .percent(rewrite(e, at: host, isWholeFormula: false))
        case .parenthesized(let e): return .parenthesized(rewrite(e, at: host, isWholeFormula: isWholeFormula))
        default: return expression
        }
    }

    private static func allocate(_ arguments: [Expression], at host: CellAddress, ownRow: Bool) -> Expression? {
        guard arguments.count >= 2, case .reference(let weights) = arguments[1], weights.shape == .area,
              let range = weights.resolve(from: host), range.columnCount == 1 else { return nil }
        func text(_ e: Expression) -> String {
            var out = ""
            FormulaPrinter.write(e, at: host, to: &out)
            return out
        }
        let t = "ROUND(\(text(arguments[0])),0)"
        let w = text(arguments[1])
        let s = "SUM(\(w))"
        let own: String, before: String
        if arguments.count > 2, arguments[2] != .missing {
            let k = text(arguments[2])
            own = "INDEX(\(w),\(k))"
            before = "ROW(\(w))<MIN(ROW(\(w)))+\(k)-1"
        } else {
            guard ownRow, range.start.row <= host.row, host.row <= range.end.row else { return nil }
            own = "INDEX(\(w),ROW()-MIN(ROW(\(w)))+1)"
            before = "ROW(\(w))<ROW()"
        }
        let remainders = "(\(t)*\(w)-\(s)*INT(\(t)*\(w)/\(s)))"
        let remainder = "(\(t)*\(own)-\(s)*INT(\(t)*\(own)/\(s)))"
        let rank = "SUMPRODUCT(--(\(remainders)>\(remainder)))+SUMPRODUCT(--(\(remainders)=\(remainder)),--(\(before)))"
        let left = "\(t)-SUMPRODUCT(INT(\(t)*\(w)/\(s)))"
        let formula = "INT(\(t)*\(own)/\(s))+IF(\(rank)<\(left),1,0)"
        return try? FormulaParser.parse(formula, at: host)
    }
}
