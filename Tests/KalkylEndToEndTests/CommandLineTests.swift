import Foundation
import Testing

/// The `kalkyl` command as a script or a person uses it: output, messages and exit status
/// (0 success, 1 the workbook has errors, 2 usage or input error).
struct CommandLineTests {
    let example = "Workbooks/exempel-fordelning.kalk"

    @Test func checkPassesOnTheShippedExample() throws {
        let outcome = try KalkylProcess.run(["check", example])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "ok: 36 cells, 18 formulas, no errors\n")
    }

    @Test func exportPrintsTheAllocationAsCSV() throws {
        // 15 000 000 kr beyond the base amounts, by population share of 352 527:
        // Blekinge 15e6 × 158 876 / 352 527 = 6 760 163.05 → 6 760 163, and so on.
        let outcome = try KalkylProcess.run(["export", example, "--format", "csv", "--sheet", "Fördelning", "--formatted", "--swedish"])
        #expect(outcome.status == 0)
        // Swedish CSV starts with a byte order mark, so Excel on Windows reads å, ä and ö right.
        #expect(outcome.stdout == """
            \u{FEFF}Region;Befolkning;Andel;Grundbelopp;Belopp;Totalt\r
            Region Blekinge;158 876;45,1%;5 000 000;6 760 163;11 760 163\r
            Region Gotland;61 167;17,4%;5 000 000;2 602 652;7 602 652\r
            Region Jämtland Härjedalen;132 484;37,6%;5 000 000;5 637 185;10 637 185\r
            Totalsumma;352 527;100,0%;15 000 000;15 000 000;30 000 000\r

            """)
    }

    @Test func exportJSONToAFile() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("cells.json").path
        let outcome = try KalkylProcess.run(["export", example, "--format", "json", "-o", output])
        #expect(outcome.status == 0 && outcome.stdout.isEmpty)
        let cells = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [[String: Any]] ?? []
        let total = cells.first { $0["sheet"] as? String == "Fördelning" && $0["cell"] as? String == "F5" }
        #expect(total?["value"] as? Int == 30_000_000)
        #expect(total?["formula"] as? String == "=SUM(F2:F4)")
    }

    @Test func evalPrintsAValue() throws {
        let sum = try KalkylProcess.run(["eval", example, "SUM(Fördelning!F2:F4)"])
        #expect(sum.status == 0 && sum.stdout == "30000000\n")
        let onSheet = try KalkylProcess.run(["eval", example, "=B2*2", "--sheet", "Fördelning"])
        #expect(onSheet.stdout == "317752\n")
        let error = try KalkylProcess.run(["eval", example, "1/0"])
        #expect(error.status == 1 && error.stdout == "#DIV/0!\n")
        let range = try KalkylProcess.run(["eval", example, "Fördelning!A2:B3"])
        #expect(range.status == 0 && range.stdout == "Region Blekinge\t158876\nRegion Gotland\t61167\n")
    }

    @Test func malformedInputIsAOneLineErrorWithExitStatus2() throws {
        let formula = try KalkylProcess.run(["eval", example, "SUM(1,"])
        #expect(formula.status == 2)
        #expect(formula.stderr == "kalkyl: expected a value, reference or function, found the end of the formula at position 7 of SUM(1,\n")

        let missing = try KalkylProcess.run(["check", "no-such.kalk"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("kalkyl: no-such.kalk: cannot read:"))
        #expect(missing.stderr.filter { $0 == "\n" }.count == 1)

        let usage = try KalkylProcess.run(["export", example, "--format", "xml"])
        #expect(usage.status == 2)
        #expect(usage.stderr.filter { $0 == "\n" }.count == 1)

        let unknown = try KalkylProcess.run(["frobnicate"])
        #expect(unknown.status == 2)

        let sheet = try KalkylProcess.run(["export", example, "--format", "csv", "--sheet", "Nope"])
        #expect(sheet.status == 2 && sheet.stderr == "kalkyl: no sheet named 'Nope' (sheets: Parametrar, Fördelning)\n")
    }

    @Test func aMalformedWorkbookNamesFileLineAndColumn() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.kalk").path
        try "kalkyl 1\nsheet S\nA1 5\nB1 =A1*(2\n".write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try KalkylProcess.run(["check", path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "kalkyl: \(path):4:10: expected ')', found the end of the formula\n")
    }

    /// The file's name is known to the calculation that opening runs (check calculates once):
    /// a formula looking for the sheet name after the ']' of CELL("filename") finds it there.
    @Test func checkSeesTheFileNameInTheFirstCalculation() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("namn.kalk").path
        try "kalkyl 1\nsheet S\nA1 =FIND(\"]S\",CELL(\"filename\",B1))\n".write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try KalkylProcess.run(["check", path])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout == "ok: 1 cells, 1 formulas, no errors\n")
        let xlsx = directory.appendingPathComponent("namn.xlsx").path
        #expect(try KalkylProcess.run(["export", path, "--format", "xlsx", "-o", xlsx]).status == 0)
        let fromXlsx = try KalkylProcess.run(["check", xlsx])
        #expect(fromXlsx.status == 0, "\(fromXlsx.stdout)")
    }

    @Test func checkListsErrorsAndCycles() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("errors.kalk").path
        try "kalkyl 1\nsheet S\nA1 =B1+1\nB1 =A1\nC1 =1/0\nD1 =NOSUCH()\nE1 7\nF1 =A1*2\n".write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try KalkylProcess.run(["check", path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == """
            cycle: S!A1 → S!B1 → S!A1
            S!C1: #DIV/0!  =1/0
            S!D1: #NAME?  =NOSUCH()  (unknown function NOSUCH)
            S!F1: #CYCLE!  =A1*2  (depends on a circular reference)

            """)
        #expect(outcome.stderr == "kalkyl: \(path): 4 problems in 6 cells\n")
    }

    /// The shipped workbooks are Swedish (`locale sv`): `7 000 000` is a number there, as typed
    /// in Swedish Excel; in the English locale it is text, marked, with a warning, never silently.
    @Test func setReadsNumbersAsTheWorkbooksLocaleWritesThem() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("ut.kalk").path
        let bilaga1 = "Workbooks/bilaga1-civilt-forsvar-2023.kalk"
        let swedish = try KalkylProcess.run(["set", bilaga1, "Parametrar!B2=7 000 000", "-o", out])
        let plain = try KalkylProcess.run(["set", bilaga1, "Parametrar!B2=7000000", "-o", out])
        #expect(swedish.status == 0 && swedish.stderr.isEmpty)
        #expect(swedish.stdout == plain.stdout)
        #expect(swedish.stdout.split(separator: "\n").count == 67)
        #expect(swedish.stdout.hasPrefix("Parametrar!B2: 6500000 → 7000000\n"))
        let percent = try KalkylProcess.run(["set", bilaga1, "Parametrar!B2=2,5 %", "-o", out])
        #expect(percent.stdout.hasPrefix("Parametrar!B2: 6500000 → 0.025\n"))
        let english = try KalkylProcess.run(["set", bilaga1, "Parametrar!B2=7 000 000", "--locale", "en", "-o", out])
        #expect(english.status == 0)
        // Arithmetic in a Swedish workbook reads the text as Swedish Excel does (B5 = 400 000 000 − 7 000 000 · 21).
        #expect(english.stdout.hasPrefix("Parametrar!B2: 6500000 → \"7 000 000\" (text)\nParametrar!B5: 263500000 → 253000000\n"))
        #expect(english.stderr == "kalkyl: Parametrar!B2: '7 000 000' is stored as text: it is a number only in the sv locale (--locale sv), or write it 7000000, 1.5\n")
        // check warns about the text, which aggregates of ranges would skip.
        #expect(try KalkylProcess.run(["check", out]).stdout.hasPrefix("warning: Parametrar!B2 holds the text \"7 000 000\", which formulas read; perhaps meant as a number (SUM and other aggregates of ranges skip text)\n"))
        // A text a spill put there was typed by no one: no warning for A2, which B1 reads; the
        // typed text in C2, which D2 reads, warns.
        let spilled = directory.appendingPathComponent("spill.kalk").path
        try "kalkyl 1\nsheet S\nA1 ={\"7 000\";\"8\"}\nB1 =A2&\"\"\nC2 \"7\"\nD2 =C2&\"\"\n".write(toFile: spilled, atomically: true, encoding: .utf8)
        let spillCheck = try KalkylProcess.run(["check", spilled])
        #expect(spillCheck.status == 0)
        #expect(spillCheck.stdout.hasPrefix("warning: S!C2 holds the text \"7\""), "\(spillCheck.stdout)")
        #expect(!spillCheck.stdout.contains("S!A"), "\(spillCheck.stdout)")
        // Text quoted on purpose is no mistake: no warning.
        let quoted = try KalkylProcess.run(["set", bilaga1, "Fördelning!H1='7 000 000", "--locale", "en", "-o", directory.appendingPathComponent("quoted.kalk").path])
        #expect(quoted.stdout == "Fördelning!H1:  → \"7 000 000\" (text)\n" && quoted.stderr.isEmpty)
    }

    /// Swedish CSV as Swedish Excel writes it comes back as numbers: export, convert, open.
    @Test func csvFromSwedishExcelConvertsAndOpens() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("fördelning.csv").path
        #expect(try KalkylProcess.run(["export", example, "--format", "csv", "--sheet", "Fördelning", "--formatted", "--swedish", "-o", csv]).status == 0)
        let kalk = directory.appendingPathComponent("fördelning.kalk").path
        let convert = try KalkylProcess.run(["convert", csv, kalk])
        #expect(convert.status == 0, "\(convert.stderr)")
        // 11 760 163 + 7 602 652 + 10 637 185, read back from "11 760 163" and so on.
        #expect(try KalkylProcess.run(["eval", kalk, "SUM(F2:F4)"]).stdout == "30000000\n")
        #expect(try KalkylProcess.run(["eval", kalk, "C2"]).stdout == "0.451\n")
        let repl = try KalkylProcess.run(["repl", csv], stdin: "show B2\nF6 = =SUMMA(F2:F4)\nsave as \(directory.path)/ut.csv\n")
        #expect(repl.stdout.contains("Blad1!B2\n  value:   158876 (number)\n"))
        #expect(repl.stdout.contains("  Blad1!F6  (tom) → 30000000\n"))
        #expect(repl.stdout.contains("is CSV, one sheet of values: it will not have 1 formula (written as their values)\n"))
    }

    @Test func setEditsRecalculatesAndSavesAtomically() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("copy.kalk").path
        try FileManager.default.copyItem(atPath: KalkylProcess.packageRoot.appendingPathComponent(example).path, toPath: copy)

        let outcome = try KalkylProcess.run(["set", copy, "Parametrar!B1=33000000", "Fördelning!A2='Region Blekinge län"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Fördelning!F5: 30000000 → 33000000\n"))
        #expect(outcome.stdout.contains("Fördelning!A2: \"Region Blekinge\" → \"Region Blekinge län\"\n"))
        #expect(try String(contentsOfFile: copy, encoding: .utf8).contains("B1 33000000\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["copy.kalk"])
        let eval = try KalkylProcess.run(["eval", copy, "Fördelning!F5"])
        #expect(eval.stdout == "33000000\n")

        // A bad edit saves nothing.
        let before = try String(contentsOfFile: copy, encoding: .utf8)
        let bad = try KalkylProcess.run(["set", copy, "B1=7", "C1==1+"])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("kalkyl: C1: "))
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == before)

        // -o writes elsewhere and leaves the original.
        let other = directory.appendingPathComponent("other.kalk").path
        #expect(try KalkylProcess.run(["set", copy, "Parametrar!B2=1", "-o", other]).status == 0)
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == before)
        #expect(try KalkylProcess.run(["eval", other, "Parametrar!B2"]).stdout == "1\n")
    }

    @Test func helpIsAvailableForEveryCommand() throws {
        for command in ["eval", "export", "set", "check", "new"] {
            let outcome = try KalkylProcess.run([command, "--help"])
            #expect(outcome.status == 0)
            #expect(outcome.stdout.contains("USAGE: kalkyl \(command)"))
        }
        #expect(try KalkylProcess.run(["--help"]).stdout.contains("SUBCOMMANDS"))
    }
}

/// A save killed at any moment leaves the old file or the new one, whole, and the next save
/// removes the temporary file the killed one left.
struct KilledSaveTests {
    @Test func aSaveKilledAtAnyMomentLeavesAWholeFile() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("big.kalk").path
        // 150 000 cells, about 2 MB: a save takes long enough to be killed in the middle.
        var text = "kalkyl 1\nsheet S\n"
        for row in 1...50_000 { text += "A\(row) \(row)\nB\(row) =A\(row)*2\nC\(row) \"text \(row)\"\n" }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let old = try Data(contentsOf: URL(fileURLWithPath: path))
        var killed = 0
        for attempt in 0..<10 {
            let process = Process()
            process.executableURL = KalkylProcess.executable
            process.arguments = ["set", path, "A1=\(attempt + 2)"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: 0.05 + Double(attempt) * 0.05)
            if process.isRunning { kill(process.processIdentifier, SIGKILL); killed += 1 }
            process.waitUntilExit()
            // Whatever happened, the file is a whole workbook: the old one or a new one.
            let now = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(now.count >= old.count - 10 && now.count <= old.count + 10, "attempt \(attempt): \(now.count) bytes")
            #expect(now.last == UInt8(ascii: "\n") && now.filter { $0 == 10 }.count == old.filter { $0 == 10 }.count, "attempt \(attempt)")
        }
        #expect(killed > 0)  // some saves were killed (the machine is not that fast)
        // A save that finishes removes what the killed ones left.
        #expect(try KalkylProcess.run(["set", path, "A1=1"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["big.kalk"])
        #expect(try KalkylProcess.run(["check", path]).status == 0)
    }
}
