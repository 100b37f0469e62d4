@preconcurrency import CReadline
import Foundation
import KalkylEngine
import KalkylFormats

/// Reads commands and runs them: with GNU readline (editing, Ctrl-R, history in
/// `~/.kalkyl_history` or `$KALKYL_HISTORY`, Tab completion) on a terminal, or plain lines
/// without prompt or colour when standard input is a pipe.
public enum REPLLoop {
    /// Runs until `quit` or the end of input; returns the exit status: 1 if any command failed
    /// (see `REPLSession.Outcome`: a warning is no failure), or if piped input ended with edits
    /// that were not saved (they are lost, and a script must hear of it). At a terminal, Ctrl-D
    /// with unsaved edits asks first. Piped, `show` fits tables to `$COLUMNS` when it is set.
    public static func run(_ session: REPLSession) -> Int32 {
        let interactive = isatty(STDIN_FILENO) != 0
        if !interactive, let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { session.displayWidth = columns }
        var anyFailed = false
        if interactive {
            Completion.session = session
            setUpReadline()
            print("Kalkyl — \(session.path ?? "new workbook"); 'help' lists the commands.")
        }
        defer { if interactive { saveHistory() } }
        for warning in session.openingWarnings { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        while true {
            guard let line = LineInput.read(prompt: "kalkyl> ") else {
                guard session.hasUnsavedChanges else { break }
                if !interactive {
                    FileHandle.standardError.write(Data("the input ended with unsaved changes: they are not saved\n".utf8))
                    return 1
                }
                let answer = LineInput.read(prompt: "\nThe workbook has unsaved changes. Quit without saving? [y/N] ")
                if answer == nil || answer?.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("y") == true { break }
                continue
            }
            if interactive { session.displayWidth = Terminal.size()?.columns }
            let outcome = session.execute(line)
            if interactive { Pager.show(outcome.output) } else { FileHandle.standardOutput.write(Data(outcome.output.utf8)) }
            if let warning = outcome.warning {
                let text = interactive ? "\u{1B}[33m\(warning)\u{1B}[0m\n" : warning + "\n"
                FileHandle.standardError.write(Data(text.utf8))
            }
            if let error = outcome.error {
                anyFailed = true
                let text = interactive ? "\u{1B}[31m\(error)\u{1B}[0m\n" : error + "\n"
                FileHandle.standardError.write(Data(text.utf8))
            }
            if outcome.quit { break }
        }
        return anyFailed ? 1 : 0
    }

    // MARK: readline

    static var historyPath: String {
        if let path = ProcessInfo.processInfo.environment["KALKYL_HISTORY"] { return path }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".kalkyl_history").path
    }

    private static func setUpReadline() {
        // readline handles å, ä and ö as one character each only in a UTF-8 locale; without
        // one (LANG unset or C) it would move and delete by bytes, and Tab on `FÖR` breaks the line.
        setlocale(LC_CTYPE, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        rl_readline_name = UnsafePointer(strdup("kalkyl"))
        rl_attempted_completion_function = { text, start, _ in
            rl_attempted_completion_over = 1
            // `start` counts bytes of the line, not characters.
            let line = rl_line_buffer.map { String(cString: $0) } ?? ""
            let before = String(decoding: line.utf8.prefix(Int(start)), as: UTF8.self)
            Completion.prepare(before: before, word: text.map { String(cString: $0) } ?? "")
            // `SUM(`, `Fördelning!` and `total=` go on without a space.
            rl_completion_append_character = Completion.continuesWord ? 0 : 32
            return rl_completion_matches(text) { _, state in Completion.next(state: state) }
        }
        // Characters that end a word for completion: spaces and formula punctuation, so
        // `=SU` + Tab completes the function name.
        rl_completer_word_break_characters = UnsafePointer(strdup(" \t=(),+-*/&<>;:"))
        using_history()
        read_history(historyPath)
        signal(SIGINT) { _ in
            // Ctrl-C clears the line instead of ending the session.
            FileHandle.standardOutput.write(Data("\n".utf8))
            rl_replace_line("", 0)
            rl_on_new_line()
            rl_redisplay()
        }
    }

    private static func saveHistory() {
        write_history(historyPath)
        history_truncate_file(historyPath, 1000)
    }
}

/// Tab completion: commands at the start of a line; function names, sheet names and defined
/// names inside; template names and their parameters after `new`.
enum Completion {
    nonisolated(unsafe) static var session: REPLSession?
    nonisolated(unsafe) private static var candidates: [String] = []
    nonisolated(unsafe) private static var index = 0

    static func prepare(before: String, word: String) {
        var found: [String] = []
        for candidate in matches(before: before, word: word) where !found.contains(candidate) { found.append(candidate) }
        // readline puts in what the candidates have in common, letter case included: `FÖR`
        // with `Fördelning!` among them would shrink to `F`. Those spelt as typed go first.
        let asTyped = found.filter { $0.hasPrefix(word) }
        candidates = asTyped.isEmpty ? found : asTyped
        index = 0
    }

    /// Whether every candidate ends where the text goes on directly: `(`, `!` or `=`.
    static var continuesWord: Bool {
        !candidates.isEmpty && candidates.allSatisfy { $0.hasSuffix("(") || $0.hasSuffix("!") || $0.hasSuffix("=") }
    }

    static func next(state: Int32) -> UnsafeMutablePointer<CChar>? {
        if state == 0 { index = 0 }
        guard index < candidates.count else { return nil }
        defer { index += 1 }
        return strdup(candidates[index])
    }

    /// What `word` may complete to, given the line before it: commands at the start, then
    /// what the command's table entry says it takes.
    static func matches(before line: String, word: String) -> [String] {
        let before = line.trimmingCharacters(in: .whitespaces)
        let lowerWord = word.lowercased()
        if before.isEmpty {
            return CommandTable.names.filter { $0.hasPrefix(lowerWord) }.sorted()
        }
        let words = before.split(separator: " ").map(String.init)
        switch words.first.flatMap(CommandTable.command(named:))?.completion {
        case .templates?:
            let library = session?.templates ?? TemplateLibrary.locate()
            if words.count == 1 { return ((try? library?.names()) ?? []).filter { $0.hasPrefix(word) } }
            if let template = try? library?.load(words[1]) {
                return template.parameters.map { $0.name + "=" }.filter { $0.hasPrefix(lowerWord) }
            }
            return []
        case .sheets? where words.count == 1:
            return (session?.workbook.sheetNames ?? []).filter { $0.lowercased().hasPrefix(lowerWord) }
        case .commands?:
            return CommandTable.names.filter { $0.hasPrefix(lowerWord) }.sorted()
        case .words(let options)? where words.count == 1 || options.contains(where: { $0.hasPrefix("-") }):
            let found = options.filter { $0.hasPrefix(lowerWord) }
            if !found.isEmpty || words.count == 1 { return found }
        case .nothing?:
            return []
        default:
            break
        }
        let upper = word.uppercased()
        // Function names in the session's locale first (SUMMA before SUM in Swedish), then English.
        let locale = session?.locale ?? .english
        var names = FunctionRegistry.names.map { locale.localName(ofFunction: $0) }
        names += FunctionRegistry.names.filter { !names.contains($0) }
        var result = names.filter { $0.hasPrefix(upper) }.map { $0 + "(" }
        if let workbook = session?.workbook {
            result += workbook.sheetNames.filter { $0.lowercased().hasPrefix(lowerWord) }.map { SheetName.quotedIfNeeded($0) + "!" }
            result += workbook.names.map(\.name).filter { $0.lowercased().hasPrefix(lowerWord) }
        }
        return result
    }
}
