import Foundation
import Testing

/// `kalkyl edit`: the REPL's commands as one batch, all or nothing.
struct EditCommandTests {
    @Test func aBatchOfCommandsIsSavedWholeOrNotAtAll() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("it's 22 regions.kalk").path
        let edit = try KalkylProcess.run(["edit", DiffCommandTests.bilaga1, "insert rows 22 in Fördelning", "Fördelning!A22 = Region Nya",
                                          "Fördelning!B22 = 100000", "fill down Fördelning!C21:F22", "-o", out])
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(edit.stdout.hasPrefix("inserted row 22 in Fördelning\n"))
        #expect(edit.stdout.hasSuffix("saved \(out)\n"))
        // 22 × 6 500 000 = 143 000 000; 257 000 000 × 100 000 / 10 614 719 = 2 421 166.3.
        #expect(try KalkylProcess.run(["eval", out, "Fördelning!D24"]).stdout == "143000000\n")
        #expect(try KalkylProcess.run(["eval", out, "Fördelning!F22"]).stdout == "8921166\n")

        let refused = directory.appendingPathComponent("refused.kalk").path
        let failing = try KalkylProcess.run(["edit", DiffCommandTests.bilaga1, "insert rows 22 in Fördelning", "sort A2:F22 by Q", "-o", refused])
        #expect(failing.status == 2)
        #expect(failing.stderr == "kalkyl: command 2 (sort A2:F22 by Q): column Q is not in A2:F22\nkalkyl: nothing written\n")
        #expect(!FileManager.default.fileExists(atPath: refused))
    }
}
