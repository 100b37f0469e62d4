import Foundation

/// Excel's operators on values, and their element-wise form on arrays and ranges
/// (`{1,2}*{3,4}`, `A1:A3>10` inside SUMPRODUCT).
enum Operators {
    static func unary(_ operand: Operand, context: EvaluationContext, _ f: (Double) -> Double) -> Operand {
        if operand.isMultiCell {
            do {
                let m = try Arguments.matrix(of: operand, context: context)
                return .array(Matrix(rows: m.rows, columns: m.columns, values: m.values.map { applyUnary($0, f, context.workbook.locale) }))
            } catch {
                return .error(error)
            }
        }
        let value = Arguments.scalar(of: operand, context: context)
        if case .number(let n) = value { return .value(.number(f(n))) }  // as applyUnary, without the locale
        return .value(applyUnary(value, f, context.workbook.locale))
    }

    private static func applyUnary(_ value: Value, _ f: (Double) -> Double, _ locale: SpreadsheetLocale) -> Value {
        switch value.asNumber(in: locale) {
        case .success(let n): return .number(f(n))
        case .failure(let e): return .error(e)
        }
    }

    static func binary(_ op: BinaryOperator, _ left: Operand, _ right: Operand, context: EvaluationContext) -> Operand {
        if op == .range { return rangeUnion(left, right) }
        if op == .intersection { return intersection(left, right) }
        if !left.isMultiCell && !right.isMultiCell {
            let a = Arguments.scalar(of: left, context: context), b = Arguments.scalar(of: right, context: context)
            // Two numbers (the most common case) need no locale: `apply` would not read it.
            if case .number(let x) = a, case .number(let y) = b, let result = onNumbers(op, x, y) { return .value(result) }
            return .value(apply(op, a, b, locale: context.workbook.locale))
        }
        let a: Matrix, b: Matrix
        let rows = max(left.dimensions.rows, right.dimensions.rows), columns = max(left.dimensions.columns, right.dimensions.columns)
        do {
            try Matrix.checkSize(rows: rows, columns: columns)
            a = try Arguments.matrix(of: left, context: context)
            b = try Arguments.matrix(of: right, context: context)
        } catch {
            return .error(error)
        }
        var values: [Value] = []
        values.reserveCapacity(rows * columns)
        let locale = context.workbook.locale
        for r in 0..<rows {
            for c in 0..<columns {
                values.append(apply(op, a.broadcast(row: r, column: c), b.broadcast(row: r, column: c), locale: locale))
            }
        }
        return .array(Matrix(rows: rows, columns: columns, values: values))
    }

    /// `A1:INDEX(B:B,3)`: the smallest rectangle covering both references on one sheet.
    private static func rangeUnion(_ left: Operand, _ right: Operand) -> Operand {
        guard case .reference(let s1, let r1) = left, case .reference(let s2, let r2) = right else {
            if case .value(.error(let e)) = left { return .error(e) }
            if case .value(.error(let e)) = right { return .error(e) }
            return .error(.value)
        }
        guard s1 == s2 else { return .error(.value) }
        return .reference(sheet: s1, range: CellRange(
            CellAddress(row: min(r1.start.row, r2.start.row), column: min(r1.start.column, r2.start.column)),
            CellAddress(row: max(r1.end.row, r2.end.row), column: max(r1.end.column, r2.end.column))))
    }

    /// `A1:A5 A3:A8`: the cells both references cover, #NULL! when they share none.
    private static func intersection(_ left: Operand, _ right: Operand) -> Operand {
        guard case .reference(let s1, let r1) = left, case .reference(let s2, let r2) = right else {
            if case .value(.error(let e)) = left { return .error(e) }
            if case .value(.error(let e)) = right { return .error(e) }
            return .error(.value)
        }
        let top = max(r1.start.row, r2.start.row), bottom = min(r1.end.row, r2.end.row)
        let left = max(r1.start.column, r2.start.column), right = min(r1.end.column, r2.end.column)
        guard s1 == s2, top <= bottom, left <= right else { return .error(.null) }
        return .reference(sheet: s1, range: CellRange(CellAddress(row: top, column: left), CellAddress(row: bottom, column: right)))
    }

    /// An operator on two numbers, or nil for the operators that are not about numbers.
    @inline(__always)
    static func onNumbers(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Value? {
        if op.isArithmetic { return arithmetic(op, x, y) }
        return comparison(op, ValueComparison.compareNumbers(x, y))
    }

    /// A comparison operator's result from the order of its operands (-1, 0, 1); nil for the
    /// operators that do not compare.
    @inline(__always)
    private static func comparison(_ op: BinaryOperator, _ order: Int) -> Value? {
        switch op {
        case .equal: return .boolean(order == 0)
        case .notEqual: return .boolean(order != 0)
        case .less: return .boolean(order < 0)
        case .lessOrEqual: return .boolean(order <= 0)
        case .greater: return .boolean(order > 0)
        case .greaterOrEqual: return .boolean(order >= 0)
        default: return nil
        }
    }

    /// One operator on two values; errors propagate left first.
    static func apply(_ op: BinaryOperator, _ a: Value, _ b: Value, locale: SpreadsheetLocale = .english) -> Value {
        if case .error(let e) = a { return .error(e) }
        if case .error(let e) = b { return .error(e) }
        if case .number(let x) = a, case .number(let y) = b, let result = onNumbers(op, x, y) { return result }
        switch op {
        case .add, .subtract, .multiply, .divide, .power:
            let x: Double, y: Double
            switch a.asNumber(in: locale) {
            case .success(let n): x = n
            case .failure(let e): return .error(e)
            }
            switch b.asNumber(in: locale) {
            case .success(let n): y = n
            case .failure(let e): return .error(e)
            }
            return arithmetic(op, x, y)
        case .concatenate:
            switch (a.asText(), b.asText()) {
            case (.success(let s), .success(let t)):
                guard s.utf16.count + t.utf16.count <= Value.maximumTextLength else { return .error(.value) }
                return .text(s + t)
            case (.failure(let e), _), (_, .failure(let e)): return .error(e)
            }
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            return comparison(op, ValueComparison.compare(a, b))!
        case .range, .intersection: return .error(.value)
        }
    }

    @inline(__always)
    static func arithmetic(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Value {
        let result: Double
        switch op {
        case .add: result = x + y
        case .subtract: result = x - y
        case .multiply: result = x * y
        case .divide:
            if y == 0 { return .error(.divisionByZero) }
            result = x / y
        default:
            return power(x, y)
        }
        return result.isFinite ? .number(result) : .error(.number)
    }

    /// Excel's `^` and POWER: 0^0 and a negative base with a fractional exponent are #NUM!,
    /// 0 to a negative power is #DIV/0!.
    static func power(_ x: Double, _ y: Double) -> Value {
        if x == 0 && y == 0 { return .error(.number) }
        if x == 0 && y < 0 { return .error(.divisionByZero) }
        if x < 0 && y != y.rounded() { return .error(.number) }
        let result = Foundation.pow(x, y)
        return result.isFinite ? .number(result) : .error(.number)
    }
}
