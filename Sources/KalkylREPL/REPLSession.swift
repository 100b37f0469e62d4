import Foundation
import KalkylEngine
import KalkylFormats
import KalkylForms

/// One interactive session: a workbook, the current sheet, the undo history, and the commands.
/// `execute` takes one line and returns what to print; the terminal side (readline, prompt,
/// colour, pager) is `REPLLoop`'s, so the session runs the same from a terminal, a pipe or a
/// test. The commands are `CommandTable`'s; their code is in the `REPLSession+…` files.
public final class REPLSession {
    /// What a command did. A failure is a command that could not do what it was asked (an
    /// unknown command, a wrong argument, a refused edit, a file that cannot be read or
    /// written); a warning (unsaved changes, nothing to undo) is said but is no failure.
    public struct Outcome {
        public var output = ""
        /// A message for standard error; the command failed.
        public var error: String?
        /// A message for standard error; the command did not fail.
        public var warning: String?
        public var quit = false
        public var failed: Bool { error != nil }
    }

    /// The workbook and what its file carries (an xlsx package is written back on save).
    public internal(set) var document: WorkbookDocument
    public var workbook: Workbook { document.workbook }
    public internal(set) var path: String?
    public internal(set) var currentSheet = 0
    /// How typed numbers and formulas are read and values shown (`locale sv|en`).
    public var locale: SpreadsheetLocale
    /// The locale asked for on the command line or with `locale`, which opening another
    /// workbook keeps; without one each workbook brings its own (see `WorkbookDocument.sessionLocale`).
    public var askedLocale: SpreadsheetLocale? {
        didSet { locale = document.sessionLocale(asked: askedLocale, environment: ProcessInfo.processInfo.environment) }
    }
    /// How many changed cells an edit lists before it says how many more there are.
    public var changeLimit = 20
    /// The width `show` fits a table to (nil: no limit), from the terminal.
    public var displayWidth: Int?
    /// Where `new` finds templates.
    public var templates: TemplateLibrary?
    var history = EditHistory()
    var isDirty = false
    var warnedAboutUnsavedChanges = false
    /// The whole change list of the last edit, for `changes`.
    var lastChanges: [String] = []
    /// The states kept by `scenario save`, by name, in the order they were saved.
    var scenarios: [(name: String, state: WorkbookState)] = []
    /// The file as it was when opened or last saved: `save` refuses to overwrite a change
    /// another program made since (a lost update).
    var snapshot: FileSnapshot?
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
        let word = String(trimmed.prefix(while: { $0 != " " }))
        guard let command = CommandTable.command(named: word) ?? (word.hasSuffix("!") ? CommandTable.command(named: String(word.dropLast())) : nil),
              command.name != "=" else {
            return failure("unknown command '\(word)' (type 'help'; to set a cell write CELL = VALUE)")
        }
        let leading = line.count - line.drop(while: { $0 == " " }).count
        let rest = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        let restColumn = leading + (trimmed.count - rest.count)
        var words: [String] = []
        if command.arguments == .words {
            do {
                words = try ShellWords.split(rest)
            } catch {
                return failure(caret(in: line, at: restColumn + error.column, error.description))
            }
        }
        do {
            return try command.run(self, .init(words: words, raw: rest, line: line, rawColumn: restColumn))
        } catch let error as WorkbookError {
            return failure(error.description)
        } catch let problem as FileProblem {
            return failure(problem.description)
        } catch {
            return failure("\(error)")
        }
    }

    func failure(_ message: String) -> Outcome { Outcome(error: message) }

    /// The line with a caret under the position of a syntax error, then the message.
    func caret(in line: String, at column: Int, _ message: String) -> String {
        "  " + line + "\n  " + String(repeating: " ", count: max(0, column)) + "^ " + message
    }

    /// A range of the workbook as written (`A2:F22`, `Fördelning!B2`, a defined name).
    func range(_ text: String) throws -> (sheet: Int, range: CellRange) {
        try workbook.range(of: text, defaultSheet: currentSheet)
    }

    func resetState() {
        locale = document.sessionLocale(asked: askedLocale, environment: ProcessInfo.processInfo.environment)
        history.clear()
        currentSheet = 0
        isDirty = false
        warnedAboutUnsavedChanges = false
        lastChanges = []
    }

    func help(_ words: [String]) -> Outcome {
        guard let name = words.first else { return Outcome(output: CommandTable.overview) }
        guard let command = CommandTable.command(named: name) else { return failure("no command '\(name)' (type 'help' for the list)") }
        return Outcome(output: command.help)
    }
}

