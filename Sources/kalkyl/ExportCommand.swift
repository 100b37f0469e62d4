import ArgumentParser
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

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, xlsx }

    @Argument(help: "The workbook (.kalk).") var workbook: String
    @Option(help: "Output format: csv or json.") var format: Format
    @Option(help: "The sheet to export (CSV: default the first; JSON: default all).") var sheet: String?
    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.") var output: String?
    @Flag(help: "CSV: show numbers with the cells' number formats.") var formatted = false
    @Flag(help: "CSV: as Swedish Excel writes it: a byte order mark, ';' between fields, decimal commas.") var swedish = false
    @Flag(name: .customLong("no-bom"), help: "CSV: no byte order mark, even with --swedish (for scripts).") var noByteOrderMark = false
    @Flag(help: "CSV: write text that starts with = + - @ as it is (by default it gets a leading ' so a spreadsheet does not run it as a formula).") var raw = false

    func run() throws {
        let document = try WorkbookFile.open(workbook)
        let book = document.workbook
        if format == .xlsx {
            guard let output else { throw CommandFailure.input("--format xlsx needs a file: -o FILE.xlsx") }
            // An opened xlsx keeps what its file has (see XlsxDocumentWriter).
            try document.save(to: output)
            return
        }
        let text: String
        switch format {
        case .csv:
            var writer = swedish ? CSVWriter.swedish : CSVWriter()
            writer.formatted = formatted
            writer.neutralizesFormulas = !raw
            if noByteOrderMark { writer.byteOrderMark = false }
            text = writer.text(of: book, sheet: try SheetOption.index(sheet, in: book))
        case .json:
            text = JSONExporter.text(of: book, sheet: try sheet.map { try SheetOption.index($0, in: book) })
        case .xlsx:
            return
        }
        if let output {
            do { try AtomicFile.write(text, to: output) } catch { throw CommandFailure.input("\(error)") }
        } else {
            Output.write(text)
        }
    }
}
