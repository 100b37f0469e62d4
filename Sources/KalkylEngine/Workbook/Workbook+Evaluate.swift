extension Workbook {
    /// Evaluates a formula against the workbook without changing it, as if it stood in `host`
    /// of `sheet` (relative references count from there), written in `locale`.
    public func evaluate(_ formula: String, sheet: Int = 0, host: CellAddress = CellAddress(row: 0, column: 0),
                         locale: SpreadsheetLocale = .english) throws(WorkbookError) -> Value {
        let result = try evaluateAll(formula, sheet: sheet, host: host, locale: locale)
        return result.values[0]
    }

    /// The whole result: every value of an array or a range of several cells, as the formula
    /// would spill them (a 1×1 matrix for one value).
    public func evaluateAll(_ formula: String, sheet: Int = 0, host: CellAddress = CellAddress(row: 0, column: 0),
                            locale: SpreadsheetLocale = .english) throws(WorkbookError) -> Matrix {
        let expression: Expression
        do {
            expression = try FormulaParser.parse(formula, at: host, locale: locale)
        } catch {
            throw WorkbookError.formula(error, in: formula)
        }
        let compiled = FormulaCompiler.compile(expression, hostSheet: sheet, environment: self)
        let context = EvaluationContext(workbook: self)
        context.sheet = Int32(sheet)
        context.host = host
        let first = evaluator.evaluate(compiled, in: context)
        if let array = evaluator.takeSpilledResult(), array.values.count > 1 {
            return Matrix(rows: array.rows, columns: array.columns, values: array.values.map(Evaluator.shownInCell))
        }
        return Matrix(rows: 1, columns: 1, values: [first])
    }
}
