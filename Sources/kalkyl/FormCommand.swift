import ArgumentParser
import Foundation
import KalkylEngine
import KalkylFormats
import KalkylForms

struct FormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Render a Bilaga 2 requisition or financial report from a workbook.",
        discussion: """
            The workbook's fields are defined names (see Templates/rekvisition.kalk and
            Templates/ekonomisk-redovisning.kalk). A form with problems is not written: every
            problem is listed and the exit status is 1, unless --draft, which marks the output
            as a draft (UTKAST) and writes it anyway. --format pdf writes an A4 PDF to sign.
            With --each, one form per recipient, each with the recipient's own details from a
            recipients table (the sheet Mottagare, or --recipients FILE; see
            Templates/mottagare.kalk); nothing is written unless every form is right.
            """
    )

    @Argument(help: "The workbook (.kalk) holding the form's fields.") var workbook: String
    @Option(help: "rekvisition or redovisning.") var kind: FormDefinition.Kind
    @Option(help: "text, html, json, csv or pdf (default: from -o's extension, else text).") var format: FormFormat?
    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output; with --each, a folder.") var output: String?
    @Flag(help: "Write the form even with problems, marked as a draft.") var draft = false
    @Option(help: "One form per name in this range (e.g. Fördelning!A2:A22), written to the folder -o names.") var each: String?
    @Option(help: "With --each: the recipients table (.kalk, .xlsx or .csv; header row of field names, one row per recipient).") var recipients: String?

    func run() throws {
        let book = try WorkbookFile.load(workbook)
        if let mismatch = FormWorkbook.mismatch(kind, in: book, file: workbook) { throw CommandFailure.input(mismatch) }
        if let each { return try batch(book, names: each) }
        let format = self.format ?? output.flatMap(FormFormat.init(fileName:)) ?? .text
        let form = FilledForm(kind, from: book)
        let problems = form.problems()
        for problem in problems { Output.error(problem.description) }
        if !problems.isEmpty && !draft {
            throw CommandFailure.check("\(workbook): the \(form.definition.title.lowercased()) has \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing written (use --draft for a draft)")
        }
        let data = format.render(form, draft: draft && !problems.isEmpty)
        if let output {
            do { try AtomicFile.write(data, to: output) } catch { throw CommandFailure.input("\(error)") }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

extension FormCommand {
    /// The batch: for each name in the range, the form with that recipient's details from its
    /// row of the recipients table (and so its amount), as FOLDER/NAME.EXT. Every form is made
    /// and checked first; with any problem nothing is written, unless --draft.
    private func batch(_ book: Workbook, names range: String) throws {
        guard let folder = output else { throw CommandFailure.input("--each needs a folder to write to (-o FOLDER)") }
        let format = self.format ?? .text
        let table = try recipientsTable(of: book)
        let names: [String]
        do {
            let (sheet, cells) = try book.range(of: range)
            names = cells.addresses.compactMap {
                if case .text(let name) = book.value(at: CellLocation(sheet: sheet, address: $0)), !name.trimmingCharacters(in: .whitespaces).isEmpty { return name }
                return nil
            }
        } catch {
            throw CommandFailure.input("\(range): \(error)")
        }
        guard !names.isEmpty else { throw CommandFailure.input("\(range) holds no recipient names") }
        var made: [(file: String, data: Data)] = []
        var failed = 0
        for name in names {
            let row = table.row(for: name)
            FormWorkbook.fill(book, recipient: name, row: row)
            let form = FilledForm(kind, from: book)
            var problems = form.problems().map(\.description)
            if row == nil { problems.insert("has no row in the recipients table (\(table.source))", at: 0) }
            for problem in problems { Output.error("\(name): \(problem)") }
            if !problems.isEmpty { failed += 1 }
            let file = (folder as NSString).appendingPathComponent(name.replacingOccurrences(of: "/", with: "-") + "." + format.fileExtension)
            made.append((file, format.render(form, draft: !problems.isEmpty)))
        }
        if failed > 0 && !draft {
            throw CommandFailure.check("\(failed) of \(names.count) \(form: names.count) had problems; nothing written (use --draft for drafts)")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (file, data) in made { try AtomicFile.write(data, to: file) }
        } catch {
            throw CommandFailure.input("\(folder): \(error)")
        }
        Output.write("wrote \(made.count) \(form: made.count) to \(folder)\(failed > 0 ? " (\(failed) marked as drafts)" : "")\n")
    }

    /// The recipients' details: --recipients FILE, or the workbook's sheet Mottagare.
    private func recipientsTable(of book: Workbook) throws -> RecipientsTable {
        do {
            if let recipients {
                if recipients.lowercased().hasSuffix(".csv") {
                    return try RecipientsTable(cells: try CSVReader.fields(path: recipients), source: recipients)
                }
                let other = try WorkbookFile.load(recipients)
                return try RecipientsTable(sheet: other.sheetIndex(named: "Mottagare") ?? 0, of: other, source: recipients)
            }
            if let sheet = book.sheetIndex(named: "Mottagare") {
                return try RecipientsTable(sheet: sheet, of: book, source: "\(workbook): Mottagare")
            }
        } catch let problem as RecipientsProblem {
            throw CommandFailure.input(problem.description)
        }
        throw CommandFailure.input("--each needs each recipient's own details: a sheet Mottagare in \(workbook) or --recipients FILE (make one with 'kalkyl new mottagare -o mottagare.kalk')")
    }
}

private extension DefaultStringInterpolation {
    mutating func appendInterpolation(form count: Int) {
        appendLiteral(count == 1 ? "form" : "forms")
    }
}

extension FormDefinition.Kind: ExpressibleByArgument {}
extension FormFormat: ExpressibleByArgument {}
