import Foundation
import Testing

/// .xlsx written by Kalkyl: read back by Kalkyl, and opened and recalculated by LibreOffice.
struct XlsxExportTests {
    @Test func xlsxRoundTripKeepsEveryFormulaAndValue() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["bilaga1-civilt-forsvar-2023", "aktiviteter-jamtland-harjedalen-2025", "vardkapacitet-2024", "exempel-fordelning"] {
            let first = directory.appendingPathComponent("\(name)-1.xlsx").path
            let second = directory.appendingPathComponent("\(name)-2.xlsx").path
            #expect(try KalkylProcess.run(["convert", "Workbooks/\(name).kalk", first]).status == 0)
            #expect(try KalkylProcess.run(["convert", first, second]).status == 0)
            // Kalkyl agrees with the values it stored, both times.
            #expect(try KalkylProcess.run(["check", first, "--against-cached"]).status == 0, "\(name)")
            #expect(try KalkylProcess.run(["check", second, "--against-cached"]).status == 0, "\(name)")
            // Every cell: the same values as the .kalk workbook; the same formulas after the second trip.
            let original = try cells(KalkylProcess.run(["export", "Workbooks/\(name).kalk", "--format", "json"]).stdout)
            let once = try cells(KalkylProcess.run(["export", first, "--format", "json"]).stdout)
            let twice = try cells(KalkylProcess.run(["export", second, "--format", "json"]).stdout)
            #expect(once.mapValues(\.value) == original.mapValues(\.value), "\(name)")
            #expect(twice == once, "\(name)")
        }
    }

    /// sheet!cell → (value as JSON text, formula).
    private func cells(_ json: String) throws -> [String: Cell] {
        let list = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
        var result: [String: Cell] = [:]
        for cell in list {
            let key = "\(cell["sheet"] ?? "")!\(cell["cell"] ?? "")"
            result[key] = Cell(value: "\(cell["value"] ?? "null")", formula: cell["formula"] as? String)
        }
        return result
    }

    struct Cell: Equatable {
        var value: String
        var formula: String?
    }

    static var libreOffice: String? {
        ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: libreOffice != nil, "LibreOffice is not installed (apt-get install libreoffice-calc-nogui): the recalculation test is skipped"))
    func libreOfficeRecalculatesBilaga1ToThePublishedAmounts() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let xlsx = directory.appendingPathComponent("bilaga1.xlsx").path
        #expect(try KalkylProcess.run(["export", "Workbooks/bilaga1-civilt-forsvar-2023.kalk", "--format", "xlsx", "-o", xlsx]).status == 0)
        // Every sheet to CSV (sheet -1), recalculated by LibreOffice on load, plain numbers.
        try KalkylProcess.runTool(try #require(Self.libreOffice), [
            "--headless", "-env:UserInstallation=file://\(directory.path)/lo-profile",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,false,false,false,-1",
            "--outdir", directory.path, xlsx])
        let csv = try String(contentsOf: directory.appendingPathComponent("bilaga1-Fördelning.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").map { $0.replacingOccurrences(of: "\"", with: "").split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        // Region, population, share, base amount, amount, total, as published in Bilaga 1.
        #expect(rows[1] == ["Region Blekinge", "158876", "1.51098664643344%", "6500000", "3981450", "10481450"])
        #expect(rows[12][0] == "Region Stockholm" && rows[12][4] == "61075444" && rows[12][5] == "67575444")
        #expect(rows[16][0] == "Region Västerbotten" && rows[16][5] == "13419998")
        #expect(rows[22] == ["Totalsumma", "10514719", "100%", "136500000", "263500000", "400000000"])
    }
}

/// Until Kalkyl keeps all of an xlsx file (styles, comments, charts …), a save over the Excel
/// file a user opened would strip it: refused unless asked for, and formulas Kalkyl cannot read
/// are named before a save turns them into their values.
struct XlsxInPlaceSaveTests {
    @Test func savingOverAnOpenedXlsxIsRefusedUnlessForced() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = directory.appendingPathComponent("colleague.xlsx").path
        #expect(try KalkylProcess.run(["convert", "Workbooks/exempel-fordelning.kalk", original]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: original))

        let refused = try KalkylProcess.run(["set", original, "Parametrar!B1=33000000"])
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == "kalkyl: saving over \(original) would drop what Kalkyl does not keep of an xlsx file (cell styles, merged cells, comments, charts, validation, print settings …): write to another file with -o, or use --force to overwrite it anyway\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: original)) == bytes)
        // The same file through a link is the same file.
        let link = directory.appendingPathComponent("link.xlsx").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: original)
        #expect(try KalkylProcess.run(["set", original, "Parametrar!B1=33000000", "-o", link]).status == 2)
        #expect(try KalkylProcess.run(["convert", original, link]).status == 2)

        let copy = directory.appendingPathComponent("edited.xlsx").path
        #expect(try KalkylProcess.run(["set", original, "Parametrar!B1=33000000", "-o", copy]).status == 0)
        #expect(try KalkylProcess.run(["eval", copy, "Parametrar!B1"]).stdout == "33000000\n")
        #expect(try KalkylProcess.run(["set", original, "Parametrar!B1=34000000", "--force"]).status == 0)
        #expect(try KalkylProcess.run(["eval", original, "Parametrar!B1"]).stdout == "34000000\n")

        // The REPL: `save` refuses, `save as` another file and `save!` do not.
        let repl = try KalkylProcess.run(["repl", copy], stdin: "Parametrar!B1 = 1\nsave\nsave!\n")
        #expect(repl.status == 1)
        #expect(repl.stderr == "saving over \(copy) would drop what Kalkyl does not keep of an xlsx file (cell styles, merged cells, comments, charts, validation, print settings …): write to another file with 'save as FILE', or use 'save!' to overwrite it anyway\n")
        #expect(repl.stdout.hasSuffix("saved \(copy)\n"))
        #expect(try KalkylProcess.run(["eval", copy, "Parametrar!B1"]).stdout == "1\n")
    }

    @Test func formulasKalkylCannotReadAreNamedBeforeASave() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A sheet with a structured reference (Excel tables), which Kalkyl does not read yet.
        let sheet = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1"><v>3750000</v></c><c r="B1"><f>SUM(Tabell1[Belopp])</f><v>3750000</v></c></row></sheetData></worksheet>
            """
        let path = directory.appendingPathComponent("table.xlsx").path
        try XlsxFixture.write(sheet: sheet, to: path)
        let out = directory.appendingPathComponent("out.xlsx").path
        let set = try KalkylProcess.run(["set", path, "A1=3800000", "-o", out])
        #expect(set.status == 0)
        #expect(set.stderr == "kalkyl: Blad1!B1: =SUM(Tabell1[Belopp]) is not read by Kalkyl (unexpected character '[' at position 12); its cell keeps Excel's value 3750000, and a save writes that instead of the formula\n")
    }
}
