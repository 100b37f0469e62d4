import ArgumentParser
import KalkylCommandLine
import KalkylEngine
import KalkylFormats

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a workbook's computed values as CSV (one sheet) or JSON (every cell), or the workbook as xlsx.",
        discussion: """
            CSV follows RFC 4180 with full-precision numbers; --formatted applies the cells' number
            formats, --swedish writes ';'-separated fields with decimal commas as Swedish Excel does.
            JSON lists every non-empty cell with sheet, cell, type, value and formula.
            """
    )

    @Argument(help: "The workbook (.kalk, .xlsx or .csv).") var workbook: String
    @OptionGroup var options: ExportOptions

    func run() throws {
        let document = try WorkbookFile.open(workbook)
        if options.format == .xlsx {
            guard let output = options.output else { throw CommandFailure.input("--format xlsx needs a file: -o FILE.xlsx") }
            // An opened xlsx keeps what its file has (see XlsxDocumentWriter).
            try document.save(to: output)
            return
        }
        let text: String
        do {
            text = try options.text(of: document.workbook)
        } catch {
            throw CommandFailure.input(error.description)
        }
        if let output = options.output {
            do { try AtomicFile.write(text, to: output) } catch { throw CommandFailure.input("\(error)") }
        } else {
            Output.write(text)
        }
    }
}
