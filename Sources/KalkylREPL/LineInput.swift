@preconcurrency import CReadline
import Foundation

/// One line from the user: through readline (editing, history) on a terminal, or a plain
/// line from standard input when it is a pipe, so scripts can answer prompts.
public enum LineInput {
    public static var isInteractive: Bool { isatty(STDIN_FILENO) != 0 }

    /// The next line, or nil at the end of input. The prompt is shown only on a terminal.
    public static func read(prompt: String) -> String? {
        guard isInteractive else { return readLine(strippingNewline: true) }
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { add_history(raw) }
        return line
    }
}
