import Foundation
import KalkylEngine
import KalkylFormats
import KalkylForms

/// Setting and clearing cells, undo and redo, and the change list an edit prints.
extension REPLSession {
    /// `CELL = INPUT` or `RANGE = INPUT`: the target and where the input starts (for carets).
    func assignment(in line: String) -> (target: String, input: String, column: Int)? {
        guard let equals = line.firstIndex(of: "=") else { return nil }
        let target = line[..<equals].trimmingCharacters(in: .whitespaces)
        guard !target.isEmpty, !target.contains(" ") || target.hasPrefix("'"),
              (try? workbook.range(of: target, defaultSheet: currentSheet)) != nil else { return nil }
        var inputStart = line.index(after: equals)
        while inputStart < line.endIndex && line[inputStart] == " " { inputStart = line.index(after: inputStart) }
        return (target, String(line[inputStart...]), line.distance(from: line.startIndex, to: inputStart))
    }

    func assign(_ target: String, _ input: String, line: String, inputColumn: Int) -> Outcome {
        let sheet: Int, range: CellRange
        do {
            (sheet, range) = try workbook.range(of: target, defaultSheet: currentSheet)
        } catch {
            return failure(error.description)
        }
        guard range.cellCount <= REPLSession.maximumEditedCells else {
            return failure("\(target) is \(range.cellCount) cells; one edit sets at most \(REPLSession.maximumEditedCells) (a whole column)")
        }
        let (typed, typedFormat) = CellInput.typedWithFormat(input, locale: locale)
        // A percent, an amount in kronor or a date gets the format its typing implies, unless the cells have one.
        if let typedFormat, workbook.sheets[sheet].numberFormat(at: range.start) == nil {
            workbook.updateLayout(ofSheet: sheet) { $0.numberFormats.append((range: range, format: typedFormat)) }
        }
        // A formula is parsed at the first cell and printed at each: relative references move along.
        var expression: KalkylEngine.Expression? = nil
        if case .formula(let text) = typed {
            do {
                expression = try FormulaParser.parse(text, at: range.start, locale: locale)
            } catch {
                return failure(caret(in: line, at: inputColumn + error.offset, error.message))
            }
        }
        // A form's field takes only what its rule allows, as in `new`, `fill`, `set` and `form`.
        if range.cellCount == 1, let problem = FormWorkbook.problem(typing: input, at: CellLocation(sheet: sheet, address: range.start), in: workbook) {
            return failure(problem.description)
        }
        var after: [(CellLocation, CellInput)] = []
        after.reserveCapacity(range.cellCount)
        for address in range.addresses {
            let location = CellLocation(sheet: sheet, address: address)
            if let expression {
                after.append((location, .formula(FormulaPrinter.formula(expression, at: address))))
            } else {
                after.append((location, typed))
            }
        }
        let formBefore = FormWorkbook.problems(of: workbook)
        var outcome = apply(after, description: "\(target) = \(input)")
        guard !outcome.failed else { return outcome }
        // The form's rules between fields, now that both values are known: a problem of the
        // edited field takes the edit back; one of another field is said after the changes.
        let fresh = FormWorkbook.newProblems(of: workbook, before: formBefore)
        let refused = FormWorkbook.refusals(editing: after.map(\.0), in: workbook, newProblems: fresh)
        if !refused.isEmpty {
            if let step = history.popUndo() {
                _ = apply(step.before, description: step.description, recording: false, tables: step.tables?.before)
                history.forgetUndone()
            }
            return failure(refused.map(\.description).joined(separator: "\n"))
        }
        for problem in fresh { outcome.output += "  form: \(problem)\n" }
        return outcome
    }

    func clear(_ words: [String]) throws -> Outcome {
        guard words.count == 1 else { return failure("expected 'clear CELL' or 'clear RANGE'") }
        let (sheet, range) = try range(words[0])
        // Only cells that hold something change; the rest of a whole-sheet range is empty already.
        let filled = workbook.cells(inSheet: sheet).map(\.address).filter(range.contains)
        return apply(filled.map { (CellLocation(sheet: sheet, address: $0), .constant(.empty)) }, description: "clear \(words[0])")
    }

    /// Applies inputs as one undoable step and reports what changed. A new edit right below a
    /// table grows it (as in Excel); undo and redo put the tables back with the cells.
    func apply(_ inputs: [(CellLocation, CellInput)], description: String, recording: Bool = true,
               tables: [Table]? = nil) -> Outcome {
        if let tables { workbook.restoreTables(tables) }
        var before = inputs.map { ($0.0, workbook.input(at: $0.0)) }
        for (location, input) in inputs {
            do {
                try workbook.set(input, at: location)
            } catch {
                // Put back what was set so far: a failed edit changes nothing.
                for (l, i) in before { try? workbook.set(i, at: l) }
                workbook.recalculate()
                return failure(error.description)
            }
        }
        var grew: [String] = []
        var step = EditHistory.Step(description: description, before: before, after: inputs)
        if recording {
            let growth = workbook.growTables(toInclude: inputs.map(\.0))
            if !growth.grown.isEmpty {
                before += growth.filled.map { ($0.0, CellInput.constant(.empty)) }
                step = .init(description: description, before: before, after: inputs + growth.filled, tables: (growth.tablesBefore, workbook.tables))
                for name in growth.grown {
                    if let table = workbook.table(named: name) { grew.append("  table \(name) now \(table.range)") }
                }
            }
        }
        let result = workbook.recalculate()
        if recording { history.record(step) }
        markEdited()
        return Outcome(output: report(result, before: grew))
    }

    func markEdited() {
        isDirty = true
        warnedAboutUnsavedChanges = false
    }

    /// One line of the change list: a cell, its value before → after.
    func changeLine(_ change: RecalculationResult.Change, stale: Set<CellLocation> = []) -> String {
        let format = workbook.sheets[Int(change.location.sheet)].numberFormat(at: change.location.address)
        let note = stale.contains(change.location) ? "  (may be out of date: it reads a formula Kalkyl does not compute)" : ""
        return "  \(workbook.name(of: change.location))  \(locale.changeText(of: change.oldValue, format: format)) → \(locale.changeText(of: change.newValue, format: format))\(note)"
    }

    /// The changed cells, old → new, at most `changeLimit` lines, then the count and the time.
    /// `before`: lines that come first (what moved, what grew). `changes` shows all of it.
    func report(_ result: RecalculationResult, before: [String] = []) -> String {
        let stale = document.uncomputed.isEmpty ? [] : Set(document.possiblyStale())
        var lines = before + result.changes.map { changeLine($0, stale: stale) }
        for cycle in result.cycles { lines.append("  circular reference: " + workbook.describe(cycle: cycle)) }
        let milliseconds = Double(result.duration.components.attoseconds) / 1e15 + Double(result.duration.components.seconds) * 1000
        let summary = "\(result.changes.count) changed, \(result.recomputedCount) recalculated in \(String(format: "%.2f", milliseconds)) ms"
        return listing(lines, summary: summary)
    }

    /// Keeps the whole list for `changes` and gives its first `changeLimit` lines.
    func listing(_ lines: [String], summary: String) -> String {
        lastChanges = lines + [summary]
        var out = lines.prefix(changeLimit).map { $0 + "\n" }.joined()
        if lines.count > changeLimit { out += "  … and \(lines.count - changeLimit) more ('changes' lists them all)\n" }
        return out + summary + "\n"
    }

    func changes() -> Outcome {
        guard !lastChanges.isEmpty else { return Outcome(output: "no edit yet\n") }
        return Outcome(output: lastChanges.map { $0 + "\n" }.joined())
    }

    func undo(_ words: [String], redo: Bool) throws -> Outcome {
        guard words.count <= 1 else { return failure("expected '\(redo ? "redo" : "undo") [N]'") }
        let steps = words.first.map { Int($0) ?? 0 } ?? 1
        guard steps >= 1 else { return failure("expected a number of steps, found '\(words[0])'") }
        var output = ""
        for _ in 0..<steps {
            guard let step = redo ? history.popRedo() : history.popUndo() else {
                if output.isEmpty { return Outcome(warning: "nothing to \(redo ? "redo" : "undo")") }
                break
            }
            output += (redo ? "redo: " : "undo: ") + step.description + "\n"
            if let contents = step.contents {
                let result = document.restore(redo ? contents.after : contents.before)
                output += "  the workbook is as it was \(redo ? "after" : "before") it\n"
                for cycle in result.cycles { output += "  circular reference: " + workbook.describe(cycle: cycle) + "\n" }
                lastChanges = []
                markEdited()
            } else if let layout = step.layout {
                workbook.updateLayout(ofSheet: layout.sheet) { (redo ? layout.after : layout.before).apply(to: &$0) }
                markEdited()
            } else {
                output += apply(redo ? step.after : step.before, description: step.description, recording: false,
                                tables: redo ? step.tables?.after : step.tables?.before).output
            }
        }
        return Outcome(output: output)
    }

    /// Runs an edit that rewrites the workbook (rows, a move, a name) as one undoable step.
    func rewriting(_ description: String, _ body: () throws -> [String]) throws -> Outcome {
        let before = document.contents()
        let lines = try body()
        history.record(.init(description: description, contents: (before, document.contents())))
        markEdited()
        return Outcome(output: lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"))
    }

    /// Changes a sheet's layout as one undoable step.
    func relayout(sheet: Int, _ description: String, _ body: (inout Sheet) -> Void) {
        let before = EditHistory.SheetLayout(workbook.sheets[sheet])
        workbook.updateLayout(ofSheet: sheet, body)
        history.record(.init(description: description, layout: (sheet, before, EditHistory.SheetLayout(workbook.sheets[sheet]))))
        markEdited()
    }
}
