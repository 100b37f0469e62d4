import Foundation

/// The terminal's size, from the kernel (TIOCGWINSZ on standard output).
enum Terminal {
    static func size() -> (columns: Int, rows: Int)? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}

/// Output longer than the terminal goes through a pager (`$PAGER`, else `less -RFX`), as git
/// does; shorter output, or output to a pipe, is written directly.
enum Pager {
    static func show(_ text: String) {
        let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        guard let rows = Terminal.size()?.rows, lines >= rows, isatty(STDOUT_FILENO) != 0 else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let command = ProcessInfo.processInfo.environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -RFX"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardInput = pipe
        do {
            try process.run()
        } catch {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        // The pager may quit before reading everything (q in less): a broken pipe is no error.
        signal(SIGPIPE, SIG_IGN)
        try? pipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
