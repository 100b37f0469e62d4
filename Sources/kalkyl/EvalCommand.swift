import ArgumentParser
import KalkylEngine
import KalkylFormats

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Print the value of a formula computed against a workbook.",
        discussion: """
            The workbook is not changed. Unqualified references are on the first sheet (or --sheet).
            An array or a range prints one row per line, its columns separated by tabs.
            Exit status 1 when the value is an error such as #DIV/0!.
            Example: kalkyl eval Workbooks/exempel-fordelning.kalk 'SUM(Fördelning!F2:F4)'
            """
    )

    @Argument(help: "The workbook (.kalk).") var workbook: String
    /// Every word that is not an option: a formula may start with '-' (`-2^2`).
    @Argument(parsing: .allUnrecognized, help: "The formula, with or without a leading '='.") var formulaWords: [String] = []
    @Option(help: "The sheet unqualified references point to.") var sheet: String?
    @OptionGroup var locale: LocaleOption

    func validate() throws {
        guard !formulaWords.isEmpty else { throw ValidationError("Missing expected argument '<formula>'") }
    }

    func run() throws {
        let formula = formulaWords.joined(separator: " ")
        let document = try WorkbookFile.open(workbook)
        let book = document.workbook
        let sheetIndex = try SheetOption.index(sheet, in: book)
        let result: Matrix
        do {
            result = try book.evaluateAll(formula, sheet: sheetIndex, locale: try locale.resolve(for: document))
        } catch {
            throw CommandFailure.input("\(error)")
        }
        // One value per line of the result, its columns separated by tabs.
        for r in 0..<result.rows {
            Output.write((0..<result.columns).map { result[r, $0].description }.joined(separator: "\t") + "\n")
        }
        if result.values.count == 1, result.values[0].isError { throw ExitCode(1) }
    }
}
