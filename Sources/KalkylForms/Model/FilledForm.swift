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
        for field in definition.fields where field.kind != .signature && field.kind != .costs {
            let value = values[field.key] ?? .empty
            if case .error(let e) = value {
                problems.append(FieldProblem(field: field.label, message: "the cell shows \(e.code)"))
                continue
            }
            let text = self.text(of: field).trimmingSpaces()
            if text.isEmpty {
                if field.isRequired { problems.append(FieldProblem(field: field.label, message: "is required")) }
                continue
            }
            if let message = check(field, text: text, value: value) {
                problems.append(FieldProblem(field: field.label, message: message))
            }
        }
        problems += crossChecks()
        return problems
    }

    private func check(_ field: FormField, text: String, value: Value) -> String? {
        if field.kind == .amount, case .number(let n) = value {
            // Unspent funds may be negative: over-spending is shown, not hidden.
            if n < 0 && field.key != "ej_forbrukat" { return "must not be negative, got \(SwedishAmount.text(n))" }
            return n * 100 == (n * 100).rounded() ? nil : "has more than two decimals (öre)"
        }
        return field.problem(with: text)
    }

    private func crossChecks() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        switch definition.kind {
        case .rekvisition:
            if case .number(let limit)? = allocated, let requested = number("belopp"), requested > limit {
                problems.append(FieldProblem(field: "Belopp som rekvireras",
                                             message: "\(SwedishAmount.text(requested)) is more than the allocated \(SwedishAmount.text(limit))"))
            }
        case .redovisning:
            if text(of: FormField("granskning", "")) == "2", text(of: FormField("avvikelser", "")).trimmingSpaces().isEmpty {
                problems.append(FieldProblem(field: "Avvikelser och åtgärder", message: "alternative 2 requires the deviations and measures"))
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
