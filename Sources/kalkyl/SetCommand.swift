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

    @Argument(help: "The workbook (.kalk).") var workbook: String
    @Argument(help: "Edits as CELL=INPUT.") var edits: [String]
    @Option(help: "The sheet of unqualified cells (default: the first).") var sheet: String?
    @Option(name: .shortAndLong, help: "Save to this file instead of the workbook itself.") var output: String?
    @Flag(help: "Save over an .xlsx workbook itself although Kalkyl drops its styles, comments, charts and the like.") var force = false

    func run() throws {
        let opened = try WorkbookFile.open(workbook)
        let book = opened.workbook
        let target = output ?? workbook
        if opened.savingInPlaceLosesContent && !force && (output == nil || WorkbookFile.sameFile(target, workbook)) {
            throw CommandFailure.input(WorkbookFile.inPlaceRefusal(workbook, otherFile: "-o", force: "--force"))
        }
        for warning in opened.warnings { Output.error(warning) }
        let defaultSheet = try SheetOption.index(sheet, in: book)
        for edit in edits {
            guard let equals = edit.firstIndex(of: "="), equals != edit.startIndex else {
                throw CommandFailure.input("'\(edit)' is not CELL=INPUT")
            }
            let reference = String(edit[..<equals])
            let input = String(edit[edit.index(after: equals)...])
            do {
                let location = try book.location(of: reference, defaultSheet: defaultSheet)
                try book.set(.typed(input), at: location)
            } catch {
                throw CommandFailure.input("\(reference): \(error)")
            }
        }
        let result = book.recalculate()
        // The changes are printed once they are saved: a failed save prints only its error.
        try WorkbookFile.save(book, to: target)
        for change in result.changes {
            Output.write("\(book.name(of: change.location)): \(change.oldValue) → \(change.newValue)\n")
        }
    }
}
