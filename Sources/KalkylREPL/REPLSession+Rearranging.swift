import KalkylEngine
import KalkylFormats

/// Inserting and deleting rows and columns, sorting, copying, moving and filling.
extension REPLSession {
    /// `insert rows 22`, `insert rows 22:24 in Fördelning`, `delete columns C:E`.
    func structural(_ words: [String], inserting: Bool) throws -> Outcome {
        let verb = inserting ? "insert" : "delete"
        let usage = "expected '\(verb) rows N[:M] [in SHEET]' or '\(verb) columns C[:E] [in SHEET]'"
        guard words.count == 2 || (words.count == 4 && words[2].lowercased() == "in") else { return failure(usage) }
        let axis: StructuralShift.Axis
        switch words[0].lowercased() {
        case "row", "rows": axis = .rows
        case "column", "columns", "col", "cols": axis = .columns
        default: return failure(usage)
        }
        var sheet = currentSheet
        if words.count == 4 {
            guard let index = workbook.sheetIndex(named: words[3]) else { throw WorkbookError.noSuchSheet(words[3]) }
            sheet = index
        }
        guard let span = Self.span(words[1], axis: axis) else {
            return failure("'\(words[1])' is not \(axis == .rows ? "a row number or rows N:M" : "a column or columns C:E")")
        }
        let shift = StructuralShift(sheet: sheet, axis: axis, start: span.lowerBound, count: span.upperBound - span.lowerBound + 1, isInsertion: inserting)
        let description = "\(verb) \(shift.description) in \(workbook.sheets[sheet].name)"
        var outcome = try rewriting(description) {
            let (edit, notes) = try document.apply(shift)
            return describe(edit, notes: notes)
        }
        outcome.output = (inserting ? "inserted " : "deleted ") + "\(shift.description) in \(workbook.sheets[sheet].name)\n" + outcome.output
        return outcome
    }

    /// `22` or `22:24` (rows, 1-based), `C` or `C:E` (columns): the 0-based span.
    static func span(_ text: String, axis: StructuralShift.Axis) -> ClosedRange<Int32>? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        var indexes: [Int32] = []
        for part in parts {
            switch axis {
            case .rows:
                guard let n = Int32(part), n >= 1, n <= CellAddress.maxRows else { return nil }
                indexes.append(n - 1)
            case .columns:
                guard let c = A1.columnIndex(part) else { return nil }
                indexes.append(Int32(c))
            }
        }
        return indexes.min()!...indexes.max()!
    }

    /// The change list of a structural edit or a move: what moved, which formulas, names and
    /// tables were rewritten, and the values that changed.
    func describe(_ edit: Workbook.StructuralEdit, notes: [String] = []) -> [String] {
        var lines: [String] = []
        var counts: [String] = []
        if edit.movedCells > 0 { counts.append("\(edit.movedCells) cell\(edit.movedCells == 1 ? "" : "s") moved") }
        if edit.deletedCells > 0 { counts.append("\(edit.deletedCells) cell\(edit.deletedCells == 1 ? "" : "s") deleted") }
        if !edit.rewrittenFormulas.isEmpty { counts.append("\(edit.rewrittenFormulas.count) formula\(edit.rewrittenFormulas.count == 1 ? "" : "s") rewritten") }
        if !counts.isEmpty { lines.append("  " + counts.joined(separator: ", ")) }
        // What matters most first: values, then what moved with the cells, then the formulas.
        var detail = edit.changes.map { changeLine($0) }
        for cycle in edit.cycles { detail.append("  circular reference: " + workbook.describe(cycle: cycle)) }
        detail += notes.map { "  " + $0 }
        for (name, old, new) in edit.resizedTables { detail.append("  table \(name)  \(old) → \(new.map(\.description) ?? "deleted")") }
        for (name, old, new) in edit.rewrittenNames { detail.append("  name \(name)  \(localFormula(old)) → \(localFormula(new))") }
        for (location, old, new) in edit.rewrittenFormulas {
            detail.append("  \(workbook.name(of: location))  \(localFormula(old, at: location.address)) → \(localFormula(new, at: location.address))")
        }
        let summary = "\(edit.changes.count) value\(edit.changes.count == 1 ? "" : "s") changed"
        return [listing(lines + detail, summary: summary).trimmingCharacters(in: .newlines)]
    }

    /// Canonical formula text as the session's locale writes it.
    func localFormula(_ canonical: String, at address: CellAddress = CellAddress(row: 0, column: 0)) -> String {
        guard let expression = try? FormulaParser.parse(canonical, at: address) else { return canonical }
        return FormulaPrinter.formula(expression, at: address, locale: locale)
    }

    /// `sort A2:F22 by F desc, A [--header]`.
    func sort(_ words: [String]) throws -> Outcome {
        var words = words
        let header = words.contains("--header")
        words.removeAll { $0 == "--header" }
        guard words.count >= 3, words[1].lowercased() == "by" else { return failure("expected 'sort RANGE by COL [desc], COL …', e.g. sort A2:F22 by F desc, A") }
        var (sheet, range) = try range(words[0])
        if header {
            guard range.rowCount > 1 else { return failure("\(words[0]) has only its header row") }
            range = CellRange(CellAddress(row: range.start.row + 1, column: range.start.column), range.end)
        }
        var keys: [Workbook.SortKey] = []
        for key in words.dropFirst(2).joined(separator: " ").split(separator: ",") {
            let parts = key.split(separator: " ")
            guard let column = parts.first.flatMap({ A1.columnIndex($0) }), parts.count <= 2 else {
                return failure("'\(key.trimmingCharacters(in: .whitespaces))' is not a column to sort by (a letter, then asc or desc)")
            }
            // Swedish Excel's Sort says stigande and fallande.
            let direction = parts.count == 2 ? parts[1].lowercased() : "asc"
            guard ["asc", "desc", "stigande", "fallande"].contains(direction) else { return failure("'\(parts[1])': expected asc or desc (stigande, fallande)") }
            keys.append(.init(column: Int32(column), descending: direction == "desc" || direction == "fallande"))
        }
        let inputs = try workbook.sortInputs(range, sheet: sheet, by: keys, locale: locale)
        return apply(inputs, description: "sort \(words.joined(separator: " "))")
    }

    /// `copy F2 J2:J22`: Excel's copy and paste.
    func copy(_ words: [String]) throws -> Outcome {
        guard words.count == 2 else { return failure("expected 'copy SOURCE DESTINATION', e.g. copy F2 J2:J22") }
        let source = try range(words[0]), destination = try range(words[1])
        let inputs = try workbook.copyInputs(from: source.range, sheet: source.sheet, to: destination.range, sheet: destination.sheet)
        guard inputs.count <= REPLSession.maximumEditedCells else { return failure("the paste is \(inputs.count) cells; one edit sets at most \(REPLSession.maximumEditedCells)") }
        return apply(inputs, description: "copy \(words[0]) \(words[1])")
    }

    /// `fill down C2:C22` copies C2 over C3:C22; `fill right B5:F5` copies B5 over C5:F5.
    func fill(_ words: [String]) throws -> Outcome {
        guard words.count == 2, ["down", "right"].contains(words[0].lowercased()) else { return failure("expected 'fill down RANGE' or 'fill right RANGE'") }
        let (sheet, range) = try range(words[1])
        let down = words[0].lowercased() == "down"
        guard down ? range.rowCount > 1 : range.columnCount > 1 else { return failure("\(words[1]) has one \(down ? "row" : "column"): nothing to fill") }
        let source = down ? CellRange(range.start, CellAddress(row: range.start.row, column: range.end.column))
                          : CellRange(range.start, CellAddress(row: range.end.row, column: range.start.column))
        let target = down ? CellRange(CellAddress(row: range.start.row + 1, column: range.start.column), range.end)
                          : CellRange(CellAddress(row: range.start.row, column: range.start.column + 1), range.end)
        guard target.cellCount <= REPLSession.maximumEditedCells else { return failure("\(words[1]) is more than one edit sets") }
        return apply(try workbook.copyInputs(from: source, sheet: sheet, to: target, sheet: sheet), description: "fill \(words[0]) \(words[1])")
    }

    /// `move A2:B3 D10`: cut and paste on one sheet.
    func move(_ words: [String]) throws -> Outcome {
        guard words.count == 2 else { return failure("expected 'move SOURCE DESTINATION', e.g. move A2:B3 D10") }
        let source = try range(words[0]), destination = try range(words[1])
        guard source.sheet == destination.sheet else { return failure("move works on one sheet; copy to another sheet, then clear the source") }
        return try rewriting("move \(words[0]) \(words[1])") {
            let edit = try workbook.move(source.range, inSheet: source.sheet, to: destination.range.start)
            return ["moved \(source.range) to \(destination.range.start)"] + describe(edit)
        }
    }
}
