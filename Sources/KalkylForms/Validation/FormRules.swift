/// The rules of a form's fields, in one place: `new --set`, `fill`, `set` and the REPL on a
/// form workbook, and `form` itself all ask here, so a value is right or wrong the same way
/// everywhere, with the same message.
public enum FormRules {
    /// What is wrong with `text` as the value of `field`: empty where it is required, or not of
    /// its kind (a check digit, a date, an e-mail address …); nil when it is right.
    public static func problem(_ field: FormField, text: String) -> FieldProblem? {
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty { return field.isRequired ? FieldProblem(field: field.label, message: "is required") : nil }
        return field.problem(with: trimmed).map { FieldProblem(field: field.label, message: $0) }
    }

    /// The rule for a field by its key (a template parameter's name); nil for a key that is no field.
    public static func problem(key: String, text: String) -> FieldProblem? {
        FormField.named(key).flatMap { problem($0, text: text) }
    }

    /// Alternative 2 of the finance director's review (the report is not correct) needs the
    /// deviations and measures.
    public static func deviationsProblem(alternative: String, deviations: String) -> FieldProblem? {
        guard alternative.trimmingSpaces() == "2", deviations.trimmingSpaces().isEmpty else { return nil }
        return FieldProblem(field: "Avvikelser och åtgärder", message: "alternative 2 requires the deviations and measures")
    }

    /// Labels that are no recipient in a table of recipients: the totals row.
    static func isTotalsLabel(_ text: String) -> Bool {
        let lower = text.trimmingSpaces().lowercased()
        return ["total", "summa", "totalt", "totalsumma", "delsumma", "sum"].contains { lower == $0 || lower.hasPrefix($0 + " ") } || lower.hasPrefix("totalsumma")
    }

    /// The closest of `candidates` to a misspelt `name` (at most a quarter of its letters off).
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        let scored = candidates.map { ($0, editDistance(target, Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, target.count / 4) else { return nil }
        return best.0
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
