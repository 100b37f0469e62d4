import Foundation
import KalkylEngine
import KalkylFormats
@testable import KalkylForms
import Testing

/// Forms filled from the shipped workbooks through the form templates.
struct FormTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func make(_ template: String, with workbook: String, _ values: [String: String]) throws -> Workbook {
        let form = try KalkReader.load(path: root.appendingPathComponent("Templates/\(template).kalk").path)
        try form.workbook.include(try KalkReader.load(path: root.appendingPathComponent("Workbooks/\(workbook).kalk").path).workbook)
        let problems = form.fillParameters(values)
        #expect(problems.isEmpty, "\(problems)")
        return form.workbook
    }

    static let contact = [
        "organisationsnummer": "232100-0164", "kontaktperson": "Anna Andersson", "postadress": "Box 1, 901 89 Umeå",
        "telefon": "090-785 00 00", "epost": "ekonomi@example.se", "dnr_overenskommelse": "S2022/04257",
        "dnr_utbetalning": "S2023/01226", "period": "2023-01-01 – 2023-12-31", "datum": "2023-06-01", "namnfortydligande": "Anna Andersson",
    ]

    static func requisition(_ extra: [String: String] = [:]) throws -> Workbook {
        try make("rekvisition", with: "bilaga1-civilt-forsvar-2023", contact.merging([
            "bidragsmottagare": "Region Västerbotten", "benamning": "Civilt försvar – hälso- och sjukvård 2023",
            "bankgiro": "5555-5551", "betalningsreferens": "Civilt försvar 2023",
        ]) { $1 }.merging(extra) { $1 })
    }

    static func report(_ extra: [String: String] = [:]) throws -> Workbook {
        try make("ekonomisk-redovisning", with: "aktiviteter-jamtland-harjedalen-2025", contact.merging([
            "bidragsmottagare": "Region Jämtland Härjedalen", "benamning": "Stärkt tillgänglighet 2025",
            "summa_overenskommelse": "147463000", "summa_utbetalat": "147463000", "granskning": "1",
            "granskare_namn": "Jennie Eriksson", "granskare_befattning": "Ekonomidirektör",
            "granskare_telefon": "063-14 75 00", "granskare_epost": "ekonomi@example.se",
        ]) { $1 }.merging(extra) { $1 })
    }

    /// The report with `count` long cost items instead of the activity table's, summing to the
    /// same 147 463 000 kr (59 × 2 000 000 + 29 463 000 for 60 items).
    static func report(withCostItems count: Int) throws -> Workbook {
        let workbook = try report()
        try workbook.addSheet(named: "Kostnader")
        let sheet = workbook.sheetIndex(named: "Kostnader")!
        for i in 0..<count {
            let amount = i == count - 1 ? 147_463_000 - Double(count - 1) * 2_000_000 : 2_000_000
            try workbook.set(.constant(.text("Kostnadspost nummer \(i + 1) med en lång beskrivning")), at: CellLocation(sheet: Int32(sheet), row: Int32(i), column: 0))
            try workbook.set(.constant(.number(amount)), at: CellLocation(sheet: Int32(sheet), row: Int32(i), column: 1))
        }
        try workbook.defineName("kostnader", formula: "=Kostnader!$A$1:$B$\(count)")
        try workbook.set(.formula("=SUM(Kostnader!B1:B\(count))"), at: try workbook.location(of: "summa_kostnader"))
        workbook.recalculate()
        return workbook
    }

    @Test func aRequisitionCarriesTheRegionsAllocatedAmount() throws {
        let form = FilledForm(.rekvisition, from: try Self.requisition())
        #expect(form.problems().isEmpty)
        #expect(form.number("belopp") == 13_419_998)  // Region Västerbotten, Bilaga 1
        let text = TextFormRenderer.render(form)
        #expect(text.contains("   Belopp som rekvireras: 13 419 998 kr\n"))
        // Every label of Bilaga 2's requisition, in order.
        var position = text.startIndex
        for field in FormDefinition.rekvisition.fields {
            guard let found = text.range(of: "   \(field.label):", range: position..<text.endIndex) else {
                Issue.record("missing or out of order: \(field.label)")
                continue
            }
            position = found.upperBound
        }
    }

    @Test func aReportCarriesTheActivityTablesCosts() throws {
        let workbook = try Self.report()
        let form = FilledForm(.redovisning, from: workbook)
        #expect(form.problems().isEmpty)
        #expect(form.number("summa_kostnader") == 147_463_000)
        #expect(form.number("ej_forbrukat") == 0)
        #expect(form.costs.count == 21)
        // Changing a cost in the workbook changes the form: over-spending shows as such.
        try workbook.set(.typed("2500000"), at: try workbook.location(of: "Aktiviteter!D22"))
        workbook.recalculate()
        let changed = FilledForm(.redovisning, from: workbook)
        #expect(changed.number("ej_forbrukat") == -500_000)
        #expect(changed.display(FormDefinition.redovisning.fields.first { $0.key == "ej_forbrukat" }!) == "−500 000 kr (överförbrukning)")
        #expect(changed.problems().isEmpty)
    }

    @Test func everyProblemIsNamedAtOnce() throws {
        let workbook = try Self.requisition(["organisationsnummer": "232100-0165", "epost": "ekonomi", "period": "2023-12-31 – 2023-01-01",
                                             "bankgiro": "5555-5552", "dnr_utbetalning": "2023/1"])
        try workbook.set(.typed("14000000"), at: try workbook.location(of: "Rekvisition!B16"))  // more than allocated
        workbook.recalculate()
        let problems = FilledForm(.rekvisition, from: workbook).problems().map(\.description)
        #expect(problems == [
            "Organisationsnummer: the check digit is wrong (the last digit of 232100-0165 does not match the others)",
            "E-postadress: must be an e-mail address such as namn@region.se, got 'ekonomi'",
            "Regeringskansliets diarienummer för regeringsbeslut avseende utbetalning: must be a diarienummer such as S2023/01234, got '2023/1'",
            "Period som rekvisitionen avser: the period ends (2023-01-01) before it starts (2023-12-31)",
            "Bankgiro/Plusgiro: is neither a valid bankgiro number (NNN-NNNN or NNNN-NNNN) nor a valid plusgiro number (check digit after a dash), got '5555-5552'",
            "Belopp som rekvireras: 14 000 000 kr is more than the allocated 13 419 998 kr",
        ])
    }

    @Test func alternativeTwoNeedsTheDeviations() throws {
        let problems = FilledForm(.redovisning, from: try Self.report(["granskning": "2"])).problems().map(\.description)
        #expect(problems == ["Avvikelser och åtgärder: alternative 2 requires the deviations and measures"])
        let explained = FilledForm(.redovisning, from: try Self.report(["granskning": "2", "avvikelser": "Två fakturor saknas; kompletteras i april."]))
        #expect(explained.problems().isEmpty)
    }

    @Test func renderersCarryEveryField() throws {
        let form = FilledForm(.redovisning, from: try Self.report())
        let html = HTMLFormRenderer.render(form)
        let json = StructuredFormRenderer.json(form)
        let csv = StructuredFormRenderer.csv(form)
        for field in FormDefinition.redovisning.fields {
            // The alternative is shown as the two alternatives, the chosen one marked.
            if field.kind != .attestation { #expect(html.contains(HTMLFormRenderer.escape(field.label)), "\(field.label)") }
            if field.kind != .signature { #expect(json.contains("\"key\":\"\(field.key)\""), "\(field.key)") }
        }
        #expect(html.contains("@page { size: A4;"))
        #expect(json.contains(#""key":"summa_kostnader","label":"Summa kostnader","value":147463000"#))
        #expect(csv.contains("3;Summa kostnader;147463000\r\n"))
        #expect(csv.contains("3;Kostnad: Förstärkningsplatser kirurgen;2000000\r\n"))
        #expect(TextFormRenderer.render(form, draft: true).hasPrefix("UTKAST – EKONOMISK REDOVISNING\n"))
        // The director's name for Bilaga 2's N.N., alternative 1 marked and 2 not.
        let text = TextFormRenderer.render(form)
        #expect(text.contains("   ☒ Alt 1: Jennie Eriksson (ekonomichefen eller motsvarande) intygar att den ekonomiska redovisningen under punkt 3 är korrekt.\n"))
        #expect(text.contains("   ☐ Alt 2: Jennie Eriksson (ekonomichefen eller motsvarande) bedömer inte"))
        #expect(!text.contains("N.N."))
        #expect(html.contains("<span class=\"box\">☒</span> Alt 1: Jennie Eriksson"))
        // The addressee and both diarienummer, as the agreement asks of every document.
        #expect(text.contains("\nTill: Kammarkollegiet\nDnr överenskommelse: S2022/04257\nDnr beslut om utbetalning: S2023/01226\n"))
    }

    @Test func numbersArePrintedAsTheyAreWritten() throws {
        let form = FilledForm(.rekvisition, from: try Self.requisition(["organisationsnummer": "2321000164", "bankgiro": "55555551"]))
        #expect(form.problems().isEmpty)
        let text = TextFormRenderer.render(form)
        #expect(text.contains("   Organisationsnummer: 232100-0164\n"))
        #expect(text.contains("   Bankgiro/Plusgiro: 5555-5551\n"))
        let plusgiro = TextFormRenderer.render(FilledForm(.rekvisition, from: try Self.requisition(["bankgiro": "4 10 52 10-1"])))
        #expect(plusgiro.contains("   Bankgiro/Plusgiro: 4105210-1\n"))
    }

    @Test func aMisspeltRecipientIsAProblemNotZeroKronor() throws {
        let workbook = try Self.requisition()
        try workbook.set(.constant(.text("Region Västerbottn")), at: try workbook.location(of: "bidragsmottagare"))
        workbook.recalculate()
        let problems = FilledForm(.rekvisition, from: workbook).problems().map(\.description)
        #expect(problems == ["Bidragsmottagare: Region Västerbottn is not a recipient in Fördelning!A2:A22; did you mean Region Västerbotten?"])
        try workbook.set(.constant(.text("Totalsumma")), at: try workbook.location(of: "bidragsmottagare"))
        workbook.recalculate()
        #expect(FilledForm(.rekvisition, from: workbook).problems().map(\.description) == ["Bidragsmottagare: Totalsumma is not a recipient in Fördelning!A2:A22 (it is a totals row)"])
        #expect(FormWorkbook.kind(of: workbook) == .rekvisition)
        // A workbook from the older template looked the amount up under IFERROR(…, 0): 0 kr is a problem too.
        try workbook.set(.constant(.text("Region Västerbotten")), at: try workbook.location(of: "bidragsmottagare"))
        try workbook.set(.constant(.number(0)), at: try workbook.location(of: "belopp"))
        workbook.recalculate()
        #expect(FilledForm(.rekvisition, from: workbook).problems().map(\.description) == ["Belopp som rekvireras: is 0 kr: is the recipient in the allocation?"])
    }
}
