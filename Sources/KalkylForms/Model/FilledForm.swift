import KalkylEngine

/// A form with the values of a workbook: each field's value is the cell its defined name
/// points at (`belopp` → `Rekvisition!$B$12`), so changing the workbook changes the form.
/// The cost items of a report are a two-column range named `kostnader` (item, amount).
/// An optional name `tilldelat` gives the allocated amount a requisition may not exceed.
public struct FilledForm {
    public let definition: FormDefinition
    public private(set) var values: [String: Value] = [:]
    public private(set) var costs: [(item: String, amount: Value)] = []
    public private(set) var allocated: Value?
    /// The recipients of the allocation a requisition takes its amount from (the name
    /// `fordelning_mottagare`), without its totals row and empty rows; nil when the workbook
    /// names none, `names` empty when it names one that is not in the workbook.
    public private(set) var recipients: (source: String, names: [String])?

    /// The name of the allocation's column of recipients in a requisition workbook.
    public static let recipientsName = "fordelning_mottagare"

    public init(_ kind: FormDefinition.Kind, from workbook: Workbook) {
        definition = FormDefinition.of(kind)
        for field in definition.fields where field.kind != .signature {
            if field.kind == .costs {
                costs = FilledForm.costItems(named: field.key, in: workbook)
            } else {
                values[field.key] = FilledForm.value(named: field.key, in: workbook)
            }
        }
        if workbook.definedName("tilldelat", fromSheet: 0) != nil {
            allocated = FilledForm.value(named: "tilldelat", in: workbook)
        }
        if let definition = workbook.names.first(where: { $0.name.lowercased() == FilledForm.recipientsName }) {
            if let (sheet, range) = workbook.namedRange(definition.name, fromSheet: 0) {
                let names = range.addresses.compactMap { address -> String? in
                    guard case .text(let name) = workbook.value(at: CellLocation(sheet: sheet, address: address)) else { return nil }
                    let trimmed = name.trimmingSpaces()
                    return trimmed.isEmpty || FormRules.isTotalsLabel(trimmed) ? nil : trimmed
                }
                recipients = (SheetName.quotedIfNeeded(workbook.sheetNames[sheet]) + "!" + range.description, names)
            } else {
                recipients = (String(definition.formula.dropFirst()), [])
            }
        }
    }

    /// The value of the cell a name points at, read as it is (an empty cell stays empty,
    /// where `=name` would show 0); a name for a formula is evaluated.
    static func value(named name: String, in workbook: Workbook) -> Value {
        guard let definition = workbook.names.first(where: { $0.name.lowercased() == name.lowercased() }) else { return .empty }
        if case .reference(let reference) = definition.expression, reference.shape == .cell,
           let range = reference.resolve(from: CellAddress(row: 0, column: 0)) {
            guard let sheet = reference.sheet.map({ workbook.sheetIndex(named: $0) }) ?? definition.scope else { return .error(.reference) }
            return workbook.value(at: CellLocation(sheet: sheet, address: range.start))
        }
        return (try? workbook.evaluate("=" + name)) ?? .empty
    }

    static func costItems(named name: String, in workbook: Workbook) -> [(item: String, amount: Value)] {
        guard let definition = workbook.names.first(where: { $0.name.lowercased() == name.lowercased() }),
              case .reference(let reference) = definition.expression,
              let range = reference.resolve(from: CellAddress(row: 0, column: 0)) else { return [] }
        let sheet = reference.sheet.flatMap { workbook.sheetIndex(named: $0) } ?? (definition.scope ?? 0)
        var items: [(String, Value)] = []
        for row in range.start.row...range.end.row {
            let item = workbook.value(at: CellLocation(sheet: Int32(sheet), row: row, column: range.start.column))
            let amount = workbook.value(at: CellLocation(sheet: Int32(sheet), row: row, column: range.end.column))
            // Rows without an item and without an amount are the unused rows of a table.
            if item == .empty && (amount == .empty || amount == .number(0)) { continue }
            items.append((item.description, amount))
        }
        return items
    }

    /// The value of a field, as text for the validators (dates as yyyy-mm-dd).
    public func text(of field: FormField) -> String {
        guard let value = values[field.key] else { return "" }
        if field.kind == .date, case .number(let serial) = value { return NumberFormat("yyyy-mm-dd").format(serial) }
        return value.description
    }

    public func number(_ key: String) -> Double? {
        if case .number(let n)? = values[key] { return n }
        if case .text(let s)? = values[key], case .success(let n) = FormValues.amount(s) { return n }
        return nil
    }

    // MARK: Validation

    /// Every problem of the form at once, each naming its field by its Bilaga 2 label.
    public func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        let recipientProblem = self.recipientProblem()
        if let recipientProblem { problems.append(recipientProblem) }
        for field in definition.fields where field.kind != .signature && field.kind != .costs {
            let value = values[field.key] ?? .empty
            if case .error(let e) = value {
                // A failed lookup of the recipient's amount is said once, as the recipient's problem.
                if recipientProblem != nil && field.key == "belopp" { continue }
                problems.append(FieldProblem(field: field.label, message: "the cell shows \(e.code)"))
                continue
            }
            if field.kind == .amount, case .number(let n) = value {
                // Unspent funds may be negative: over-spending is shown, not hidden.
                if n < 0 && field.key != "ej_forbrukat" {
                    problems.append(FieldProblem(field: field.label, message: "must not be negative, got \(SwedishAmount.text(n))"))
                } else if n * 100 != (n * 100).rounded() {
                    problems.append(FieldProblem(field: field.label, message: "has more than two decimals (öre)"))
                }
                continue
            }
            if let problem = FormRules.problem(field, text: text(of: field)) { problems.append(problem) }
        }
        problems += crossChecks()
        return problems
    }

    /// A requisition is for one recipient of the allocation: a name that is not there is said
    /// loudly (with the nearest name), never a requisition of 0 kr.
    private func recipientProblem() -> FieldProblem? {
        guard let recipients, case .text(let typed)? = values["bidragsmottagare"] else { return nil }
        let name = typed.trimmingSpaces()
        guard !name.isEmpty else { return nil }
        if recipients.names.isEmpty {
            return FieldProblem(field: "Belopp som rekvireras", message: "the allocation \(recipients.source) is not in the workbook: make the requisition with --with ALLOCATION.kalk")
        }
        if recipients.names.contains(where: { $0.lowercased() == name.lowercased() }) { return nil }
        var message = "\(name) is not a recipient in \(recipients.source)"
        if FormRules.isTotalsLabel(name) {
            message += " (it is a totals row)"
        } else if let nearest = FormRules.suggestion(for: name, among: recipients.names) {
            message += "; did you mean \(nearest)?"
        }
        return FieldProblem(field: "Bidragsmottagare", message: message)
    }

    private func crossChecks() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        switch definition.kind {
        case .rekvisition:
            // A requisition of nothing is a lookup that failed quietly (a workbook made from an
            // older template, whose IFERROR gave 0), not a request.
            if number("belopp") == 0 {
                problems.append(FieldProblem(field: "Belopp som rekvireras", message: "is 0 kr: is the recipient in the allocation?"))
            }
            if case .number(let limit)? = allocated, let requested = number("belopp"), requested > limit {
                problems.append(FieldProblem(field: "Belopp som rekvireras",
                                             message: "\(SwedishAmount.text(requested)) is more than the allocated \(SwedishAmount.text(limit))"))
            }
        case .redovisning:
            if let problem = FormRules.deviationsProblem(alternative: text(of: FormField("granskning", "")), deviations: text(of: FormField("avvikelser", ""))) {
                problems.append(problem)
            }
            if costs.isEmpty {
                problems.append(FieldProblem(field: "Kostnader (specificera större kostnadsposter)", message: "no cost items"))
            }
            var itemTotal = 0.0
            for (item, amount) in costs {
                guard case .number(let n) = amount else {
                    problems.append(FieldProblem(field: "Kostnader (specificera större kostnadsposter)", message: "the amount of '\(item)' is not a number"))
                    continue
                }
                itemTotal += n
            }
            if let total = number("summa_kostnader"), !costs.isEmpty, abs(itemTotal - total) > 0.005 {
                problems.append(FieldProblem(field: "Summa kostnader", message: "\(SwedishAmount.text(total)) is not the sum of the cost items, \(SwedishAmount.text(itemTotal))"))
            }
            if let grant = number("bidrag_erhallet"), let total = number("summa_kostnader"), let unspent = number("ej_forbrukat"),
               abs(grant - total - unspent) > 0.005 {
                problems.append(FieldProblem(field: "Medel som inte har förbrukats (Bidrag – kostnader)",
                                             message: "\(SwedishAmount.text(unspent)) is not bidrag − kostnader = \(SwedishAmount.text(grant - total))"))
            }
        }
        return problems
    }
}

/// Kronor as a Swedish reader writes them: `13 419 998 kr`, `1 500,50 kr`, `−500 000 kr`.
public enum SwedishAmount {
    public static func text(_ amount: Double) -> String {
        let code = amount == amount.rounded() ? "#,##0" : "#,##0.00"
        let body = NumberFormat(code).format(abs(amount), separators: SpreadsheetLocale.swedish.separators)
        return (amount < 0 ? "−" : "") + body + " kr"
    }
}
