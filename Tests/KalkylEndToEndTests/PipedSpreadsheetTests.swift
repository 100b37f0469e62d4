import Foundation
import Testing

/// The spreadsheet commands piped, as a script runs them: structural edits, sort and scenarios,
/// which outcomes are failures, and a second quit that leaves without one.
struct PipedSpreadsheetTests {
    @Test func aScriptInsertsSortsComparesAndQuitsTwice() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let saved = directory.appendingPathComponent("b.kalk").path
        let script = """
            use Fördelning
            insert rows 22
            A22 = Region Nya
            B22 = 100 000
            fill down C21:F22
            sort A2:F23 by F desc
            show A2:A2
            eval F24
            redo
            save as \(saved)
            delete rows 2
            quit
            quit
            """
        let run = try KalkylProcess.run(["repl", "Workbooks/bilaga1-civilt-forsvar-2023.kalk"], stdin: script + "\n")
        #expect(run.status == 0, "a warning is no failure: \(run.stderr)")
        #expect(run.stderr == "nothing to redo\nthe workbook has unsaved changes: save it, or repeat the command to discard them\n")
        #expect(run.stdout.contains("Fördelning!A2\n  value:   Region Stockholm (text)\n"))
        #expect(run.stdout.contains("\n400000000\n"))
        // The file has the 22 regions: its totals read the new row.
        #expect(try KalkylProcess.run(["eval", saved, "Fördelning!F24"]).stdout == "400000000\n")
        #expect(try KalkylProcess.run(["eval", saved, "COUNTA(Fördelning!A2:A23)"]).stdout == "22\n")
        #expect(try KalkylProcess.run(["eval", saved, "--locale", "en", "INDEX(Fördelning!F2:F23,MATCH(\"Region Nya\",Fördelning!A2:A23,0))"]).stdout == "8921166\n")

        // An unknown command, a bad range and an unclosed quote are failures: exit 1.
        let failing = try KalkylProcess.run(["repl", "Workbooks/bilaga1-civilt-forsvar-2023.kalk"], stdin: "insert rows 0\nsave as \"x\n")
        #expect(failing.status == 1)
        #expect(failing.stderr.hasPrefix("'0' is not a row number or rows N:M\n"))
    }

    /// An xlsx file with rows inserted is not patched (its styles would stay where the cells were).
    @Test func anXlsxWithInsertedRowsIsSavedAsKalk() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let xlsx = directory.appendingPathComponent("b.xlsx").path
        #expect(try KalkylProcess.run(["convert", "Workbooks/bilaga1-civilt-forsvar-2023.kalk", xlsx]).status == 0)
        let run = try KalkylProcess.run(["repl", xlsx], stdin: "insert rows 3 in Fördelning\nsave\nundo\nsave\n")
        #expect(run.stderr.contains("inserting row 3 in Fördelning moved cells; Kalkyl cannot yet move an xlsx file's styles"))
        #expect(run.stdout.hasSuffix("saved \(xlsx)\n"))  // after undo the file is patched as before
        #expect(run.status == 1)
    }
}
