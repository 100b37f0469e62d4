import Foundation
import KalkylEngine
import KalkylFormats

/// How cells are shown (formats, widths, the locale) and defined names.
extension REPLSession {
    /// `format G2:G22 "0,0 %"`: a number format for cells, written in the session's locale
    /// (`"0,0 %"`, `"# ##0"` in Swedish), stored canonically.
    func format(_ words: [String]) throws -> Outcome {
        guard words.count >= 2 else { return failure("expected 'format RANGE CODE', e.g. format G2:G22 \"0,0%\"") }
        let (sheet, range) = try range(words[0])
        let code = words.dropFirst().joined(separator: " ")
        let canonical = locale.canonicalFormat(code)
        relayout(sheet: sheet, "format \(words[0]) \(code)") { $0.numberFormats.append((range: range, format: canonical)) }
        return Outcome(output: TableView.render(workbook, sheet: sheet, range: range, locale: locale, width: displayWidth))
    }

    /// `width A 30`, `width B:F 14`.
    func width(_ words: [String]) throws -> Outcome {
        guard words.count == 2, let span = Self.span(words[0].uppercased(), axis: .columns),
              let width = locale.number(from: words[1])?.value, width > 0, width <= 255 else {
            return failure("expected 'width COL[:COL] N' with N from 1 to 255 characters, e.g. width A 30")
        }
        relayout(sheet: currentSheet, "width \(words[0]) \(words[1])") { sheet in
            for column in span { sheet.columnWidths[column] = width }
        }
        return Outcome(output: "width of \(words[0].uppercased()) in \(workbook.sheets[currentSheet].name): \(locale.text(of: .number(width)))\n")
    }

    /// `name Andel = C2:C22` (cells of the current sheet, absolute), `name Moms = 0,25`,
    /// `name Dubbel = Parametrar!B1*2` (a formula in the session's locale).
    func name(_ raw: String) throws -> Outcome {
        guard let equals = raw.firstIndex(of: "=") else { return failure("expected 'name NAME = RANGE' or 'name NAME = FORMULA'") }
        let name = raw[..<equals].trimmingCharacters(in: .whitespaces)
        var definition = raw[raw.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard DefinedName.isValid(name) else { throw WorkbookError.invalidName(name) }
        guard !definition.isEmpty else { return failure("name \(name) needs a definition after =") }
        if definition.hasPrefix("=") { definition.removeFirst() }
        let canonical: String
        if namedOrPlainRange(definition), let (sheet, range) = try? range(definition) {
            let sheetName = SheetName.quotedIfNeeded(workbook.sheets[sheet].name)
            let absolute = range.isSingleCell ? "$\(A1.columnName(Int(range.start.column)))$\(range.start.row + 1)"
                : "$\(A1.columnName(Int(range.start.column)))$\(range.start.row + 1):$\(A1.columnName(Int(range.end.column)))$\(range.end.row + 1)"
            canonical = "=\(sheetName)!\(absolute)"
        } else {
            do {
                let expression = try FormulaParser.parse("=" + definition, at: CellAddress(row: 0, column: 0), locale: locale)
                canonical = FormulaPrinter.formula(expression, at: CellAddress(row: 0, column: 0))
            } catch {
                return failure("\(error.message) at position \(error.offset) of \(definition)")
            }
        }
        return try rewriting("name \(name) = \(definition)") {
            try workbook.defineName(name, formula: canonical)
            workbook.recalculate()
            return ["  \(name) stands for \(localFormula(canonical).dropFirst())"]
        }
    }

    /// Whether a definition is a range as typed (`C2:C22`, `Blad!B2`), not a formula.
    private func namedOrPlainRange(_ text: String) -> Bool {
        let stripped = text.replacingOccurrences(of: "$", with: "")
        let part = stripped.lastIndex(of: "!").map { String(stripped[stripped.index(after: $0)...]) } ?? stripped
        return CellRange(part) != nil
    }

    func unname(_ words: [String]) throws -> Outcome {
        guard words.count == 1 else { return failure("expected 'unname NAME'") }
        let upper = words[0].uppercased()
        guard let defined = workbook.names.first(where: { $0.name.uppercased() == upper }) else { return failure("no defined name '\(words[0])'") }
        return try rewriting("unname \(defined.name)") {
            workbook.removeName(defined.name, scope: defined.scope)
            let result = workbook.recalculate()
            return ["  \(defined.name) removed"] + result.changes.prefix(changeLimit).map { changeLine($0) }
        }
    }

    /// `locale`, `locale sv`, `locale en`.
    func changeLocale(_ words: [String]) -> Outcome {
        guard let code = words.first else { return Outcome(output: "locale: \(locale.code)\n") }
        guard words.count == 1, let asked = SpreadsheetLocale(code: code) else { return failure("expected 'locale sv' or 'locale en', found '\(words.joined(separator: " "))'") }
        askedLocale = asked
        return Outcome(output: "locale: \(locale.code)\n")
    }
}
