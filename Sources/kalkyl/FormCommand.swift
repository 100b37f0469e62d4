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
            as a draft (UTKAST) and writes it anyway.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, html, json, csv }

    @Argument(help: "The workbook (.kalk) holding the form's fields.") var workbook: String
    @Option(help: "rekvisition or redovisning.") var kind: FormDefinition.Kind
    @Option(help: "text, html, json or csv.") var format: Format = .text
    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.") var output: String?
    @Flag(help: "Write the form even with problems, marked as a draft.") var draft = false
    @Option(help: "One form per name in this range (e.g. Fördelning!A2:A22), each with that name as bidragsmottagare, written to the folder -o names.") var each: String?

    func run() throws {
        let book = try WorkbookFile.load(workbook)
        if let each { return try batch(book, recipients: each) }
        let form = FilledForm(kind, from: book)
        let problems = form.problems()
        for problem in problems { Output.error(problem.description) }
        if !problems.isEmpty && !draft {
            throw CommandFailure.check("\(workbook): the \(form.definition.title.lowercased()) has \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing written (use --draft for a draft)")
        }
        let text = render(form, draft: draft && !problems.isEmpty)
        if let output {
            do { try AtomicFile.write(text, to: output) } catch { throw CommandFailure.input("\(error)") }
        } else {
            Output.write(text)
        }
    }
}

extension FormCommand {
    private func render(_ form: FilledForm, draft: Bool) -> String {
        switch format {
        case .text: return TextFormRenderer.render(form, draft: draft)
        case .html: return HTMLFormRenderer.render(form, draft: draft)
        case .json: return StructuredFormRenderer.json(form, draft: draft)
        case .csv: return StructuredFormRenderer.csv(form, draft: draft)
        }
    }

    /// The batch: for each name in the range, the form with that recipient (and so that
    /// recipient's amount), written as FOLDER/NAME.FORMAT. Forms with problems are listed and
    /// left out unless --draft.
    private func batch(_ book: Workbook, recipients: String) throws {
        guard let folder = output else { throw CommandFailure.input("--each needs a folder to write to (-o FOLDER)") }
        guard let cell = book.names.first(where: { $0.name.lowercased() == "bidragsmottagare" }) else {
            throw CommandFailure.input("\(workbook) has no name 'bidragsmottagare' (make it from Templates/rekvisition.kalk)")
        }
        let target: CellLocation
        let names: [String]
        do {
            target = try book.location(of: String(cell.formula.dropFirst()))
            let (sheet, range) = try book.range(of: recipients)
            names = range.addresses.compactMap {
                if case .text(let name) = book.value(at: CellLocation(sheet: sheet, address: $0)), !name.isEmpty { return name }
                return nil
            }
        } catch {
            throw CommandFailure.input("\(recipients): \(error)")
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written = 0, failed = 0
        for name in names {
            try book.set(.constant(.text(name)), at: target)
            book.recalculate()
            let form = FilledForm(kind, from: book)
            let problems = form.problems()
            for problem in problems { Output.error("\(name): \(problem)") }
            if !problems.isEmpty && !draft { failed += 1; continue }
            let file = (folder as NSString).appendingPathComponent(name + "." + (format == .text ? "txt" : format.rawValue))
            try AtomicFile.write(render(form, draft: !problems.isEmpty), to: file)
            written += 1
        }
        Output.write("wrote \(written) \(form: written) to \(folder)\n")
        if failed > 0 { throw CommandFailure.check("\(failed) \(form: failed) had problems and were not written (use --draft)") }
    }
}

private extension DefaultStringInterpolation {
    mutating func appendInterpolation(form count: Int) {
        appendLiteral(count == 1 ? "form" : "forms")
    }
}

extension FormDefinition.Kind: ExpressibleByArgument {}
