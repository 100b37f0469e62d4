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

    @Test(.enabled(if: LibreOffice.executable != nil, LibreOffice.missing))
    func libreOfficeRecalculatesBilaga1ToThePublishedAmounts() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let xlsx = directory.appendingPathComponent("bilaga1.xlsx").path
        #expect(try KalkylProcess.run(["export", "Workbooks/bilaga1-civilt-forsvar-2023.kalk", "--format", "xlsx", "-o", xlsx]).status == 0)
        let rows = try #require(try LibreOffice.recalculatedSheets(xlsx, sheets: ["Fördelning"], in: directory)["Fördelning"])
        // Region, population, share, base amount, amount, total, as published in Bilaga 1.
        #expect(rows[1] == ["Region Blekinge", "158876", "1.51098664643344%", "6500000", "3981450", "10481450"])
        #expect(rows[12][0] == "Region Stockholm" && rows[12][4] == "61075444" && rows[12][5] == "67575444")
        #expect(rows[16][0] == "Region Västerbotten" && rows[16][5] == "13419998")
        #expect(rows[22] == ["Totalsumma", "10514719", "100%", "136500000", "263500000", "400000000"])
    }
}
