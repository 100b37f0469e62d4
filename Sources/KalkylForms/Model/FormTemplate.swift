import KalkylEngine
import KalkylFormats

extension WorkbookDocument {
    /// Fills a template's parameters (`new --set`, `fill`, the REPL's `new`): a parameter that
    /// fills a form field is checked by the field's rule, and when the result is a form, the
    /// whole form is checked too (the recipient is in the allocation, alternative 2 has its
    /// deviations …). Returns every problem; the caller writes nothing unless there are none.
    public func fillForm(_ given: [String: String], locale: SpreadsheetLocale? = nil) -> [String] {
        let isForm = FormWorkbook.kind(of: workbook) != nil
        let problems = fillParameters(given, locale: locale) { parameter, text in
            guard isForm, let field = FormField.named(parameter.name),
                  let problem = FormRules.problem(field, text: text) else { return nil }
            return ParameterProblem(parameter: parameter.name, about: parameter.description, message: problem.message, field: problem.field)
        }
        guard problems.isEmpty else { return problems.map(\.description) }
        guard let kind = FormWorkbook.kind(of: workbook) else { return [] }
        return FilledForm(kind, from: workbook).problems().map(\.description)
    }
}
