import ArgumentParser
import KalkylEngine
import KalkylFormats

/// The options of `kalkyl export`, which the REPL's `export` parses with the same type, so the
/// two take the same options and write the same text.
public struct ExportOptions: ParsableArguments {
    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable { case csv, json, xlsx }

    @Option(help: "Output format: csv, json or xlsx.") public var format: Format
    @Option(help: "The sheet to export (CSV: default the first, or the REPL's current sheet; JSON: default all).") public var sheet: String?
    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.") public var output: String?
    @Flag(help: "CSV: show numbers with the cells' number formats.") public var formatted = false
    @Flag(help: "CSV: as Swedish Excel writes it: a byte order mark, ';' between fields, decimal commas.") public var swedish = false
    @Flag(name: .customLong("no-bom"), help: "CSV: no byte order mark, even with --swedish (for scripts).") public var noByteOrderMark = false
    @Flag(help: "CSV: write text that starts with = + - @ as it is (by default it gets a leading ' so a spreadsheet does not run it as a formula).") public var raw = false

    public init() {}

    /// The CSV or JSON text of a workbook; `defaultSheet` is CSV's sheet without --sheet.
    public func text(of workbook: Workbook, defaultSheet: Int = 0) throws(OptionProblem) -> String {
        let index = try sheet.map { name throws(OptionProblem) in
            guard let index = workbook.sheetIndex(named: name) else {
                throw OptionProblem("no sheet named '\(name)' (sheets: \(workbook.sheetNames.joined(separator: ", ")))")
            }
            return index
        }
        switch format {
        case .csv:
            var writer = swedish ? CSVWriter.swedish : CSVWriter()
            writer.formatted = formatted
            writer.neutralizesFormulas = !raw
            if noByteOrderMark { writer.byteOrderMark = false }
            guard !workbook.sheets.isEmpty else { throw OptionProblem("the workbook has no sheets") }
            return writer.text(of: workbook, sheet: index ?? defaultSheet)
        case .json:
            return JSONExporter.text(of: workbook, sheet: index)
        case .xlsx:
            throw OptionProblem("xlsx is a file: --format xlsx -o FILE.xlsx")
        }
    }
}

/// An option value that cannot be used, in one line.
public struct OptionProblem: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension ParsableArguments {
    /// Parses words as the command line would, or says in one line what is wrong with them.
    public static func parseWords(_ words: [String]) throws(OptionProblem) -> Self {
        do {
            return try parse(words)
        } catch {
            let message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            throw OptionProblem(message.replacingOccurrences(of: "Error: ", with: ""))
        }
    }
}
