/// One command of the REPL: what `help` says of it, how Tab completes its arguments, and the
/// code that runs it. `CommandTable.all` holds every one; nothing else knows the commands.
struct REPLCommand: Sendable {
    /// How the text after the command's name reaches it.
    enum Arguments: Sendable {
        /// Split into words with shell-like quoting (see `ShellWords`).
        case words
        /// As typed: a formula or a definition, whose quotes belong to it.
        case raw
    }

    /// What Tab offers after the command's name.
    enum Completion: Sendable {
        case sheets, templates, commands, nothing
        /// Function, sheet and defined names, as in a formula.
        case formula
        /// The words given (subcommands, options).
        case words([String])
    }

    /// What a command gets: its words (or raw text), and where the raw text starts in the line.
    struct Invocation {
        var words: [String]
        var raw: String
        var line: String
        var rawColumn: Int
    }

    var name: String
    var aliases: [String] = []
    var syntax: String
    var summary: String
    /// More lines for `help NAME`: the rules, an example.
    var details: String = ""
    var arguments: Arguments = .words
    var completion: Completion = .formula
    var run: @Sendable (REPLSession, Invocation) throws -> REPLSession.Outcome

    /// `help NAME`: the syntax, the summary and the details.
    var help: String {
        var out = syntax + "\n  " + summary + "\n"
        if !details.isEmpty { out += details.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n" }
        return out
    }
}
