import KalkylEngine

/// Writes a workbook as canonical .kalk text: the same workbook always gives the same bytes,
/// and reading that text back gives the same workbook.
public enum KalkWriter {
    public static func text(of workbook: Workbook) -> String { text(of: WorkbookDocument(workbook: workbook)) }

    /// The text of a workbook with its file's title, parameters and comments.
    public static func text(of document: WorkbookDocument) -> String {
        let workbook = document.workbook
        var out = ""
        func comments(_ anchor: CommentAnchor) {
            for line in document.comments[anchor] ?? [] { out += line + "\n" }
        }
        comments(.header)
        out += KalkFormat.header + "\n"
        if let locale = document.locale { out += "locale \(locale.code)\n" }
        if let iteration = workbook.iterativeCalculation {
            out += "iterate \(iteration.maximumIterations) \(NumberLiteral.text(iteration.maximumChange))\n"
        }
        if let title = document.title { out += "title \(KalkFormat.quote(title))\n" }
        for parameter in document.parameters {
            comments(.parameter(parameter.name))
            out += line(for: parameter) + "\n"
        }
        for name in workbook.names where name.scope == nil {
            comments(.name(name.name))
            out += line(for: name) + "\n"
        }
        for (index, sheet) in workbook.sheets.enumerated() {
            out += "\n"
            comments(.sheet(sheet.name))
            out += "sheet \(sheet.name)\n"
            for column in sheet.columnWidths.keys.sorted() {
                out += "width \(A1.columnName(Int(column))) \(NumberLiteral.text(sheet.columnWidths[column]!))\n"
            }
            for (range, format) in sheet.numberFormats {
                out += "format \(range) \(KalkFormat.quote(format))\n"
            }
            for table in workbook.tables where table.sheet == index {
                out += line(for: table) + "\n"
            }
            for name in workbook.names where name.scope == index {
                comments(.name(name.name))
                out += line(for: name) + "\n"
            }
            // Cells that share a formula (a filled-down column) share its printed template.
            var templates: [ObjectIdentifier: FormulaTemplate] = [:]
            let hasComments = !document.comments.isEmpty
            for cell in workbook.cells(inSheet: index, inputsOnly: true) {
                if hasComments { comments(.cell(sheet: sheet.name, address: cell.address)) }
                out += cell.address.description + " "
                if let formula = cell.formula {
                    let key = ObjectIdentifier(formula)
                    let template = templates[key] ?? FormulaTemplate(formula.expression, style: .canonical)
                    if templates.count < 4096 { templates[key] = template }
                    let text = template.text(at: cell.address)
                    // A line break inside a formula's text would end the line: such a formula
                    // is written quoted, `formula "=LEN(\"a\nb\")"`.
                    out += mayHaveLineBreak(text) && text.contains(where: \.isNewline) ? "formula " + KalkFormat.quote(text) : text
                } else {
                    out += constant(cell.value)
                }
                out += "\n"
            }
        }
        if let end = document.comments[.end], !end.isEmpty {
            out += "\n"
            comments(.end)
        }
        return out
    }

    /// False when the text surely has no line break: ASCII without \n, \v, \f, \r (the
    /// others, such as U+2028, are not ASCII).
    private static func mayHaveLineBreak(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0x80 || (0x0A...0x0D).contains($0) }
    }

    static func constant(_ value: Value) -> String {
        switch value {
        case .empty: return "\"\""
        case .number(let n): return NumberLiteral.text(n)
        case .text(let s): return KalkFormat.quote(s)
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e.code
        }
    }

    static func line(for table: Table) -> String {
        var parts = ["table", table.name, table.range.description]
        if !table.hasHeaderRow { parts.append("noheader") }
        if table.hasTotalsRow { parts.append("totals") }
        return (parts + table.columns.map(KalkFormat.quote)).joined(separator: " ")
    }

    static func line(for name: DefinedName) -> String {
        "name \(name.name) = " + String(name.formula.dropFirst())
    }

    static func line(for p: TemplateParameter) -> String {
        var parts = ["param", p.name, p.kind.rawValue]
        if let cell = p.cell { parts.append("cell=" + word(cell)) }
        if let d = p.defaultValue { parts.append("default=" + word(d)) }
        if let min = p.minimum { parts.append("min=" + NumberLiteral.text(min)) }
        if let max = p.maximum { parts.append("max=" + NumberLiteral.text(max)) }
        if p.isRequired { parts.append("required") }
        parts.append(KalkFormat.quote(p.description))
        return parts.joined(separator: " ")
    }

    /// A bare word when it has no spaces or quotes, else quoted.
    private static func word(_ s: String) -> String {
        s.isEmpty || s.contains(where: { $0 == " " || $0 == "\"" || $0 == "\\" || $0 == "=" }) ? KalkFormat.quote(s) : s
    }
}
