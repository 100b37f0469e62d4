import ArgumentParser
import KalkylEngine
import KalkylFormats

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert between .kalk, .xlsx and .csv, chosen by the files' extensions.",
        discussion: "CSV output is the first sheet's values (use 'export --format csv --sheet' for another)."
    )

    @Argument(help: "The workbook to read (.kalk or .xlsx).") var input: String
    @Argument(help: "The file to write (.kalk, .xlsx or .csv).") var output: String

    func run() throws {
        let document = try WorkbookFile.open(input)
        let book = document.workbook
        for warning in document.warnings { Output.error(warning) }
        if let losses = document.losses(savingAs: output) { Output.error(losses) }
        if output.lowercased().hasSuffix(".csv") {
            do { try AtomicFile.write(CSVWriter().text(of: book, sheet: 0), to: output) } catch { throw CommandFailure.input("\(error)") }
        } else if output.lowercased().hasSuffix(".kalk") || output.lowercased().hasSuffix(".xlsx") {
            try document.save(to: output)
        } else {
            throw CommandFailure.input("\(output): unknown file type (expected .kalk, .xlsx or .csv)")
        }
    }
}
