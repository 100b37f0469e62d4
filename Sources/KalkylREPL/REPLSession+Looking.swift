import Foundation
import KalkylEngine
import KalkylFormats

/// Looking at the workbook: cells, ranges, sheets, precedents and dependents, formulas.
extension REPLSession {
    func show(_ words: [String]) throws -> Outcome {
        let wide = words.contains("--wide")
        let argument = words.filter { $0 != "--wide" }.joined(separator: " ")
        let width = wide ? nil : displayWidth
        if argument.isEmpty { return Outcome(output: table(sheet: currentSheet, width: width)) }
        if let sheet = workbook.sheetIndex(named: argument) { return Outcome(output: table(sheet: sheet, width: width)) }
        let (sheet, range) = try range(argument)
        if range.isSingleCell {
            let location = CellLocation(sheet: sheet, address: range.start)
            let value = workbook.value(at: location)
            let format = workbook.sheets[sheet].numberFormat(at: range.start)
            var out = workbook.name(of: location) + "\n"
            if let formula = workbook.formulaText(at: location, locale: locale) { out += "  formula: \(formula)\n" }
            if let uncomputed = document.uncomputedFormula(at: location) {
                out += "  formula: =\(Excerpt.of(uncomputed.formula))\n  not computed by Kalkyl: \(uncomputed.reason); the value is Excel's\n"
            }
            out += "  value:   \(locale.text(of: value, format: format)) (\(value.kindName))\n"
            if let format { out += "  format:  \(locale.localFormat(format))\n" }
            if let notes = workbook.formula(at: location)?.diagnostics, !notes.isEmpty { out += "  note:    \(notes.joined(separator: "; "))\n" }
            out += spillDescription(at: location)
            return Outcome(output: out)
        }
        return Outcome(output: TableView.render(workbook, sheet: sheet, range: range, locale: locale, width: width))
    }

    /// A spill's anchor shows the block it spills (or what blocks it); a covered cell its anchor.
    func spillDescription(at location: CellLocation) -> String {
        if let anchor = workbook.spillAnchor(covering: location) {
            return "  spilled from \(workbook.name(of: anchor))  \(workbook.formulaText(at: anchor, locale: locale) ?? "")\n"
        }
        guard let spill = workbook.spill(at: location) else { return "" }
        if spill.isBlocked {
            let blockers = workbook.cellsBlocking(spillAt: location).map { $0.address.description }
            let reason = blockers.isEmpty ? "it would leave the sheet" : "blocked by " + blockers.prefix(10).joined(separator: ", ") + (blockers.count > 10 ? " …" : "")
            return "  spill:   \(spill.area) (\(spill.area.rowCount) × \(spill.area.columnCount)), \(reason)\n"
        }
        return "  spills:  \(spill.area) (\(spill.area.rowCount) × \(spill.area.columnCount))\n"
            + TableView.render(workbook, sheet: Int(spill.sheet), range: spill.area, locale: locale)
    }

    func table(sheet: Int, width: Int?) -> String {
        let s = workbook.sheets[sheet]
        guard s.usedRowCount > 0 else { return "(\(s.name) is empty)\n" }
        let range = CellRange(CellAddress(row: 0, column: 0), CellAddress(row: s.usedRowCount - 1, column: s.usedColumnCount - 1))
        return s.name + "\n" + TableView.render(workbook, sheet: sheet, range: range, locale: locale, width: width)
    }

    func why(_ words: [String]) throws -> Outcome {
        guard words.count == 1 else { return failure("expected 'why CELL' or 'why NAME'") }
        return Outcome(output: PrecedentTree.render(workbook, from: try workbook.location(of: words[0], defaultSheet: currentSheet), locale: locale))
    }

    /// The formula cells that read a cell, or any cell of a range, directly.
    func deps(_ words: [String]) throws -> Outcome {
        guard words.count == 1 else { return failure("expected 'deps CELL', 'deps RANGE' or 'deps NAME'") }
        let (sheet, range) = try range(words[0])
        guard range.cellCount <= 100_000 else { return failure("\(words[0]) is \(range.cellCount) cells; deps looks at most 100 000") }
        var seen = Set<CellLocation>()
        var dependents: [CellLocation] = []
        for address in range.addresses {
            for dependent in workbook.dependents(of: CellLocation(sheet: sheet, address: address)) where seen.insert(dependent).inserted {
                dependents.append(dependent)
            }
        }
        let what = range.isSingleCell ? workbook.name(of: CellLocation(sheet: sheet, address: range.start)) : "\(SheetName.quotedIfNeeded(workbook.sheets[sheet].name))!\(range)"
        guard !dependents.isEmpty else { return Outcome(output: "no cell depends on \(what)\n") }
        return Outcome(output: dependents.sorted().map { "  " + PrecedentTree.describe($0, in: workbook, locale: locale) + "\n" }.joined())
    }

    /// `eval FORMULA`; a formula wrapped whole in single quotes, as a shell user writes
    /// `'Fördelning!F2:F22'`, is read without them.
    func evaluate(_ call: REPLCommand.Invocation) -> Outcome {
        var formula = call.raw, column = call.rawColumn
        if formula.count >= 2, formula.hasPrefix("'"), formula.hasSuffix("'"), formula.dropFirst().dropLast().firstIndex(of: "'") == nil {
            formula = String(formula.dropFirst().dropLast())
            column += 1
        }
        do {
            let result = try workbook.evaluateAll(formula, sheet: currentSheet, locale: locale)
            return Outcome(output: Self.block(result, locale: locale))
        } catch let WorkbookError.formula(error, _) {
            return failure(caret(in: call.line, at: column + error.offset, error.message))
        } catch {
            return failure("\(error)")
        }
    }

    /// An array as `eval` shows it: aligned columns, numbers to the right, at most 20 rows.
    static func block(_ m: Matrix, locale: SpreadsheetLocale, rowLimit: Int = 20) -> String {
        let shown = min(m.rows, rowLimit)
        let texts = (0..<shown).map { r in (0..<m.columns).map { locale.text(of: m[r, $0]) } }
        let widths = (0..<m.columns).map { c in texts.map { $0[c].count }.max() ?? 0 }
        var out = ""
        for (r, row) in texts.enumerated() {
            let cells = row.enumerated().map { c, text -> String in
                let pad = String(repeating: " ", count: widths[c] - text.count)
                if case .number = m[r, c] { return pad + text }
                return text + pad
            }
            out += cells.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        if m.rows > shown { out += "… and \(m.rows - shown) more rows (\(m.rows) × \(m.columns))\n" }
        return out
    }

    func use(_ words: [String]) throws -> Outcome {
        let name = words.joined(separator: " ")
        guard let sheet = workbook.sheetIndex(named: name) else { throw WorkbookError.noSuchSheet(name) }
        currentSheet = sheet
        return Outcome(output: "current sheet: \(workbook.sheets[sheet].name)\n")
    }

    func sheets() -> Outcome {
        var out = ""
        for (i, sheet) in workbook.sheets.enumerated() {
            out += (i == currentSheet ? "* " : "  ") + sheet.name + "  (\(sheet.usedRowCount) rows × \(sheet.usedColumnCount) columns)\n"
        }
        return Outcome(output: out)
    }

    func names() -> Outcome {
        guard !workbook.names.isEmpty else { return Outcome(output: "no defined names\n") }
        return Outcome(output: workbook.names.map { name in
            let scope = name.scope.map { " (\(workbook.sheets[$0].name))" } ?? ""
            return "  \(name.name)\(scope) \(localFormula(name.formula))\n"
        }.joined())
    }
}
