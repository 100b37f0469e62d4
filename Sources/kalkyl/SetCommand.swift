import ArgumentParser
import KalkylEngine
import KalkylFormats

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

    func run() throws {
        let document = try WorkbookFile.open(workbook)
        let book = document.workbook
        let target = output ?? workbook
        for warning in document.warnings { Output.error(warning) }
        if let losses = document.losses(savingAs: target) { Output.error(losses) }
        let defaultSheet = try SheetOption.index(sheet, in: book)
        var edited: [CellLocation] = []
        for edit in edits {
            guard let equals = edit.firstIndex(of: "="), equals != edit.startIndex else {
                throw CommandFailure.input("'\(edit)' is not CELL=INPUT")
            }
            let reference = String(edit[..<equals])
            let input = String(edit[edit.index(after: equals)...])
            do {
                let location = try book.location(of: reference, defaultSheet: defaultSheet)
                try book.set(.typed(input), at: location)
                edited.append(location)
            } catch {
                throw CommandFailure.input("\(reference): \(error)")
            }
        }
        // A cell filled right below a table grows it, as in Excel.
        let growth = book.growTables(toInclude: edited)
        let result = book.recalculate()
        // The changes are printed once they are saved: a failed save prints only its error.
        try document.save(to: target)
        for name in growth.grown {
            if let before = growth.tablesBefore.first(where: { $0.name == name }), let after = book.table(named: name) {
                Output.write("table \(name): \(before.range) → \(after.range)\n")
            }
        }
        let stale = Set(document.possiblyStale())
        for change in result.changes {
            let note = stale.contains(change.location) ? "  (may be out of date: it reads a formula Kalkyl does not compute)" : ""
            Output.write("\(book.name(of: change.location)): \(change.oldValue) → \(change.newValue)\(note)\n")
        }
    }
}
