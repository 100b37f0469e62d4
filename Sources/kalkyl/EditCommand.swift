import ArgumentParser
import Foundation
import KalkylFormats
import KalkylREPL

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Run REPL commands on a workbook as one batch and save it: all of them, or nothing.",
        discussion: """
            Each argument is one command as typed in 'kalkyl repl' (the same command table):
              kalkyl edit bilaga1.kalk 'insert rows 22 in Fördelning' 'Fördelning!A22 = Region Nya' \\
                'Fördelning!B22 = 100000' 'fill down Fördelning!C21:F22' -o bilaga1-22.kalk
            What each command prints goes to standard output. If one fails, it is named with its
            message and nothing is written (exit 2). The workbook is saved atomically, to --output
            if given.
            """
    )

    @Argument(help: "The workbook (.kalk or .xlsx).") var workbook: String
    @Argument(help: "The commands, one per argument.") var commands: [String]
    @Option(name: .shortAndLong, help: "Save to this file instead of the workbook itself.") var output: String?
    @OptionGroup var locale: LocaleOption

    func run() throws {
        let session = try REPLSession.open(workbook)
        session.changeLimit = Int.max
        if let asked = try locale.asked() { session.askedLocale = asked }
        for (index, command) in commands.enumerated() {
            let outcome = session.execute(command)
            Output.write(outcome.output)
            if let warning = outcome.warning { Output.error(warning) }
            if let error = outcome.error {
                throw CommandFailure.input("command \(index + 1) (\(command)): \(error)\nkalkyl: nothing written")
            }
            if outcome.quit { break }
        }
        let save = session.execute(output.map { "save as! " + ShellWords.quote($0) } ?? "save")
        if let error = save.error { throw CommandFailure.input(error + "\nkalkyl: nothing written") }
        Output.write(save.output)
    }
}
