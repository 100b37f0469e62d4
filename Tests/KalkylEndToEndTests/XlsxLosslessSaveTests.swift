import Foundation
import Testing

/// A colleague's Excel workbook (made by scripts/make-rich-xlsx.py, see there for its contents),
/// edited with `kalkyl set` and the REPL: every part not edited is byte for byte as it was,
/// openpyxl reads the same styles, merges, validation, print settings … as before, and
/// LibreOffice recalculates the saved file to the values a person can check by hand.
@Suite(.enabled(if: Python.withXlsxLibraries != nil, Python.missing))
struct XlsxLosslessSaveTests {
    /// What scripts/xlsx-loss-report.py --compare says of two files.
    struct Comparison: Decodable {
        var lost: [String]
        var added: [String]
        var changed: [String]
        var features_differing: [String]
    }

    static func makeRichWorkbook(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("fördelning.xlsx").path
        let made = try Python.run(["scripts/make-rich-xlsx.py", path])
        #expect(made.status == 0, "\(made.stderr)")
        return path
    }

    static func compare(_ original: String, _ saved: String, skipping cells: [String]) throws -> Comparison {
        let run = try Python.run(["scripts/xlsx-loss-report.py", "--compare", original, saved, "--skip"] + cells)
        #expect(run.status == 0, "\(run.stderr)")
        return try JSONDecoder().decode(Comparison.self, from: Data(run.stdout.utf8))
    }

    @Test func setWithOutputKeepsEveryPartItDoesNotEdit() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try Self.makeRichWorkbook(in: directory)
        let out = directory.appendingPathComponent("ut.xlsx").path
        let set = try KalkylProcess.run(["set", original, "Fördelning!B3=1050000", "Fördelning!B7=Ny rad", "-o", out])
        #expect(set.status == 0, "\(set.stderr)")
        // The table's structured references, the shared formula and the array formula, computed
        // by Kalkyl as by LibreOffice below (Moms is 25 %).
        #expect(set.stdout == """
            Fördelning!F2: 3750000 → 3800000
            Fördelning!G2: 7500000 → 7600000
            Fördelning!B3: 1000000 → 1050000
            Fördelning!C3: 250000 → 262500
            Fördelning!D3: 1250000 → 1312500
            Fördelning!F3: 4687500 → 4750000
            Fördelning!F4: 2000000 → 2100000
            Fördelning!B7:  → "Ny rad"
            Data!B2: 2000000 → 2100000

            """)
        #expect(set.stderr == "")
        let comparison = try Self.compare(original, out, skipping: ["Fördelning!B3", "Fördelning!B7"])
        #expect(comparison.lost == [])
        #expect(comparison.added == [])
        // The two sheets with changed cells, and the new text appended to the shared strings.
        #expect(comparison.changed == ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml"])
        #expect(comparison.features_differing == [])
        try expectRecalculatedAfterTheEdit(out, in: directory)
    }

    /// LibreOffice's values after Fördelning!B3 = 1 050 000 (was 1 000 000); Moms is 25 %.
    private func expectRecalculatedAfterTheEdit(_ xlsx: String, in directory: URL) throws {
        guard LibreOffice.executable != nil else { return }
        let sheets = try LibreOffice.recalculatedSheets(xlsx, sheets: ["Fördelning", "Data"], in: directory)
        let f = try #require(sheets["Fördelning"]), data = try #require(sheets["Data"])
        // SUM(Tabell1[Belopp]) = 1 050 000 + 2 000 000 + 750 000, and twice that in G2.
        #expect(f[1][5] == "3800000" && f[1][6] == "7600000")
        // Gotland's row: Moms = [@Belopp]*Moms = 262 500, Summa = B3+C3 (shared formula) = 1 312 500.
        #expect(Array(f[2][0...3]) == ["Region Gotland", "1050000", "262500", "1312500"])
        // SUM(Tabell1[Summa]) = 1 312 500 + 2 500 000 + 937 500.
        #expect(f[2][5] == "4750000")
        // {=B3:B5*2} in F4:F6.
        #expect([f[3][5], f[4][5], f[5][5]] == ["2100000", "4000000", "1500000"])
        #expect(data[1] == ["Dubbla Gotland", "2100000"])
    }

    /// A region added in the row under the table: the table grows (its part's `ref`), Moms and
    /// Summa fill down, the new cells take the style of the row above, and the totals follow.
    @Test func aRowAddedBelowTheTableGrowsItInTheFile() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try Self.makeRichWorkbook(in: directory)
        let out = directory.appendingPathComponent("ut.xlsx").path
        let set = try KalkylProcess.run(["set", original, "Fördelning!A6=Region Uppsala", "Fördelning!B6=500000", "-o", out])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.hasPrefix("table Tabell1: A2:D5 → A2:D6\nFördelning!F2: 3750000 → 4250000\n"))
        #expect(set.stdout.contains("Fördelning!C6:  → 125000\nFördelning!D6:  → 625000\n"))
        let comparison = try Self.compare(original, out, skipping: ["Fördelning!A6", "Fördelning!B6", "Fördelning!C6", "Fördelning!D6"])
        #expect(comparison.lost == [] && comparison.added == [])
        #expect(comparison.changed == ["xl/worksheets/sheet1.xml", "xl/tables/table1.xml", "xl/sharedStrings.xml"])
        // openpyxl sees the grown table and nothing else different; the new amount is formatted as those above.
        #expect(comparison.features_differing == ["Fördelning.tables"])
        let features = try Python.run(["scripts/xlsx-features.py", out])
        let json = try JSONSerialization.jsonObject(with: Data(features.stdout.utf8)) as? [String: Any]
        let cells = (json?["Fördelning"] as? [String: Any])?["cells"] as? [String: [String: Any]]
        #expect((cells?["B6"]?["style"] as? [String: Any])?["number_format"] as? String == "#,##0")
        #expect((cells?["D6"]?["style"] as? [String: Any])?["number_format"] as? String == "#,##0")
        guard LibreOffice.executable != nil else { return }
        let f = try #require(try LibreOffice.recalculatedSheets(out, sheets: ["Fördelning"], in: directory)["Fördelning"])
        #expect(Array(f[5][0...3]) == ["Region Uppsala", "500000", "125000", "625000"])
        // SUM(Tabell1[Belopp]) and SUM(Tabell1[Summa]) take the new row in.
        #expect(f[1][5] == "4250000" && f[2][5] == "5312500")
    }

    /// Fördelning!B3 set to 1 050 000 in a copy of the rich workbook saved over itself: only the
    /// two sheets whose values changed differ, and LibreOffice recalculates the copy right.
    private func expectOnlyTheEditInPlace(_ original: String, _ edited: String, in directory: URL) throws {
        let comparison = try Self.compare(original, edited, skipping: ["Fördelning!B3"])
        #expect(comparison.lost == [] && comparison.added == [])
        #expect(comparison.changed == ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
        #expect(comparison.features_differing == [])
        try expectRecalculatedAfterTheEdit(edited, in: directory)
    }

    @Test func setWithoutOutputSavesInPlaceAsLosslessly() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try Self.makeRichWorkbook(in: directory)
        let edited = directory.appendingPathComponent("redigerad.xlsx").path
        try FileManager.default.copyItem(atPath: original, toPath: edited)
        let set = try KalkylProcess.run(["set", edited, "Fördelning!B3=1050000"])
        #expect(set.status == 0, "\(set.stderr)")
        try expectOnlyTheEditInPlace(original, edited, in: directory)
    }

    @Test func theREPLOpensEditsAndSavesInPlace() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try Self.makeRichWorkbook(in: directory)
        let edited = directory.appendingPathComponent("redigerad.xlsx").path
        try FileManager.default.copyItem(atPath: original, toPath: edited)
        let repl = try KalkylProcess.run(["repl", edited, "--locale", "sv"], stdin: "Fördelning!B3 = 1050000\nshow Fördelning!F2\nsave\n")
        #expect(repl.status == 0, "\(repl.stderr)")
        #expect(repl.stdout.contains("  Fördelning!D3  1 250 000 → 1 312 500\n"))
        #expect(repl.stdout.contains("Fördelning!F2\n  formula: =SUMMA(Tabell1[Belopp])\n  value:   3 800 000 (number)\n"))
        #expect(repl.stdout.hasSuffix("saved \(edited)\n"))
        try expectOnlyTheEditInPlace(original, edited, in: directory)
    }

    @Test func checkListsUncomputedFormulasAndTheCellsReadingThem() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try KalkylProcess.run(["check", try Self.makeRichWorkbook(in: directory)]).stdout == "ok: 32 cells, 13 formulas, no errors\n")
        // An external reference and a function Kalkyl lacks: Excel's values stand, and what reads them may be stale.
        let sheet = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1"><f>[1]Blad1!A1*2</f><v>10</v></c><c r="B1"><f>_xlfn.NOSUCH(A1)</f><v>11</v></c><c r="C1"><f>B1+1</f><v>12</v></c><c r="D1"><f>C1+1</f><v>13</v></c></row>
            </sheetData></worksheet>
            """
        let path = directory.appendingPathComponent("extern.xlsx").path
        try XlsxFixture.write(sheet: sheet, to: path)
        let check = try KalkylProcess.run(["check", path])
        #expect(check.status == 1)
        #expect(check.stdout == """
            Blad1!A1: not computed by Kalkyl: =[1]Blad1!A1*2 (unexpected character '[' at position 1); Excel's value 10 is kept
            Blad1!B1: not computed by Kalkyl: =NOSUCH(A1) (Kalkyl has no NOSUCH); Excel's value 11 is kept
            possibly stale (they depend on formulas Kalkyl does not compute): Blad1!C1, Blad1!D1

            """)
        #expect(check.stderr == "kalkyl: \(path): 3 problems in 4 cells\n")
        // A save keeps both formulas and Excel's values.
        let out = directory.appendingPathComponent("ut.xlsx").path
        #expect(try KalkylProcess.run(["set", path, "E1=1", "-o", out]).status == 0)
        #expect(try KalkylProcess.run(["check", out]).stdout == check.stdout)
    }

    /// scripts/xlsx-loss-report.py over workbooks written by XlsxWriter, openpyxl and LibreOffice,
    /// a macro workbook, a pivot table and an external link: one empty cell set in each, nothing
    /// else changes (but the edited sheet, the shared strings and fullCalcOnLoad).
    @Test func theLossReportFindsNothingLostInAVariedCorpus() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = directory.appendingPathComponent("corpus").path
        let made = try Python.run(["scripts/make-xlsx-corpus.py", corpus])
        #expect(made.status == 0, "\(made.stderr)")
        let report = try Python.run(["scripts/xlsx-loss-report.py", corpus, "--kalkyl", KalkylProcess.executable.path])
        #expect(report.status == 0, "\(report.stdout)\(report.stderr)")
        let files = LibreOffice.executable == nil ? 5 : 6
        #expect(report.stdout.hasSuffix("\(files) files, 0 with losses\n"), "\(report.stdout)")
        #expect(report.stdout.contains("macro.xlsm: set 'Blad1'!C1; changed xl/worksheets/sheet1.xml; nothing lost"))
        #expect(report.stdout.contains("pivot.xlsx: set 'Data'!D1; changed xl/workbook.xml, xl/worksheets/sheet1.xml; nothing lost"))
    }

    @Test func convertingToKalkSaysWhatIsDropped() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try Self.makeRichWorkbook(in: directory)
        let kalk = directory.appendingPathComponent("fördelning.kalk").path
        let convert = try KalkylProcess.run(["convert", original, kalk])
        #expect(convert.status == 0)
        let lines = convert.stderr.split(separator: "\n")
        #expect(lines.last == "kalkyl: \(kalk) will not have what Kalkyl does not keep of an xlsx file: cell styles, merged cells, row heights, hidden rows or columns, hidden sheets, frozen panes, data validation, conditional formatting, hyperlinks, print settings, comments, charts, images, drawings, theme, document properties")
    }
}

/// A python3 that has openpyxl and XlsxWriter (pip install openpyxl xlsxwriter).
enum Python {
    static let withXlsxLibraries: String? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" } + ["/usr/bin/python3"]
        return paths.first { path in
            FileManager.default.isExecutableFile(atPath: path) && (try? run(["-c", "import openpyxl, xlsxwriter"], python: path).status) == 0
        }
    }()

    static let missing: Comment = "python3 with openpyxl and xlsxwriter is not installed (pip install openpyxl xlsxwriter): the lossless xlsx tests are skipped"

    static func run(_ arguments: [String], python: String? = nil) throws -> KalkylProcess.Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try (python ?? withXlsxLibraries).unwrap())
        process.arguments = arguments
        process.currentDirectoryURL = KalkylProcess.packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return KalkylProcess.Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                     stderr: String(decoding: stderr, as: UTF8.self))
    }
}
