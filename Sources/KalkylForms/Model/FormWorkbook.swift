import KalkylEngine

/// How a workbook holds a form: each field is a defined name for one cell (`belopp` →
/// `Rekvisition!$B$16`), the cost items a name for a range. This is what tells a form workbook
/// from any other, and a form field from any other cell.
public enum FormWorkbook {
    /// The kind of form the workbook is: the kind most of whose field names it defines (at least
    /// half), or nil when it is no form.
    public static func kind(of workbook: Workbook) -> FormDefinition.Kind? {
        let shares = FormDefinition.Kind.allCases.map { ($0, share(of: $0, in: workbook)) }
        guard let best = shares.max(by: { $0.1 < $1.1 }), best.1 >= 0.5 else { return nil }
        return best.0
    }

    /// Why the workbook cannot be rendered as a form of `kind`, in one line, or nil when it can.
    public static func mismatch(_ kind: FormDefinition.Kind, in workbook: Workbook, file: String) -> String? {
        let actual = self.kind(of: workbook)
        guard actual != kind else { return nil }
        if let actual { return "\(file) is \(actual.described), not \(kind.described): use --kind \(actual.rawValue)" }
        return "\(file) is not \(kind.described): it has no names for the form's fields (bidragsmottagare, …); make one with 'kalkyl new \(kind == .rekvisition ? "rekvisition" : "ekonomisk-redovisning") --with \(file)'"
    }

    private static func share(of kind: FormDefinition.Kind, in workbook: Workbook) -> Double {
        let keys = FormDefinition.of(kind).fields.filter { $0.kind != .signature }.map(\.key)
        return Double(keys.filter { workbook.definedName($0, fromSheet: 0) != nil }.count) / Double(keys.count)
    }

    /// The cell a field's name stands for, if it is one cell of the workbook.
    public static func location(of key: String, in workbook: Workbook) -> CellLocation? {
        guard let (sheet, range) = workbook.namedRange(key, fromSheet: 0), range.cellCount == 1 else { return nil }
        return CellLocation(sheet: sheet, address: range.start)
    }

    /// The field of a form workbook whose cell `location` is.
    public static func field(at location: CellLocation, in workbook: Workbook) -> FormField? {
        guard let kind = kind(of: workbook) else { return nil }
        return FormDefinition.of(kind).fields.first { $0.kind != .costs && self.location(of: $0.key, in: workbook) == location }
    }

    /// What is wrong with typing `input` into `location`, when that cell is a form field: the
    /// field's rule, the same as `new`, `fill` and `form` apply. A formula is not checked here
    /// (its value is, by `form`).
    public static func problem(typing input: String, at location: CellLocation, in workbook: Workbook) -> FieldProblem? {
        guard let field = field(at: location, in: workbook), !input.hasPrefix("=") else { return nil }
        return FormRules.problem(field, text: input.hasPrefix("'") ? String(input.dropFirst()) : input)
    }
}

extension FormWorkbook {
    /// The problems of the form a workbook is (none when it is no form).
    public static func problems(of workbook: Workbook) -> [FieldProblem] {
        guard let kind = kind(of: workbook) else { return [] }
        return FilledForm(kind, from: workbook).problems()
    }

    /// The problems an edit brought: those of the form after it that it did not have before
    /// (a rule between two fields, once both are known; a recipient not in the allocation).
    public static func newProblems(of workbook: Workbook, before: [FieldProblem]) -> [FieldProblem] {
        problems(of: workbook).filter { !before.contains($0) }
    }
}

extension FormWorkbook {
    /// The new problems an edit of `edited` brought that are problems of the edited fields
    /// themselves (a recipient not in the allocation; deviations emptied under alternative 2):
    /// such an edit is refused. New problems of other fields are only reported: the other value
    /// may simply not be typed yet.
    public static func refusals(editing edited: [CellLocation], in workbook: Workbook, newProblems: [FieldProblem]) -> [FieldProblem] {
        let labels = Set(edited.compactMap { field(at: $0, in: workbook)?.label })
        return newProblems.filter { labels.contains($0.field) }
    }
}

extension FormDefinition.Kind {
    /// "a requisition (rekvisition)", for messages.
    public var described: String {
        self == .rekvisition ? "a requisition (rekvisition)" : "a financial report (ekonomisk redovisning)"
    }
}
