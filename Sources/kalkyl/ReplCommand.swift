import ArgumentParser
import Foundation
import KalkylFormats
import KalkylREPL

struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Edit a workbook interactively and see what each edit changes.",
        discussion: """
            Type 'help' in the session for the commands. With standard input from a pipe, the
            commands run the same way without prompt or colour (kalkyl repl wb.kalk < edits.txt);
            the exit status is 1 if any command failed. History: ~/.kalkyl_history or $KALKYL_HISTORY.
            """
    )

    @Argument(help: "The workbook to open (.kalk or .xlsx); without one, an empty workbook.") var workbook: String?
    @Option(help: "How many changed cells an edit lists.") var changes = 20
    @OptionGroup var locale: LocaleOption

    func run() throws {
        let session: REPLSession
        do {
            session = try REPLSession.open(workbook)
        } catch let error as KalkSyntaxError {
            throw CommandFailure.input(error.description)
        } catch let error as FileError {
            throw CommandFailure.input(error.description)
        }
        session.changeLimit = changes
        if let asked = try locale.asked() { session.askedLocale = asked }
        let status = REPLLoop.run(session)
        if status != 0 { throw ExitCode(status) }
    }
}
