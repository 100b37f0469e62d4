import ArgumentParser
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

    func run() throws {
        let form = FilledForm(kind, from: try WorkbookFile.load(workbook))
        let problems = form.problems()
        for problem in problems { Output.error(problem.description) }
        if !problems.isEmpty && !draft {
            throw CommandFailure.check("\(workbook): the \(form.definition.title.lowercased()) has \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing written (use --draft for a draft)")
        }
        let isDraft = draft && !problems.isEmpty
        let text: String
        switch format {
        case .text: text = TextFormRenderer.render(form, draft: isDraft)
        case .html: text = HTMLFormRenderer.render(form, draft: isDraft)
        case .json: text = StructuredFormRenderer.json(form, draft: isDraft)
        case .csv: text = StructuredFormRenderer.csv(form, draft: isDraft)
        }
        if let output {
            do { try AtomicFile.write(text, to: output) } catch { throw CommandFailure.input("\(error)") }
        } else {
            Output.write(text)
        }
    }
}

extension FormDefinition.Kind: ExpressibleByArgument {}
