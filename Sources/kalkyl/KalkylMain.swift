import ArgumentParser
import CMalloc
import Foundation
import KalkylFormats

/// The entry point. Exit codes: 0 success, 1 the workbook has errors or a check failed,
/// 2 a usage or input error, with a one-line message on standard error.
@main
struct KalkylMain {
    static func main() {
        kalkyl_keep_freed_memory()
        do {
            var command = try Kalkyl.parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Output.error(failure.message)
            exit(failure.exitCode)
        } catch let problem as FileProblem {
            Output.error(problem.description)
            exit(2)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            if Kalkyl.exitCode(for: error) == .success { Kalkyl.exit(withError: error) }  // --help, --version
            let message = Kalkyl.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            Output.error(message.replacingOccurrences(of: "Error: ", with: "") + " (see 'kalkyl --help')")
            exit(2)
        }
    }
}

struct Kalkyl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kalkyl",
        abstract: "A spreadsheet engine for grant allocation workbooks.",
        discussion: "Exit status: 0 success, 1 the workbook has errors or a check failed, 2 usage or input error.",
        version: "0.1.0",
        subcommands: [EvalCommand.self, ExportCommand.self, SetCommand.self, CheckCommand.self, DiffCommand.self, EditCommand.self, NewCommand.self, ReplCommand.self, FormCommand.self, FillCommand.self, ConvertCommand.self]
    )
}
