import ArgumentParser
import Foundation
import KalkylEngine
import KalkylFormats
import KalkylForms
import KalkylREPL

struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "Fill in a template by answering a question per field, then save the workbook.",
        discussion: """
            Each parameter is asked for with its description and default (the template's, or the
            value its cell already has); an empty answer takes the default. A wrong answer is
            asked again with the reason. Answers may be piped, one per line:
              printf '…\\n…\\n' | kalkyl fill rekvisition --with Workbooks/bilaga1-civilt-forsvar-2023.kalk -o r.kalk
            """
    )

    @Argument(help: "The template: a name from 'kalkyl new --list', or a path.") var template: String
    @Option(name: .shortAndLong, help: "The workbook to write.") var output: String
    @Option(help: "A workbook whose sheets the new one includes.") var with: String?
    @Option(help: "The folder of templates.") var templates: String?
    @Flag(help: "Overwrite the output file if it exists.") var force = false
    @OptionGroup var locale: LocaleOption

    func run() throws {
        guard let library = TemplateLibrary.locate(templates) else { throw CommandFailure.input("no Templates folder found") }
        if !force && FileManager.default.fileExists(atPath: output) {
            throw CommandFailure.input("\(output) exists (use --force to overwrite it)")
        }
        let document: WorkbookDocument
        do {
            document = try library.load(template)
            if let with { try document.workbook.include(try WorkbookFile.load(with)) }
        } catch let error as KalkSyntaxError {
            throw CommandFailure.input(error.description)
        } catch let error as WorkbookError {
            throw CommandFailure.input("\(with ?? template): \(error)")
        } catch FileError.unreadable {
            throw CommandFailure.input("no template '\(template)' in \(library.directory.path)")
        }
        let typing = try locale.resolve(for: document)
        var answers: [String: String] = [:]
        for parameter in document.parameters {
            answers[parameter.name] = try ask(parameter, default: defaultValue(of: parameter, in: document.workbook), typing: typing, answers: answers)
        }
        let problems = document.fillForm(answers.compactMapValues { $0 }, locale: typing)
        guard problems.isEmpty else { throw CommandFailure.input(problems.joined(separator: "\nkalkyl: ") + "\nkalkyl: nothing written") }
        try document.save(to: output)
        Output.write("wrote \(output)\n")
    }

    /// The template's default, or what the parameter's cell already holds.
    private func defaultValue(of parameter: TemplateParameter, in workbook: Workbook) -> String? {
        if let value = parameter.defaultValue { return value }
        guard let cell = parameter.cell, let location = try? workbook.location(of: cell) else { return nil }
        let value = workbook.value(at: location)
        if value == .empty || value.isError { return nil }
        if parameter.kind == .date, case .number(let serial) = value { return NumberFormat("yyyy-mm-dd").format(serial) }
        return value.description
    }

    /// Asks until the answer is right (an empty answer takes the default). The end of input
    /// before every question is answered stops the command: nothing is written, exit 2 — a
    /// form of defaults nobody chose is worse than none.
    private func ask(_ parameter: TemplateParameter, default fallback: String?, typing: SpreadsheetLocale,
                     answers: [String: String?]) throws -> String? {
        let prompt = parameter.description + (fallback.map { " [\($0)]" } ?? "") + ": "
        while true {
            if !LineInput.isInteractive { Output.write(prompt) }
            guard let line = LineInput.read(prompt: prompt) else {
                Output.write("\n")
                throw CommandFailure.input("the input ended before '\(parameter.name)' (\(parameter.description)) was answered: nothing was written")
            }
            if !LineInput.isInteractive { Output.write(line + "\n") }
            var answer: String? = line.trimmingCharacters(in: .whitespaces)
            if answer == "" { answer = fallback }
            // The form's rules, as `new` and `form` apply them: the field's own rule, then the
            // rules between fields whose values are known by now.
            if let field = FormField.named(parameter.name) {
                let problem = FormRules.problem(field, text: answer ?? "")
                    ?? (parameter.name == "avvikelser" ? FormRules.deviationsProblem(alternative: (answers["granskning"] ?? nil) ?? "", deviations: answer ?? "") : nil)
                if let problem {
                    Output.error(problem.description)
                    continue
                }
            }
            guard let answer else {
                if !parameter.isRequired { return nil }
                Output.error("\(parameter.description): is required")
                continue
            }
            if case .failure(let problem) = parameter.value(from: answer, locale: typing) {
                // Which field, by its label as the form shows it, then what is wrong.
                Output.error("\(FormField.named(parameter.name)?.label ?? parameter.description): \(problem.message)")
                continue
            }
            return answer
        }
    }
}
