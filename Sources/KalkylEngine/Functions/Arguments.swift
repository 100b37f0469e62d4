/// The arguments of one function call: a view of the evaluator's stack plus the context.
/// Accessors read an argument as Excel reads a parameter of that kind and throw the error
/// value that the function should return.
public struct Arguments {
    let operands: ArraySlice<Operand>
    let context: EvaluationContext

    init(_ operands: ArraySlice<Operand>, context: EvaluationContext) {
        self.operands = operands
        self.context = context
    }

    var count: Int { operands.count }

    subscript(_ i: Int) -> Operand { operands[operands.startIndex + i] }

    /// True when the argument was left out, as in `ROUND(A1,)` or not given at all.
    func isOmitted(_ i: Int) -> Bool {
        guard i < count else { return true }
        if case .value(.empty) = self[i] { return true }
        return false
    }

    // MARK: Scalars

    /// The argument as one value (a multi-cell range meets the formula's row or column).
    func scalar(_ i: Int) -> Value { Arguments.scalar(of: self[i], context: context) }

    func number(_ i: Int) throws(FormulaError) -> Double {
        let value = scalar(i)
        if case .number(let n) = value { return n }  // as asNumber gives it, without fetching the locale
        switch value.asNumber(in: context.workbook.locale) {
        case .success(let n): return n
        case .failure(let e): throw e
        }
    }

    func number(_ i: Int, default fallback: Double) throws(FormulaError) -> Double {
        isOmitted(i) ? fallback : try number(i)
    }

    /// A whole-number parameter: Excel truncates toward zero.
    func integer(_ i: Int) throws(FormulaError) -> Int {
        let n = try number(i)
        guard abs(n) < 1e15 else { throw FormulaError.number }
        return Int(n.rounded(.towardZero))
    }

    func integer(_ i: Int, default fallback: Int) throws(FormulaError) -> Int {
        isOmitted(i) ? fallback : try integer(i)
    }

    func text(_ i: Int) throws(FormulaError) -> String {
        switch scalar(i).asText() {
        case .success(let s): return s
        case .failure(let e): throw e
        }
    }

    func boolean(_ i: Int) throws(FormulaError) -> Bool {
        switch scalar(i).asBoolean() {
        case .success(let b): return b
        case .failure(let e): throw e
        }
    }

    func boolean(_ i: Int, default fallback: Bool) throws(FormulaError) -> Bool {
        isOmitted(i) ? fallback : try boolean(i)
    }

    static func scalar(of operand: Operand, context: EvaluationContext) -> Value {
        switch operand {
        case .value(let v): return v
        case .array(let m): return m.values.first ?? .error(.value)
        case .reference(let sheet, let range):
            return Evaluator.implicitIntersection(sheet: sheet, range: range, context: context)
        }
    }

    // MARK: Arrays and ranges

    /// The argument as a rectangle of values; #NUM! when it is too large to hold (see `Matrix.maximumCount`).
    func matrix(_ i: Int) throws(FormulaError) -> Matrix { try Arguments.matrix(of: self[i], context: context) }

    static func matrix(of operand: Operand, context: EvaluationContext) throws(FormulaError) -> Matrix {
        switch operand {
        case .value(let v): return Matrix(rows: 1, columns: 1, values: [v])
        case .array(let m): return m
        case .reference(let sheet, let range):
            // Every cell counts, empty ones too (`SUM((A:C=0)*1)` counts the empty rows), so a
            // range is never clipped here: one too large is an error, not a smaller answer.
            try Matrix.checkSize(rows: range.rowCount, columns: range.columnCount)
            return matrix(sheet: sheet, range: range, context: context)
        }
    }

    private static func matrix(sheet: Int32, range: CellRange, context: EvaluationContext) -> Matrix {
        var values: [Value] = []
        values.reserveCapacity(range.cellCount)
        for r in range.start.row...range.end.row {
            for c in range.start.column...range.end.column {
                values.append(context.value(sheet: sheet, row: r, column: c))
            }
        }
        return Matrix(rows: range.rowCount, columns: range.columnCount, values: values)
    }

    /// Every value in the argument, for aggregates. Values typed straight into the call
    /// (`SUM(1,"2",TRUE)`) are `direct`; values from ranges and arrays are not, and Excel
    /// ignores text and truth values there.
    func forEachValue(_ i: Int, _ body: (_ value: Value, _ direct: Bool) throws(FormulaError) -> Void) throws(FormulaError) {
        switch self[i] {
        case .value(let v):
            try body(v, true)
        case .array(let m):
            for v in m.values { try body(v, false) }
        case .reference(let sheet, let range):
            try context.forEachStoredValue(sheet: sheet, range: range) { (v) throws(FormulaError) in try body(v, false) }
        }
    }

    /// The numbers an aggregate such as SUM or AVERAGE takes: numbers anywhere; truth values
    /// and numeric text only when typed directly; an error anywhere is the result.
    func forEachNumber(from start: Int = 0, _ body: (Double) -> Void) throws(FormulaError) {
        try forEachNumber(in: start..<count, body)
    }

    func forEachNumber(in indices: Range<Int>, _ body: (Double) -> Void) throws(FormulaError) {
        for i in indices {
            try forEachValue(i) { (value, direct) throws(FormulaError) in
                switch value {
                case .number(let n): body(n)
                case .error(let e): throw e
                case .boolean(let b): if direct { body(b ? 1 : 0) }
                case .text(let s):
                    if direct {
                        guard case .success(let n) = Value.text(s).asNumber(in: context.workbook.locale) else { throw FormulaError.value }
                        body(n)
                    }
                case .empty: break
                }
            }
        }
    }

    func numbers(from start: Int = 0) throws(FormulaError) -> [Double] {
        var result: [Double] = []
        try forEachNumber(from: start) { result.append($0) }
        return result
    }

    /// The numbers of one argument, as `numbers(from:)` takes them (STANDARDIZE's data, TRIMMEAN's array …).
    func numbers(at i: Int) throws(FormulaError) -> [Double] {
        var result: [Double] = []
        try forEachNumber(in: i..<(i + 1)) { result.append($0) }
        return result
    }

    /// The values the `…A` aggregates take (AVERAGEA, MAXA, STDEVA …): in ranges and arrays,
    /// text counts as 0 and truth values as 1 or 0; typed directly, text must read as a number.
    func numbersCountingText(from start: Int = 0) throws(FormulaError) -> [Double] {
        var result: [Double] = []
        for i in start..<count {
            if isOmitted(i) { continue }
            try forEachValue(i) { (value, direct) throws(FormulaError) in
                switch value {
                case .number(let n): result.append(n)
                case .error(let e): throw e
                case .boolean(let b): result.append(b ? 1 : 0)
                case .text(let s):
                    if direct {
                        guard case .success(let n) = Value.text(s).asNumber(in: context.workbook.locale) else { throw FormulaError.value }
                        result.append(n)
                    } else {
                        result.append(0)
                    }
                case .empty: break
                }
            }
        }
        return result
    }

    /// Two arguments of the same size read pairwise (CORREL, SLOPE, COVARIANCE …): pairs where
    /// both are numbers; #N/A when the sizes differ, an error in either is the result.
    func numberPairs(_ i: Int, _ j: Int) throws(FormulaError) -> (x: [Double], y: [Double]) {
        let a = try matrix(i), b = try matrix(j)
        guard a.values.count == b.values.count else { throw FormulaError.notAvailable }
        var x: [Double] = [], y: [Double] = []
        for (u, v) in zip(a.values, b.values) {
            if case .error(let e) = u { throw e }
            if case .error(let e) = v { throw e }
            if case .number(let p) = u, case .number(let q) = v { x.append(p); y.append(q) }
        }
        return (x, y)
    }

    /// The reference an argument must be (ROW, OFFSET, ISBLANK of a cell …).
    func reference(_ i: Int) throws(FormulaError) -> (sheet: Int32, range: CellRange) {
        switch self[i] {
        case .reference(let sheet, let range): return (sheet, range)
        case .value(.error(let e)): throw e
        default: throw FormulaError.value
        }
    }
}
