import KalkylEngine

/// Writes a workbook as canonical .kalk text: the same workbook always gives the same bytes,
/// and reading that text back gives the same workbook.
public enum KalkWriter {
    public static func text(of workbook: Workbook) -> String { text(of: WorkbookDocument(workbook: workbook)) }

    /// The text of a workbook with its file's title, parameters and comments.
    public static func text(of document: WorkbookDocument) -> String {
        String(decoding: bytes(of: document), as: UTF8.self)
    }

    /// The text as UTF-8 bytes.
    static func bytes(of document: WorkbookDocument) -> [UInt8] {
        var all: [UInt8] = []
        write(document, inChunksOf: .max) { all = $0 }
        return all
    }

    /// The text as UTF-8 bytes given to `emit` in pieces of whole lines, each at least `chunk`
    /// bytes but the last. Written without a `String` per cell: a million-row sheet's addresses,
    /// formulas and numbers are appended straight to one reused buffer.
    static func write<E: Error>(_ document: WorkbookDocument, inChunksOf chunk: Int, _ emit: ([UInt8]) throws(E) -> Void) throws(E) {
        let workbook = document.workbook
        var out: [UInt8] = []
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        func comments(_ anchor: CommentAnchor) {
            for line in document.comments[anchor] ?? [] { add(line + "\n") }
        }
        comments(.header)
        add(KalkFormat.header + "\n")
        if let locale = document.locale { add("locale \(locale.code)\n") }
        if let iteration = workbook.iterativeCalculation {
            add("iterate \(iteration.maximumIterations) \(NumberLiteral.text(iteration.maximumChange))\n")
        }
        if let title = document.title { add("title \(KalkFormat.quote(title))\n") }
        for parameter in document.parameters {
            comments(.parameter(parameter.name))
            add(line(for: parameter) + "\n")
        }
        for name in workbook.names where name.scope == nil {
            comments(.name(name.name))
            add(line(for: name) + "\n")
        }
        let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")
        for (index, sheet) in workbook.sheets.enumerated() {
            add("\n")
            comments(.sheet(sheet.name))
            add("sheet \(sheet.name)\n")
            for column in sheet.columnWidths.keys.sorted() {
                add("width \(A1.columnName(Int(column))) \(NumberLiteral.text(sheet.columnWidths[column]!))\n")
            }
            for (range, format) in sheet.numberFormats {
                add("format \(range) \(KalkFormat.quote(format))\n")
            }
            for table in workbook.tables where table.sheet == index {
                add(line(for: table) + "\n")
            }
            for name in workbook.names where name.scope == index {
                comments(.name(name.name))
                add(line(for: name) + "\n")
            }
            // Cells that share a formula (a filled-down column) share its printed template.
            var templates: [ObjectIdentifier: FormulaTemplate] = [:]
            let hasComments = !document.comments.isEmpty
            try workbook.forEachCellByRow(inSheet: index, inputsOnly: true) { (address, value, formula) throws(E) in
                if hasComments { comments(.cell(sheet: sheet.name, address: address)) }
                address.append(to: &out)
                out.append(space)
                if let formula {
                    let key = ObjectIdentifier(formula)
                    let template = templates[key] ?? FormulaTemplate(formula.expression, style: .canonical)
                    if templates.count < 4096 { templates[key] = template }
                    let start = out.count
                    template.append(at: address, to: &out)
                    // A line break inside a formula's text would end the line: such a formula
                    // is written quoted, `formula "=LEN(\"a\nb\")"`.
                    if mayHaveLineBreak(out[start...]) {
                        let text = String(decoding: out[start...], as: UTF8.self)
                        if text.contains(where: \.isNewline) {
                            out.removeSubrange(start...)
                            add("formula " + KalkFormat.quote(text))
                        }
                    }
                } else {
                    appendConstant(value, to: &out)
                }
                out.append(newline)
                if out.count >= chunk {
                    try emit(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
        }
        if let end = document.comments[.end], !end.isEmpty {
            add("\n")
            comments(.end)
        }
        try emit(out)
    }

    /// False when the text surely has no line break: ASCII without \n, \v, \f, \r (the
    /// others, such as U+2028, are not ASCII).
    private static func mayHaveLineBreak(_ text: ArraySlice<UInt8>) -> Bool {
        text.contains { $0 >= 0x80 || (0x0A...0x0D).contains($0) }
    }

    /// A constant as `constant` writes it; a number without a `String` when it is whole.
    static func appendConstant(_ value: Value, to out: inout [UInt8]) {
        if case .number(let n) = value {
            NumberLiteral.append(n, to: &out)
        } else {
            out.append(contentsOf: constant(value).utf8)
        }
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
