import ArgumentParser
import Foundation
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

    @Argument(help: "The template: a name from --list, or a path to a .kalk template.") var template: String?
    @Option(name: .shortAndLong, help: "The workbook to write.") var output: String?
    @Option(name: .customLong("set"), help: "A parameter value, NAME=VALUE (repeatable).") var values: [String] = []
    @Flag(help: "List the templates with their titles.") var list = false
    @Flag(help: "List the template's parameters.") var parameters = false
    @Flag(help: "Overwrite the output file if it exists.") var force = false
    @Option(help: "A workbook whose sheets the new one includes (a requisition's allocation table, a report's activity table).") var with: String?
    @Option(help: "The folder of templates (default: $KALKYL_TEMPLATES, ./Templates, or the one beside kalkyl).") var templates: String?
    @OptionGroup var locale: LocaleOption

    func run() throws {
        guard let library = TemplateLibrary.locate(templates) else {
            throw CommandFailure.input("no Templates folder found (give one with --templates)")
        }
        if list { return try listTemplates(library) }
        guard let template else { throw CommandFailure.input("name a template (see 'kalkyl new --list')") }
        let document: WorkbookDocument
        do {
            document = try library.load(template)
        } catch let error as KalkSyntaxError {
            throw CommandFailure.input(error.description)
        } catch FileError.unreadable {
            throw CommandFailure.input("no template '\(template)' in \(library.directory.path) (see 'kalkyl new --list')")
        }
        if parameters { return describe(document) }
        guard let output else { throw CommandFailure.input("give the workbook to write with -o FILE") }
        if !force && FileManager.default.fileExists(atPath: output) {
            throw CommandFailure.input("\(output) exists (use --force to overwrite it)")
        }
        if let with {
            do {
                try document.workbook.include(try WorkbookFile.load(with))
            } catch let error as WorkbookError {
                throw CommandFailure.input("\(with): \(error)")
            }
        }
        var given: [String: String] = [:]
        for assignment in values {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw CommandFailure.input("'\(assignment)' is not NAME=VALUE")
            }
            given[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }
        let problems = document.fillForm(given, locale: try locale.resolve(for: document))
        guard problems.isEmpty else {
            throw CommandFailure.input(problems.joined(separator: "\nkalkyl: ") + "\nkalkyl: nothing written")
        }
        try document.save(to: output)
        Output.write("wrote \(output) from \(template)\n")
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
