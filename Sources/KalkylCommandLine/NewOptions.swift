import ArgumentParser
import KalkylEngine
import KalkylFormats

/// What `kalkyl new` and the REPL's `new` both take: the template, its parameter values and a
/// workbook to include, parsed with the same type so the two cannot drift.
public struct NewOptions: ParsableArguments {
    @Argument(help: "The template: a name from --list, or a path to a .kalk template.") public var template: String?
    @Option(name: .customLong("set"), help: "A parameter value, NAME=VALUE (repeatable).") public var values: [String] = []
    @Option(help: "A workbook whose sheets the new one includes (a requisition's allocation table, a report's activity table).") public var with: String?
    @Option(help: "The folder of templates (default: $KALKYL_TEMPLATES, ./Templates, or the one beside kalkyl).") public var templates: String?

    public init() {}

    /// The values by parameter name; `NAME=VALUE` each, the value as typed (quotes are the shell's).
    public func given() throws(OptionProblem) -> [String: String] {
        var given: [String: String] = [:]
        for assignment in values {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw OptionProblem("'\(assignment)' is not NAME=VALUE")
            }
            given[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }
        return given
    }

    /// The template, with the workbook of --with included; errors in one line.
    public func load(from library: TemplateLibrary) throws -> WorkbookDocument {
        guard let template else { throw OptionProblem("name a template (see 'kalkyl new --list')") }
        let document: WorkbookDocument
        do {
            document = try library.load(template)
        } catch let error as KalkSyntaxError {
            throw OptionProblem(error.description)
        } catch FileError.unreadable {
            throw OptionProblem("no template '\(template)' in \(library.directory.path) (see 'kalkyl new --list')")
        }
        if let with {
            do {
                try document.workbook.include(try WorkbookFile.load(with))
            } catch let error as KalkylEngine.WorkbookError {
                throw OptionProblem("\(with): \(error)")
            }
        }
        return document
    }
}
