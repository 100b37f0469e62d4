import Foundation
import KalkylEngine
import KalkylFormats
import Testing

/// The shipped workbooks against the figures published in the seed decisions, to the krona.
struct SeedWorkbookTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ name: String) throws -> Workbook {
        try KalkReader.load(path: root.appendingPathComponent("Workbooks/\(name)").path).workbook
    }

    /// Bilaga 1 as published: region, population 1/11 2022, share, base amount, amount, total.
    static let bilaga1: [(String, Double, String, Double, Double, Double)] = [
        ("Region Blekinge", 158876, "1,5%", 6500000, 3981450, 10481450),
        ("Region Dalarna", 288343, "2,7%", 6500000, 7225907, 13725907),
        ("Region Gotland", 61167, "0,6%", 6500000, 1532852, 8032852),
        ("Region Gävleborg", 287431, "2,7%", 6500000, 7203052, 13703052),
        ("Region Halland", 342658, "3,3%", 6500000, 8587047, 15087047),
        ("Region Jämtland Härjedalen", 132484, "1,3%", 6500000, 3320063, 9820063),
        ("Region Jönköpings län", 368963, "3,5%", 6500000, 9246253, 15746253),
        ("Region Kalmar län", 247791, "2,4%", 6500000, 6209669, 12709669),
        ("Region Kronoberg", 204257, "1,9%", 6500000, 5118703, 11618703),
        ("Region Norrbotten", 249285, "2,4%", 6500000, 6247109, 12747109),
        ("Region Skåne", 1413080, "13,4%", 6500000, 35411938, 41911938),
        ("Region Stockholm", 2437158, "23,2%", 6500000, 61075444, 67575444),
        ("Region Sörmland", 302473, "2,9%", 6500000, 7580006, 14080006),
        ("Region Uppsala", 400070, "3,8%", 6500000, 10025798, 16525798),
        ("Region Värmland", 283951, "2,7%", 6500000, 7115843, 13615843),
        ("Region Västerbotten", 276136, "2,6%", 6500000, 6919998, 13419998),
        ("Region Västernorrland", 243334, "2,3%", 6500000, 6097976, 12597976),
        ("Region Västmanland", 280584, "2,7%", 6500000, 7031466, 13531466),
        ("Västra Götalandsregionen", 1757225, "16,7%", 6500000, 44036249, 50536249),
        ("Region Örebro län", 307656, "2,9%", 6500000, 7709893, 14209893),
        ("Region Östergötland", 471797, "4,5%", 6500000, 11823284, 18323284),
        ("Totalsumma", 10514719, "100,0%", 136500000, 263500000, 400000000),
    ]

    @Test func bilaga1ReproducesEveryPublishedFigure() throws {
        let workbook = try Self.load("bilaga1-civilt-forsvar-2023.kalk")
        let sheet = try #require(workbook.sheetIndex(named: "Fördelning"))
        let percent = NumberFormat("0.0%")
        for (i, row) in Self.bilaga1.enumerated() {
            func value(_ column: Int32) -> Value { workbook.value(at: CellLocation(sheet: Int32(sheet), row: Int32(i + 1), column: column)) }
            #expect(value(0) == .text(row.0))
            #expect(value(1) == .number(row.1), "\(row.0) population")
            #expect(percent.format(value(2), separators: SpreadsheetLocale.swedish.separators) == row.2, "\(row.0) share")
            #expect(value(3) == .number(row.3), "\(row.0) base amount")
            #expect(value(4) == .number(row.4), "\(row.0) amount")
            #expect(value(5) == .number(row.5), "\(row.0) total")
        }
        #expect(try workbook.value(at: workbook.location(of: "Parametrar!B6")) == .number(0))
    }

    @Test func raisingTheBaseAmountKeepsTheTotalAndMovesEveryRegion() throws {
        let workbook = try Self.load("bilaga1-civilt-forsvar-2023.kalk")
        try workbook.set(.typed("7000000"), at: workbook.location(of: "Parametrar!B2"))
        let result = workbook.recalculate()
        let changed = Set(result.changes.map { workbook.name(of: $0.location) })
        var expected: Set<String> = ["Parametrar!B2", "Parametrar!B5", "Fördelning!D23", "Fördelning!E23"]
        for row in 2...22 { for column in ["D", "E", "F"] { expected.insert("Fördelning!\(column)\(row)") } }
        #expect(changed == expected)  // 67 cells; the grand total F23 and the check B6 do not move
        #expect(try workbook.value(at: workbook.location(of: "Fördelning!F23")) == .number(400_000_000))
        #expect(try workbook.value(at: workbook.location(of: "Fördelning!D23")) == .number(147_000_000))
        #expect(try workbook.value(at: workbook.location(of: "Fördelning!E23")) == .number(253_000_000))
        #expect(try workbook.value(at: workbook.location(of: "Parametrar!B6")) == .number(0))
        // Stockholm: 7 000 000 + 253 000 000 × 2 437 158 / 10 514 719 = 7 000 000 + 58 641 697.8 → 65 641 698.
        #expect(try workbook.value(at: workbook.location(of: "Fördelning!F13")) == .number(65_641_698))
        // Here plain ROUND of each share would drift: its 21 amounts sum to 252 999 998.
        let rounded = try workbook.evaluate("SUMPRODUCT(ROUND(Parametrar!B5*Fördelning!B2:B22/Fördelning!B23,0))")
        #expect(rounded == .number(252_999_998))
    }

    /// RS/229/2025: the 26 amounts of the activity table, by division.
    @Test func activityTableHasEveryAmountAndSumsToTheGrant() throws {
        let workbook = try Self.load("aktiviteter-jamtland-harjedalen-2025.kalk")
        let sheet = try #require(workbook.sheetIndex(named: "Aktiviteter"))
        let divisions = ["Kir", "Med", "Nära vård", "VUP", "Regionen"]
        var amounts: [String: [Double]] = [:]
        for cell in workbook.cells(inSheet: sheet) where (3...7).contains(cell.address.column) && cell.address.row >= 1 && cell.address.row <= 30 {
            if case .number(let n) = cell.value { amounts[divisions[Int(cell.address.column) - 3], default: []].append(n) }
        }
        #expect(amounts["Kir"] == [1_500_000, 36_600_000, 500_000, 6_900_000, 650_000, 2_000_000])
        #expect(amounts["Med"] == [1_500_000, 21_021_000, 600_000, 1_400_000, 350_000, 1_800_000, 700_000, 5_400_000, 600_000])
        #expect(amounts["Nära vård"] == [28_600_000, 1_600_000, 715_000, 150_000, 5_000_000, 5_800_000, 1_800_000])
        #expect(amounts["VUP"] == [6_600_000])
        #expect(amounts["Regionen"] == [500_000, 8_000_000, 7_177_000])
        #expect(amounts.values.map(\.count).reduce(0, +) == 26)
        func value(_ reference: String) throws -> Value { workbook.value(at: try workbook.location(of: reference)) }
        #expect(try value("Aktiviteter!D32") == .number(48_150_000))
        #expect(try value("Aktiviteter!E32") == .number(33_371_000))
        #expect(try value("Aktiviteter!F32") == .number(43_665_000))
        #expect(try value("Aktiviteter!G32") == .number(6_600_000))
        #expect(try value("Aktiviteter!H32") == .number(15_677_000))
        #expect(try value("Aktiviteter!I32") == .number(147_463_000))
        #expect(try value("Aktiviteter!I6") == .number(86_221_000))  // point 7: 36.6 + 21.021 + 28.6 Mkr
        #expect(try value("Uppgifter!B7") == .number(0))
        #expect(try value("Uppgifter!B8") == .text("Summan är lika med bidraget"))
    }

    @Test func activityTableSaysByHowMuchItMisses() throws {
        let workbook = try Self.load("aktiviteter-jamtland-harjedalen-2025.kalk")
        try workbook.set(.typed("2500000"), at: workbook.location(of: "Aktiviteter!D22"))  // Kir 2 000 000 → 2 500 000
        workbook.recalculate()
        #expect(try workbook.value(at: workbook.location(of: "Uppgifter!B7")) == .number(500_000))
        // The workbook is Swedish (`locale sv`): TEXT writes a space between thousands, as in Swedish Excel.
        #expect(try workbook.value(at: workbook.location(of: "Uppgifter!B8")) == .text("Fördelat 500 000 kr mer än bidraget"))
        try workbook.set(.typed("2000000"), at: workbook.location(of: "Aktiviteter!D22"))
        try workbook.set(.typed("34063000"), at: workbook.location(of: "Aktiviteter!D6"))  // 36 600 000 − 2 537 000
        workbook.recalculate()
        #expect(try workbook.value(at: workbook.location(of: "Uppgifter!B8")) == .text("Ofördelat: 2 537 000 kr"))
    }

    @Test func equalSplitOfVardkapacitet2024() throws {
        let workbook = try Self.load("vardkapacitet-2024.kalk")
        for row in 2...22 {
            #expect(try workbook.value(at: workbook.location(of: "Fördelning!C\(row)")) == .number(500_000))
        }
        #expect(try workbook.value(at: workbook.location(of: "Fördelning!C23")) == .number(10_500_000))
        #expect(try workbook.value(at: workbook.location(of: "Fördelning!C24")) == .number(1_500_000))
        #expect(try workbook.value(at: workbook.location(of: "Fördelning!C25")) == .number(12_000_000))
        #expect(try workbook.value(at: workbook.location(of: "Parametrar!B6")) == .number(0))
    }
}
