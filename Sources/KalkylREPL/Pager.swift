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
        // Without $PAGER, less where there is one; without either, straight to the terminal.
        guard let command = ProcessInfo.processInfo.environment["PAGER"].flatMap({ $0.isEmpty ? nil : $0 })
                ?? (hasLess ? "less -RFX" : nil) else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        // popen, not Process: the pager must be in the terminal's foreground process group to
        // read its keys (Foundation's Process starts a child in a group of its own).
        guard let pipe = popen(command, "w") else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        // The pager may quit before reading everything (q in less): a broken pipe is no error.
        let previous = signal(SIGPIPE, SIG_IGN)
        _ = text.utf8CString.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count - 1, pipe) }
        pclose(pipe)
        signal(SIGPIPE, previous)
    }

    static let hasLess = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/less")
    }
}
