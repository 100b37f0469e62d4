import ArgumentParser
import KalkylEngine
import KalkylFormats

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert between .kalk, .xlsx and .csv, chosen by the files' extensions.",
        discussion: "CSV output is the first sheet's values (use 'export --format csv --sheet' for another)."
    )

    @Argument(help: "The workbook to read (.kalk, .xlsx or .csv).") var input: String
    @Argument(help: "The file to write (.kalk, .xlsx or .csv).") var output: String

    func run() throws {
        let document = try WorkbookFile.open(input)
        for warning in document.warnings { Output.error(warning) }
        guard (try? WorkbookFile.Kind(output)) != nil else { throw CommandFailure.input("\(output): unknown file type (expected .kalk, .xlsx or .csv)") }
        if let losses = document.losses(savingAs: output) { Output.error(losses) }
        try document.save(to: output)
    }
}
