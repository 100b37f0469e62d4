extension Workbook {
    /// Evaluates a formula against the workbook without changing it, as if it stood in `host`
    /// of `sheet` (relative references count from there), written in `locale`.
    public func evaluate(_ formula: String, sheet: Int = 0, host: CellAddress = CellAddress(row: 0, column: 0),
                         locale: SpreadsheetLocale = .english) throws(WorkbookError) -> Value {
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
        return evaluator.evaluate(compiled, in: context)
    }
}
