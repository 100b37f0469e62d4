import ArgumentParser
import KalkylEngine
import KalkylFormats

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List every cell that differs between two workbooks, inputs and computed values.",
        discussion: """
            Cell by cell, grouped by sheet: inputs (constants and formulas that differ) and computed
            values (the same formula, another value), with old, new and the difference of numbers,
            then a summary per sheet that names the totals that read changed cells and held.
            Either may be a pipe: kalkyl diff <(git show HEAD~1:x.kalk) x.kalk
            Exit status 0 when the workbooks are equal, 1 when they differ, 2 on a usage or input error.
            """
    )

    @Argument(help: "The old workbook (.kalk, .xlsx or .csv).") var old: String
    @Argument(help: "The new workbook.") var new: String
    @Option(help: "Compare only this sheet.") var sheet: String?
    @Option(help: "text, json or csv.") var format: String = "text"
    @OptionGroup var locale: LocaleOption

    func run() throws {
        guard let chosen = DifferenceReport.Format(rawValue: format) else { throw CommandFailure.input("--format takes text, json or csv, not '\(format)'") }
        let before = try WorkbookFile.open(old), after = try WorkbookFile.open(new)
        if let sheet {
            for (document, path) in [(before, old), (after, new)] where document.workbook.sheetIndex(named: sheet) == nil {
                throw CommandFailure.input("\(path) has no sheet named '\(sheet)' (sheets: \(document.workbook.sheetNames.joined(separator: ", ")))")
            }
        }
        let difference = WorkbookDifference(from: WorkbookState(before.workbook), to: WorkbookState(after.workbook),
                                            newWorkbook: after.workbook, onlySheet: sheet)
        Output.write(DifferenceReport.render(difference, format: chosen, locale: try locale.resolve(for: after), oldName: old, newName: new))
        if !difference.isEmpty { throw ExitCode(1) }
    }
}
