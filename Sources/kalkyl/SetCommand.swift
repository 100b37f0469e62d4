import ArgumentParser
import KalkylEngine
import KalkylFormats
import KalkylForms

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set cells from a script, recalculate, print what changed and save.",
        discussion: """
            Each edit is CELL=INPUT, typed as in a cell: 'B2=7000000', 'C2==B2/SUM($B$2:$B$22)',
            "Fördelning!A1='Region", "'My sheet'!B1=TRUE". The workbook is saved atomically, to
            --output if given; if any edit is invalid nothing is saved.
            """
    )

    @Argument(help: "The workbook (.kalk or .xlsx; an xlsx file keeps everything but the edited cells).") var workbook: String
    @Argument(help: "Edits as CELL=INPUT.") var edits: [String]
    @Option(help: "The sheet of unqualified cells (default: the first).") var sheet: String?
    @Option(name: .shortAndLong, help: "Save to this file instead of the workbook itself.") var output: String?
    @OptionGroup var locale: LocaleOption

    func run() throws {
        let document = try WorkbookFile.open(workbook)
        let book = document.workbook
        let target = output ?? workbook
        for warning in document.warnings { Output.error(warning) }
        if let losses = document.losses(savingAs: target) { Output.error(losses) }
        let defaultSheet = try SheetOption.index(sheet, in: book)
        let typing = try locale.resolve(for: document)
        var edited: [CellLocation] = []
        var warnings: [String] = []
        let formProblemsBefore = FormWorkbook.problems(of: book)
        for edit in edits {
            guard let equals = edit.firstIndex(of: "="), equals != edit.startIndex else {
                throw CommandFailure.input("'\(edit)' is not CELL=INPUT")
            }
            let reference = String(edit[..<equals])
            let input = String(edit[edit.index(after: equals)...])
            let location: CellLocation
            do {
                location = try book.location(of: reference, defaultSheet: defaultSheet)
            } catch {
                throw CommandFailure.input("\(reference): \(error)")
            }
            // A form's field takes only what its rule allows, as in `new`, `fill` and `form`.
            if let problem = FormWorkbook.problem(typing: input, at: location, in: book) {
                throw CommandFailure.input(problem.description)
            }
            do {
                let (typed, format) = CellInput.typedWithFormat(input, locale: typing)
                if case .formula(let text) = typed {
                    // Typed in the locale (`=AVRUNDA(B2/3;0)`), stored canonically.
                    do {
                        book.set(expression: try FormulaParser.parse(text, at: location.address, locale: typing), at: location)
                    } catch {
                        throw WorkbookError.formula(error, in: text)
                    }
                } else {
                    try book.set(typed, at: location)
                }
                edited.append(location)
                if let format, book.sheets[Int(location.sheet)].numberFormat(at: location.address) == nil {
                    book.updateLayout(ofSheet: Int(location.sheet)) { $0.numberFormats.append((range: CellRange(location.address), format: format)) }
                }
                if case .constant(.text(let text)) = typed, !input.hasPrefix("'"),
                   let other = SpreadsheetLocale.all.first(where: { $0 != typing && $0.number(from: text) != nil }) {
                    // Never silently: a number typed the other locale's way stays text, and is said to.
                    warnings.append("\(reference): '\(text)' is stored as text: it is a number only in the \(other.code) locale (--locale \(other.code)), or write it \(typing.code == "en" ? "7000000, 1.5" : "7 000 000, 1,5")")
                }
            } catch {
                throw CommandFailure.input("\(reference): \(error)")
            }
        }
        // A cell filled right below a table grows it, as in Excel.
        let growth = book.growTables(toInclude: edited)
        let result = book.recalculate()
        // A form's rules between fields, now that the values are known: a problem of an edited
        // field refuses the edits, one of another field is said.
        let formProblems = FormWorkbook.newProblems(of: book, before: formProblemsBefore)
        let refused = FormWorkbook.refusals(editing: edited, in: book, newProblems: formProblems)
        guard refused.isEmpty else { throw CommandFailure.input(refused.map(\.description).joined(separator: "\nkalkyl: ")) }
        // The changes are printed once they are saved: a failed save prints only its error.
        try document.save(to: target)
        for warning in warnings { Output.error(warning) }
        for problem in formProblems { Output.error("the form now has a problem: \(problem)") }
        for name in growth.grown {
            if let before = growth.tablesBefore.first(where: { $0.name == name }), let after = book.table(named: name) {
                Output.write("table \(name): \(before.range) → \(after.range)\n")
            }
        }
        let stale = Set(document.possiblyStale())
        for change in result.changes {
            let note = stale.contains(change.location) ? "  (may be out of date: it reads a formula Kalkyl does not compute)" : ""
            Output.write("\(book.name(of: change.location)): \(shown(change.oldValue)) → \(shown(change.newValue))\(note)\n")
        }
    }

    /// A value in the list of changes: numbers as files write them (for scripts), text quoted and
    /// marked when it looks like a number that was not read as one (`"7 000 000" (text)`).
    private func shown(_ value: Value) -> String {
        if case .text = value { return SpreadsheetLocale.english.changeText(of: value) }
        return value.description
    }
}
