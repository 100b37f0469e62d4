import Foundation
import Testing

/// `kalkyl repl` as scripts and people use it: commands piped on standard input, and a real
/// terminal (tmux) for Tab completion and history.
struct REPLTests {
    @Test func pipedCommandsRunWithoutPromptAndFailuresSetTheExitStatus() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("b.kalk").path
        try FileManager.default.copyItem(atPath: KalkylProcess.packageRoot.appendingPathComponent("Workbooks/exempel-fordelning.kalk").path, toPath: copy)

        let ok = try KalkylProcess.run(["repl", copy], stdin: "use Fördelning\nParametrar!B1 = 33000000\nshow F5\nsave\nquit\n")
        #expect(ok.status == 0)
        #expect(ok.stderr.isEmpty)
        #expect(ok.stdout.hasPrefix("current sheet: Fördelning\n  Parametrar!B1  30 000 000 → 33 000 000\n"))
        #expect(ok.stdout.contains("Fördelning!F5\n  formula: =SUMMA(F2:F4)\n  value:   33 000 000 (number)\n"))
        #expect(ok.stdout.hasSuffix("saved \(copy)\n"))
        #expect(!ok.stdout.contains("kalkyl>"))
        #expect(try KalkylProcess.run(["eval", copy, "Parametrar!B1"]).stdout == "33000000\n")

        let failing = try KalkylProcess.run(["repl", copy], stdin: "B2 = =SUM(\neval 1+1\n")
        #expect(failing.status == 1)
        #expect(failing.stdout == "2\n")
        #expect(failing.stderr == "  B2 = =SUM(\n            ^ expected a value, reference or function, found the end of the formula\n")

        let missing = try KalkylProcess.run(["repl", "no-such.kalk"], stdin: "")
        #expect(missing.status == 2)
    }

    /// Piped commands that end without saving lose the edits: a warning and exit 1, so a
    /// script notices; a save overwrites neither another program's change nor another file.
    @Test func unsavedEditsAndOtherProgramsChangesAreNotLostSilently() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("b.kalk").path
        try FileManager.default.copyItem(atPath: KalkylProcess.packageRoot.appendingPathComponent("Workbooks/exempel-fordelning.kalk").path, toPath: copy)
        let original = try String(contentsOfFile: copy, encoding: .utf8)

        let ended = try KalkylProcess.run(["repl", copy], stdin: "Parametrar!B1 = 33000000\n")
        #expect(ended.status == 1)
        #expect(ended.stderr == "the input ended with unsaved changes: they are not saved\n")
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == original)
        #expect(try KalkylProcess.run(["repl", copy], stdin: "eval 1+1\n").status == 0)  // nothing unsaved, no warning

        let other = directory.appendingPathComponent("other.kalk").path
        try "kalkyl 1\nsheet S\nA1 1\n".write(toFile: other, atomically: false, encoding: .utf8)
        let saveAs = try KalkylProcess.run(["repl", copy], stdin: "Parametrar!B1 = 1\nsave as \(other)\nsave as! \(other)\n")
        #expect(saveAs.stderr == "\(other) exists: 'save as! \(other)' replaces it\n")
        #expect(saveAs.stdout.hasSuffix("saved \(other)\n"))
        #expect(try KalkylProcess.run(["eval", other, "Parametrar!B1"]).stdout == "1\n")
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == original)
    }

    static var tmux: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: tmux != nil, "tmux is not installed (apt-get install tmux): the terminal test is skipped"))
    func tabCompletionAndHistoryInARealTerminal() throws {
        let tmux = try #require(Self.tmux)
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let history = directory.appendingPathComponent("history").path
        let name = "kalkyl-test-\(UUID().uuidString.prefix(8))"
        /// Runs tmux: capture-pane with its output read; the rest (new-session starts tmux's
        /// server, which outlives its client) with no pipes to hold open.
        func run(_ arguments: [String]) throws -> String {
            guard arguments.first == "capture-pane" else {
                try KalkylProcess.runTool(tmux, arguments)
                return ""
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tmux)
            process.arguments = arguments
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        func screen() throws -> String { try run(["capture-pane", "-p", "-t", name]) }
        /// Waits until the screen shows `text` (the REPL answers in milliseconds; allow 10 s).
        func waitFor(_ text: String) throws -> Bool {
            for _ in 0..<100 {
                if try screen().contains(text) { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }
        /// Waits until the last line on the screen is readline's empty prompt.
        func waitForPrompt() throws -> Bool {
            for _ in 0..<100 {
                if try screen().split(separator: "\n").last?.trimmingCharacters(in: .whitespaces) == "kalkyl>" { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }
        let command = "KALKYL_HISTORY=\(history) \(KalkylProcess.executable.path) repl Workbooks/exempel-fordelning.kalk"
        _ = try run(["new-session", "-d", "-s", name, "-x", "120", "-y", "30", "-c", KalkylProcess.packageRoot.path, command])
        defer { _ = try? run(["kill-session", "-t", name]) }
        #expect(try waitFor("kalkyl>"))  // capture-pane drops trailing spaces

        // Tab completes a command, then a function name inside the formula.
        _ = try run(["send-keys", "-t", name, "ev", "Tab"])
        #expect(try waitFor("kalkyl> eval"))
        _ = try run(["send-keys", "-t", name, "SUMPR", "Tab"])
        #expect(try waitFor("kalkyl> eval SUMPRODUCT("))
        // The workbook is Swedish: `;` between arguments, `\\` between an array's columns.
        _ = try run(["send-keys", "-t", name, "{1\\2};{3\\4})", "Enter"])
        #expect(try waitFor("\n11\n"))

        // Each completed line is run (Enter), not cleared: a new prompt on a new line is what
        // readline draws the same under any load (clearing a line with å, ä or ö in it once
        // left readline's picture of the screen wrong in CI).
        // A sheet name completes too, quoted when it needs quotes.
        _ = try run(["send-keys", "-t", name, "show Förd", "Tab"])
        #expect(try waitFor("kalkyl> show Fördelning"), "\((try? screen()) ?? "")")
        _ = try run(["send-keys", "-t", name, "Enter"])
        #expect(try waitFor("Region Gotland"), "\((try? screen()) ?? "")")
        #expect(try waitForPrompt(), "\((try? screen()) ?? "")")
        // A Swedish function name with å, ä or ö completes whole (`FÖR` once shrank to `F`).
        _ = try run(["send-keys", "-t", name, "eval FÖR", "Tab"])
        #expect(try waitFor("kalkyl> eval FÖR"), "\((try? screen()) ?? "")")
        _ = try run(["send-keys", "-t", name, "D", "Tab"])
        #expect(try waitFor("kalkyl> eval FÖRDELA("), "\((try? screen()) ?? "")")
        _ = try run(["send-keys", "-t", name, "100;{1\\3})", "Enter"])
        #expect(try waitFor("\n25  75\n"), "\((try? screen()) ?? "")")
        #expect(try waitForPrompt(), "\((try? screen()) ?? "")")
        _ = try run(["send-keys", "-t", name, "eval AVRUN", "Tab"])
        #expect(try waitFor("kalkyl> eval AVRUNDA"), "\((try? screen()) ?? "")")  // AVRUNDA, AVRUNDA.NEDÅT, …
        _ = try run(["send-keys", "-t", name, "(2,5;0)", "Enter"])
        #expect(try waitFor("\n3\n"), "\((try? screen()) ?? "")")
        #expect(try waitForPrompt(), "\((try? screen()) ?? "")")

        // Up recalls the previous command.
        _ = try run(["send-keys", "-t", name, "Up"])
        #expect(try waitFor("kalkyl> eval AVRUNDA(2,5;0)"))
        _ = try run(["send-keys", "-t", name, "Enter"])
        #expect(try waitForPrompt(), "\((try? screen()) ?? "")")

        // The command table completes a command's words too, and the edit runs.
        _ = try run(["send-keys", "-t", name, "ins", "Tab"])
        #expect(try waitFor("kalkyl> insert"), "\((try? screen()) ?? "")")
        _ = try run(["send-keys", "-t", name, "r", "Tab"])
        #expect(try waitFor("kalkyl> insert rows"), "\((try? screen()) ?? "")")
        _ = try run(["send-keys", "-t", name, "3 in Fördelning", "Enter"])
        #expect(try waitFor("inserted row 3 in Fördelning"), "\((try? screen()) ?? "")")
        #expect(try waitForPrompt())
        _ = try run(["send-keys", "-t", name, "undo", "Enter"])
        #expect(try waitFor("undo: insert row 3 in Fördelning"), "\((try? screen()) ?? "")")
        #expect(try waitForPrompt())
        // Output longer than the terminal (30 rows) goes through the pager; q leaves it.
        _ = try run(["send-keys", "-t", name, "help", "Enter"])
        #expect(try waitFor("CELL = INPUT"), "\((try? screen()) ?? "")")
        #expect(try !screen().contains("quit  "), "the pager shows the first screenful only")
        _ = try run(["send-keys", "-t", name, "q"])
        #expect(try waitForPrompt(), "\((try? screen()) ?? "")")
        // Ctrl-D with an unsaved edit asks first; 'n' goes back to the prompt.
        // (Ctrl-D is sent only once readline shows its prompt again: typed before, while the
        // terminal is not yet in readline's raw mode, the line discipline swallows it.)
        _ = try run(["send-keys", "-t", name, "Parametrar!B1 = 1", "Enter"])
        #expect(try waitFor("recalculated in"))
        #expect(try waitForPrompt())
        _ = try run(["send-keys", "-t", name, "C-d"])
        #expect(try waitFor("The workbook has unsaved changes. Quit without saving? [y/N]"))
        _ = try run(["send-keys", "-t", name, "n", "Enter"])
        _ = try run(["send-keys", "-t", name, "eval 2+3", "Enter"])
        #expect(try waitFor("\n5\n"))
        #expect(try waitForPrompt())
        _ = try run(["send-keys", "-t", name, "C-d"])
        _ = try run(["send-keys", "-t", name, "y", "Enter"])
        // The history is written as the REPL exits: wait until it is there whole, not just begun.
        func written() -> String { (try? String(contentsOfFile: history, encoding: .utf8)) ?? "" }
        func hasBoth(_ saved: String) -> Bool { saved.contains("eval SUMPRODUCT({1\\2};{3\\4})\n") && saved.contains("\neval FÖRDELA(100;{1\\3})\n") }
        for _ in 0..<50 where !hasBoth(written()) { Thread.sleep(forTimeInterval: 0.1) }
        let saved = written()
        #expect(hasBoth(saved), "\(saved)")
    }
}
