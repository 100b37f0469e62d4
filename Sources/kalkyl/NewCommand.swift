import ArgumentParser
import Foundation
import KalkylCommandLine
import KalkylEngine
import KalkylFormats
import KalkylForms

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Make a workbook from a template, filling in its parameters.",
        discussion: """
            Every parameter not given with --set takes its default; a parameter without a default
            must be given. All problems are listed at once and nothing is written unless every
            value is right.
            Examples:
              kalkyl new --list
              kalkyl new grundbelopp-befolkningsandel --parameters
              kalkyl new grundbelopp-befolkningsandel -o bilaga1.kalk --set grundbelopp=7000000
              kalkyl new rekvisition --with Workbooks/bilaga1-civilt-forsvar-2023.kalk -o rekvisition.kalk \
                --set bidragsmottagare="Region Västerbotten" …
            """
    )

    @OptionGroup var options: NewOptions
    @Option(name: .shortAndLong, help: "The workbook to write.") var output: String?
    @Flag(help: "List the templates with their titles.") var list = false
    @Flag(help: "List the template's parameters.") var parameters = false
    @Flag(help: "Overwrite the output file if it exists.") var force = false
    @OptionGroup var locale: LocaleOption

    func run() throws {
        guard let library = TemplateLibrary.locate(options.templates) else {
            throw CommandFailure.input("no Templates folder found (give one with --templates)")
        }
        if list { return try listTemplates(library) }
        if parameters {
            do { return describe(try options.load(from: library)) } catch let problem as OptionProblem { throw CommandFailure.input(problem.description) }
        }
        guard let output else { throw CommandFailure.input("give the workbook to write with -o FILE") }
        if !force && FileManager.default.fileExists(atPath: output) {
            throw CommandFailure.input("\(output) exists (use --force to overwrite it)")
        }
        let document: WorkbookDocument, given: [String: String]
        do {
            document = try options.load(from: library)
            given = try options.given()
        } catch let problem as OptionProblem {
            throw CommandFailure.input(problem.description)
        }
        let problems = document.fillForm(given, locale: try locale.resolve(for: document))
        guard problems.isEmpty else {
            throw CommandFailure.input(problems.joined(separator: "\nkalkyl: ") + "\nkalkyl: nothing written")
        }
        try document.save(to: output)
        Output.write("wrote \(output) from \(options.template ?? "")\n")
    }

    private func listTemplates(_ library: TemplateLibrary) throws {
        let names: [String]
        do { names = try library.names() } catch { throw CommandFailure.input("cannot read \(library.directory.path): \(error)") }
        for name in names {
            let title = (try? library.load(name))?.title ?? ""
            Output.write(name.padding(toLength: max(32, name.count + 2), withPad: " ", startingAt: 0) + title + "\n")
        }
    }

    private func describe(_ template: WorkbookDocument) {
        if let title = template.title { Output.write(title + "\n\n") }
        for p in template.parameters {
            var facts = [p.kind.rawValue]
            if let d = p.defaultValue { facts.append("default \(d)") } else if p.isRequired { facts.append("required") } else { facts.append("optional") }
            if let min = p.minimum { facts.append("min \(NumberLiteral.text(min))") }
            if let max = p.maximum { facts.append("max \(NumberLiteral.text(max))") }
            if let cell = p.cell { facts.append("cell \(cell)") }
            Output.write("  \(p.name.padding(toLength: max(24, p.name.count + 1), withPad: " ", startingAt: 0))\(p.description) (\(facts.joined(separator: ", ")))\n")
        }
    }
}
