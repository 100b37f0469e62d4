import Foundation
import KalkylEngine
import KalkylFormats
import KalkylForms

/// One interactive session: a workbook, the current sheet, the undo history, and the commands.
/// `execute` takes one line and returns what to print; the terminal side (readline, prompt,
/// colour) is `REPLLoop`'s, so the session runs the same from a terminal, a pipe or a test.
public final class REPLSession {
    public struct Outcome {
        public var output = ""
        /// A message for standard error; the command failed.
        public var error: String?
        public var quit = false
        public var failed: Bool { error != nil }
    }

    /// The workbook and what its file carries (an xlsx package is written back on save).
    public private(set) var document: WorkbookDocument
    public var workbook: Workbook { document.workbook }
    public private(set) var path: String?
    public private(set) var currentSheet = 0
    /// How typed numbers and formulas are read and values shown (`locale sv|en`).
    public var locale: SpreadsheetLocale
    /// The locale asked for on the command line or with `locale`, which opening another
    /// workbook keeps; without one each workbook brings its own (see `WorkbookDocument.sessionLocale`).
    public var askedLocale: SpreadsheetLocale? {
        didSet { locale = document.sessionLocale(asked: askedLocale, environment: ProcessInfo.processInfo.environment) }
    }
    /// How many changed cells an edit lists before it says how many more there are.
    public var changeLimit = 20
    /// Where `new` finds templates.
    public var templates: TemplateLibrary?
    var history = EditHistory()
    var isDirty = false
    private var warnedAboutUnsavedChanges = false
    /// The file as it was when opened or last saved: `save` refuses to overwrite a change
    /// another program made since (a lost update).
    private var snapshot: FileSnapshot?
    /// What opening the file had to say (formulas Kalkyl does not compute).
    public var openingWarnings: [String] { document.warnings }

    public convenience init(workbook: Workbook, path: String?) {
        self.init(document: WorkbookDocument(workbook: workbook), path: path)
    }

    public init(document: WorkbookDocument, path: String?) {
        self.document = document
        locale = document.sessionLocale(environment: ProcessInfo.processInfo.environment)
        self.path = path
        snapshot = path.flatMap(FileSnapshot.init(path:))
    }

    /// Opens a .kalk or .xlsx file, or starts with an empty workbook of one sheet when `path` is nil.
    public static func open(_ path: String?) throws -> REPLSession {
        guard let path else {
            let workbook = Workbook()
            try workbook.addSheet(named: "Blad1")
            return REPLSession(workbook: workbook, path: nil)
        }
        return REPLSession(document: try WorkbookFile.open(path), path: path)
    }

    /// The most cells one edit may set: a whole column. (A whole sheet is 17 billion cells.)
    public static let maximumEditedCells = 1_048_576

    /// Edits that no file holds yet.
    public var hasUnsavedChanges: Bool { isDirty }

    public func execute(_ line: String) -> Outcome {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return Outcome() }
        if let assignment = assignment(in: line) { return assign(assignment.target, assignment.input, line: line, inputColumn: assignment.column) }
        let word = trimmed.prefix(while: { $0 != " " }).lowercased()
        let rest = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        do {
            switch word {
            case "help", "?": return help(rest)
            case "show": return try show(rest)
            case "why": return try why(rest)
            case "deps": return try deps(rest)
            case "eval": return evaluate(rest, line: line, column: line.count - line.drop(while: { $0 == " " }).count + (trimmed.count - rest.count))
            case "undo": return try undo(rest, redo: false)
            case "redo": return try undo(rest, redo: true)
            case "use": return try use(rest)
            case "sheets": return sheets()
            case "names": return names()
            case "locale": return changeLocale(rest)
            case "format": return try format(rest)
            case "save": return try save(rest, force: false)
            case "save!": return try save(rest, force: true)
            case "export": return try export(rest)
            case "open": return try open(rest)
            case "new": return try new(rest)
            case "clear": return try clear(rest)
            case "form": return try form(rest)
            case "check": return checkForm(rest)
            case "quit", "exit": return quit()
            default:
                return failure("unknown command '\(word)' (type 'help'; to set a cell write CELL = VALUE)")
            }
        } catch let error as WorkbookError {
            return failure(error.description)
        } catch {
            return failure("\(error)")
        }
    }

    func failure(_ message: String) -> Outcome { Outcome(error: message) }

    // MARK: Editing

    /// `CELL = INPUT` or `RANGE = INPUT`: the target and where the input starts (for carets).
    private func assignment(in line: String) -> (target: String, input: String, column: Int)? {
        guard let equals = line.firstIndex(of: "=") else { return nil }
        let target = line[..<equals].trimmingCharacters(in: .whitespaces)
        guard !target.isEmpty, !target.contains(" ") || target.hasPrefix("'"),
              (try? workbook.range(of: target, defaultSheet: currentSheet)) != nil else { return nil }
        var inputStart = line.index(after: equals)
        while inputStart < line.endIndex && line[inputStart] == " " { inputStart = line.index(after: inputStart) }
        return (target, String(line[inputStart...]), line.distance(from: line.startIndex, to: inputStart))
    }

    private func assign(_ target: String, _ input: String, line: String, inputColumn: Int) -> Outcome {
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

    private func clear(_ target: String) throws -> Outcome {
        let (sheet, range) = try workbook.range(of: target, defaultSheet: currentSheet)
        // Only cells that hold something change; the rest of a whole-sheet range is empty already.
        let filled = workbook.cells(inSheet: sheet).map(\.address).filter(range.contains)
        return apply(filled.map { (CellLocation(sheet: sheet, address: $0), .constant(.empty)) }, description: "clear \(target)")
    }

    /// Applies inputs as one undoable step and reports what changed. A new edit right below a
    /// table grows it (as in Excel); undo and redo put the tables back with the cells.
    private func apply(_ inputs: [(CellLocation, CellInput)], description: String, recording: Bool = true,
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
        var grew = ""
        var step = EditHistory.Step(description: description, before: before, after: inputs)
        if recording {
            let growth = workbook.growTables(toInclude: inputs.map(\.0))
            if !growth.grown.isEmpty {
                before += growth.filled.map { ($0.0, CellInput.constant(.empty)) }
                step = .init(description: description, before: before, after: inputs + growth.filled, tables: (growth.tablesBefore, workbook.tables))
                for name in growth.grown {
                    if let table = workbook.table(named: name) { grew += "  table \(name) now \(table.range)\n" }
                }
            }
        }
        let result = workbook.recalculate()
        if recording { history.record(step) }
        isDirty = true
        warnedAboutUnsavedChanges = false
        return Outcome(output: grew + report(result))
    }

    /// The changed cells, old → new, at most `changeLimit` lines, then the count and the time.
    func report(_ result: RecalculationResult) -> String {
        var out = ""
        let stale = document.uncomputed.isEmpty ? [] : Set(document.possiblyStale())
        for change in result.changes.prefix(changeLimit) {
            let format = workbook.sheets[Int(change.location.sheet)].numberFormat(at: change.location.address)
            let note = stale.contains(change.location) ? "  (may be out of date: it reads a formula Kalkyl does not compute)" : ""
            out += "  \(workbook.name(of: change.location))  \(locale.changeText(of: change.oldValue, format: format)) → \(locale.changeText(of: change.newValue, format: format))\(note)\n"
        }
        if result.changes.count > changeLimit { out += "  … and \(result.changes.count - changeLimit) more\n" }
        for cycle in result.cycles {
            out += "  circular reference: " + workbook.describe(cycle: cycle) + "\n"
        }
        let milliseconds = Double(result.duration.components.attoseconds) / 1e15 + Double(result.duration.components.seconds) * 1000
        out += "\(result.changes.count) changed, \(result.recomputedCount) recalculated in \(String(format: "%.2f", milliseconds)) ms\n"
        return out
    }

    private func undo(_ argument: String, redo: Bool) throws -> Outcome {
        let steps = argument.isEmpty ? 1 : (Int(argument) ?? 0)
        guard steps >= 1 else { return failure("expected a number of steps, found '\(argument)'") }
        var output = ""
        for _ in 0..<steps {
            guard let step = redo ? history.popRedo() : history.popUndo() else {
                if output.isEmpty { return failure("nothing to \(redo ? "redo" : "undo")") }
                break
            }
            output += (redo ? "redo: " : "undo: ") + step.description + "\n"
            output += apply(redo ? step.after : step.before, description: step.description, recording: false,
                            tables: redo ? step.tables?.after : step.tables?.before).output
        }
        return Outcome(output: output)
    }

    /// The line with a caret under the position of a syntax error, then the message.
    private func caret(in line: String, at column: Int, _ message: String) -> String {
        "  " + line + "\n  " + String(repeating: " ", count: max(0, column)) + "^ " + message
    }

    // MARK: Looking

    private func show(_ argument: String) throws -> Outcome {
        if argument.isEmpty { return Outcome(output: table(sheet: currentSheet)) }
        if let sheet = workbook.sheetIndex(named: argument) { return Outcome(output: table(sheet: sheet)) }
        let (sheet, range) = try workbook.range(of: argument, defaultSheet: currentSheet)
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
        return Outcome(output: TableView.render(workbook, sheet: sheet, range: range, locale: locale))
    }

    /// A spill's anchor shows the block it spills (or what blocks it); a covered cell its anchor.
    private func spillDescription(at location: CellLocation) -> String {
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

    private func table(sheet: Int) -> String {
        let s = workbook.sheets[sheet]
        guard s.usedRowCount > 0 else { return "(\(s.name) is empty)\n" }
        let range = CellRange(CellAddress(row: 0, column: 0), CellAddress(row: s.usedRowCount - 1, column: s.usedColumnCount - 1))
        return s.name + "\n" + TableView.render(workbook, sheet: sheet, range: range, locale: locale)
    }

    private func why(_ argument: String) throws -> Outcome {
        Outcome(output: PrecedentTree.render(workbook, from: try workbook.location(of: argument, defaultSheet: currentSheet), locale: locale))
    }

    private func deps(_ argument: String) throws -> Outcome {
        let location = try workbook.location(of: argument, defaultSheet: currentSheet)
        let dependents = workbook.dependents(of: location)
        guard !dependents.isEmpty else { return Outcome(output: "no cell depends on \(workbook.name(of: location))\n") }
        return Outcome(output: dependents.map { "  " + PrecedentTree.describe($0, in: workbook, locale: locale) + "\n" }.joined())
    }

    private func evaluate(_ formula: String, line: String, column: Int) -> Outcome {
        do {
            let result = try workbook.evaluateAll(formula, sheet: currentSheet, locale: locale)
            return Outcome(output: Self.block(result, locale: locale))
        } catch let WorkbookError.formula(error, _) {
            return failure(caret(in: line, at: column + error.offset, error.message))
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

    private func use(_ name: String) throws -> Outcome {
        guard let sheet = workbook.sheetIndex(named: name) else { throw WorkbookError.noSuchSheet(name) }
        currentSheet = sheet
        return Outcome(output: "current sheet: \(workbook.sheets[sheet].name)\n")
    }

    private func sheets() -> Outcome {
        var out = ""
        for (i, sheet) in workbook.sheets.enumerated() {
            out += (i == currentSheet ? "* " : "  ") + sheet.name + "  (\(sheet.usedRowCount) rows × \(sheet.usedColumnCount) columns)\n"
        }
        return Outcome(output: out)
    }

    private func names() -> Outcome {
        guard !workbook.names.isEmpty else { return Outcome(output: "no defined names\n") }
        return Outcome(output: workbook.names.map { name in
            let scope = name.scope.map { " (\(workbook.sheets[$0].name))" } ?? ""
            return "  \(name.name)\(scope) \(name.formula)\n"
        }.joined())
    }

    // MARK: Files

    /// `save`, `save as FILE`; `save!`, `save --force` and `save as! FILE` replace what is there.
    private func save(_ argument: String, force: Bool) throws -> Outcome {
        var force = force
        var words = argument.split(separator: " ", maxSplits: 1).map(String.init)
        if words.first == "--force" { force = true; words.removeFirst() }
        var target = path
        if let first = words.first?.lowercased(), first == "as" || first == "as!" {
            if first == "as!" { force = true }
            let file = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
            guard !file.isEmpty else { return failure("save as needs a file name") }
            if !force, file != path, FileManager.default.fileExists(atPath: file) {
                return failure("\(file) exists: 'save as! \(file)' replaces it")
            }
            target = file
        } else if !words.isEmpty {
            return failure("expected 'save', 'save!' or 'save as FILE'")
        }
        guard let target else { return failure("the workbook has no file yet: use 'save as FILE'") }
        if !force, target == path, FileSnapshot(path: target) != snapshot {
            return failure("\(target) was changed by another program since it was opened: 'save!' overwrites that change, 'save as FILE' keeps both")
        }
        let losses = document.losses(savingAs: target)
        do {
            try document.save(to: target)
        } catch let problem as FileProblem {
            return failure(problem.description)
        }
        path = target
        snapshot = FileSnapshot(path: target)
        isDirty = false
        return Outcome(output: "saved \(target)\n" + (losses.map { "  " + $0 + "\n" } ?? ""))
    }

    private func export(_ argument: String) throws -> Outcome {
        var words = argument.split(separator: " ").map(String.init)
        guard let format = words.first?.lowercased(), format == "csv" || format == "json" else {
            return failure("expected 'export csv' or 'export json'")
        }
        words.removeFirst()
        var sheet: Int? = nil, output: String? = nil, swedish = false, formatted = false, raw = false, byteOrderMark = true
        while let word = words.first {
            words.removeFirst()
            switch word {
            case "--sheet":
                guard let name = words.first, let index = workbook.sheetIndex(named: name) else { return failure("--sheet needs a sheet name") }
                sheet = index
                words.removeFirst()
            case "-o", "--output":
                guard let file = words.first else { return failure("\(word) needs a file name") }
                output = file
                words.removeFirst()
            case "--swedish": swedish = true
            case "--formatted": formatted = true
            case "--raw": raw = true
            case "--no-bom": byteOrderMark = false
            default: return failure("unknown export option '\(word)'")
            }
        }
        let text: String
        if format == "csv" {
            var writer = swedish ? CSVWriter.swedish : CSVWriter()
            writer.formatted = formatted
            writer.neutralizesFormulas = !raw
            writer.byteOrderMark = writer.byteOrderMark && byteOrderMark
            text = writer.text(of: workbook, sheet: sheet ?? currentSheet)
        } else {
            text = JSONExporter.text(of: workbook, sheet: sheet)
        }
        guard let output else { return Outcome(output: text) }
        do {
            try AtomicFile.write(text, to: output)
        } catch let problem as FileProblem {
            return failure(problem.description)
        }
        return Outcome(output: "wrote \(output)\n")
    }

    /// Opening or making another workbook drops unsaved changes: say so once first.
    private func unsavedChangesWarning() -> Outcome? {
        guard isDirty && !warnedAboutUnsavedChanges else { return nil }
        warnedAboutUnsavedChanges = true
        return failure("the workbook has unsaved changes: save it, or repeat the command to discard them")
    }

    private func open(_ file: String) throws -> Outcome {
        guard !file.isEmpty else { return failure("open needs a file name") }
        if let warning = unsavedChangesWarning() { return warning }
        do {
            document = try WorkbookFile.open(file)
        } catch let problem as FileProblem {
            return failure(problem.description)
        }
        path = file
        snapshot = FileSnapshot(path: file)
        resetState()
        return Outcome(output: "opened \(file): \(workbook.sheetNames.joined(separator: ", "))\n" + document.warnings.map { "  " + $0 + "\n" }.joined())
    }

    private func new(_ argument: String) throws -> Outcome {
        var words = argument.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return failure("new needs a template name (see 'kalkyl new --list')") }
        guard let library = templates ?? TemplateLibrary.locate() else { return failure("no Templates folder found") }
        if let warning = unsavedChangesWarning() { return warning }
        let name = words.removeFirst()
        let template: WorkbookDocument
        do {
            template = try library.load(name)
        } catch FileError.unreadable {
            return failure("no template '\(name)'")
        }
        var given: [String: String] = [:]
        for word in words {
            guard let equals = word.firstIndex(of: "=") else { return failure("'\(word)' is not NAME=VALUE") }
            given[String(word[..<equals])] = String(word[word.index(after: equals)...])
        }
        let problems = template.fillForm(given, locale: askedLocale)
        guard problems.isEmpty else { return failure(problems.joined(separator: "\n")) }
        document = template
        path = nil
        snapshot = nil
        resetState()
        isDirty = true
        return Outcome(output: "new workbook from \(name): \(workbook.sheetNames.joined(separator: ", ")) (save as FILE to keep it)\n")
    }

    /// `format RANGE "CODE"`: a number format for cells, written in the session's locale
    /// (`"0,0 %"`, `"# ##0"` in Swedish), stored canonically. Not undone by undo.
    private func format(_ argument: String) throws -> Outcome {
        guard let space = argument.firstIndex(of: " ") else { return failure("expected 'format RANGE \"CODE\"', e.g. format G2:G22 \"0,0%\"") }
        let (sheet, range) = try workbook.range(of: String(argument[..<space]), defaultSheet: currentSheet)
        var code = argument[space...].trimmingCharacters(in: .whitespaces)
        if code.count >= 2, code.hasPrefix("\""), code.hasSuffix("\"") { code = String(code.dropFirst().dropLast()) }
        guard !code.isEmpty else { return failure("format needs a number format code, e.g. \"0,0%\"") }
        let canonical = locale.canonicalFormat(code)
        workbook.updateLayout(ofSheet: sheet) { $0.numberFormats.append((range: range, format: canonical)) }
        isDirty = true
        return Outcome(output: TableView.render(workbook, sheet: sheet, range: range, locale: locale))
    }

    /// `locale`, `locale sv`, `locale en`.
    private func changeLocale(_ argument: String) -> Outcome {
        if argument.isEmpty { return Outcome(output: "locale: \(locale.code)\n") }
        guard let asked = SpreadsheetLocale(code: argument) else { return failure("expected 'locale sv' or 'locale en', found '\(argument)'") }
        askedLocale = asked
        return Outcome(output: "locale: \(locale.code)\n")
    }

    private func resetState() {
        locale = document.sessionLocale(asked: askedLocale, environment: ProcessInfo.processInfo.environment)
        history.clear()
        currentSheet = 0
        isDirty = false
        warnedAboutUnsavedChanges = false
    }

    private func quit() -> Outcome {
        if let warning = unsavedChangesWarning() { return warning }
        return Outcome(quit: true)
    }

    // MARK: Forms

    /// `form rekvisition|redovisning [--format F] [-o FILE] [--draft]`: the form of this
    /// workbook, as `kalkyl form` renders it.
    private func form(_ argument: String) throws -> Outcome {
        var words = argument.split(separator: " ").map(String.init)
        guard let first = words.first, let kind = FormDefinition.Kind(rawValue: first.lowercased()) else {
            return failure("expected 'form rekvisition|redovisning [--format text|html|json|csv|pdf] [-o FILE] [--draft]'")
        }
        words.removeFirst()
        var format: FormFormat?, output: String?, draft = false
        while !words.isEmpty {
            let word = words.removeFirst()
            switch word {
            case "--draft": draft = true
            case "--format":
                guard let value = words.first, let chosen = FormFormat(rawValue: value) else { return failure("--format takes text, html, json, csv or pdf") }
                format = chosen
                words.removeFirst()
            case "-o", "--output":
                guard !words.isEmpty else { return failure("-o needs a file") }
                output = words.removeFirst()
            default: return failure("unexpected '\(word)' (form rekvisition|redovisning [--format F] [-o FILE] [--draft])")
            }
        }
        if let mismatch = FormWorkbook.mismatch(kind, in: workbook, file: path ?? "this workbook") { return failure(mismatch) }
        let chosen = format ?? output.flatMap(FormFormat.init(fileName:)) ?? .text
        let filled = FilledForm(kind, from: workbook)
        let problems = filled.problems()
        if !problems.isEmpty && !draft {
            return failure(problems.map(\.description).joined(separator: "\n") + "\nthe form has \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing written (form … --draft for a draft)")
        }
        let data = chosen.render(filled, draft: !problems.isEmpty)
        guard let output else {
            guard chosen != .pdf else { return failure("a PDF is written to a file: form \(kind.rawValue) --format pdf -o FILE.pdf") }
            return Outcome(output: String(decoding: data, as: UTF8.self))
        }
        try AtomicFile.write(data, to: output)
        return Outcome(output: "wrote \(output)\(problems.isEmpty ? "" : " (a draft: \(problems.count) problems)")\n")
    }

    /// `check form`: the problems of the form this workbook is, as `form` would list them.
    private func checkForm(_ argument: String) -> Outcome {
        guard argument.lowercased() == "form" else { return failure("expected 'check form'") }
        guard let kind = FormWorkbook.kind(of: workbook) else { return failure("this workbook is no form (make one with 'new rekvisition' or 'new ekonomisk-redovisning')") }
        let problems = FilledForm(kind, from: workbook).problems()
        if problems.isEmpty { return Outcome(output: "the \(FormDefinition.of(kind).title.lowercased()) has no problems\n") }
        return Outcome(output: problems.map { "  \($0)\n" }.joined() + "\(problems.count) problem\(problems.count == 1 ? "" : "s")\n")
    }

    private func help(_ argument: String) -> Outcome {
        if argument.isEmpty { return Outcome(output: HelpText.overview) }
        guard let text = HelpText.help(for: argument) else { return failure("no command '\(argument)'") }
        return Outcome(output: text)
    }
}
