import Foundation
import Testing

/// `kalkyl new rekvisition --with …` and `kalkyl form` as staff use them.
struct FormCommandTests {
    @Test func aRequisitionFromTheBilaga1Workbook() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let book = directory.appendingPathComponent("rekvisition.kalk").path
        try RequisitionFixture.make(at: book, recipient: "Region Västerbotten")
        let text = try KalkylProcess.run(["form", book, "--kind", "rekvisition"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("   Belopp som rekvireras: 13 419 998 kr\n"))
        let html = directory.appendingPathComponent("rekvisition.html").path
        #expect(try KalkylProcess.run(["form", book, "--kind", "rekvisition", "--format", "html", "-o", html]).status == 0)
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("<h1>Rekvisition</h1>"))

        // A bad bankgiro: set refuses it (exit 2); in a workbook edited elsewhere, form says
        // it — exit 1, the problem named, nothing written; --draft writes a marked draft.
        let refused = try KalkylProcess.run(["set", book, "Rekvisition!B20=991-2347"])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("kalkyl: Bankgiro/Plusgiro: is neither a valid bankgiro number"))
        let saved = try String(contentsOfFile: book, encoding: .utf8)
        try saved.replacingOccurrences(of: "B20 \"991-2346\"", with: "B20 \"991-2347\"").write(toFile: book, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("bad.txt").path
        let bad = try KalkylProcess.run(["form", book, "--kind", "rekvisition", "-o", out])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("kalkyl: Bankgiro/Plusgiro: is neither a valid bankgiro number"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let draft = try KalkylProcess.run(["form", book, "--kind", "rekvisition", "--draft"])
        #expect(draft.status == 0 && draft.stdout.hasPrefix("UTKAST – REKVISITION\n"))
    }
}

/// A requisition workbook made with `kalkyl new rekvisition --with` the Bilaga 1 workbook.
enum RequisitionFixture {
    static let values = [
        "organisationsnummer=232100-0164", "kontaktperson=Anna Andersson", "postadress=Box 1, 901 89 Umeå",
        "telefon=090-785 00 00", "epost=ekonomi@example.se", "dnr_overenskommelse=S2022/04257",
        "dnr_utbetalning=S2023/01226", "benamning=Civilt försvar 2023", "period=2023-01-01 – 2023-12-31",
        "bankgiro=991-2346", "betalningsreferens=CF 2023", "datum=2023-06-01", "namnfortydligande=Anna Andersson",
    ]

    static func make(at path: String, recipient: String) throws {
        let arguments = ["new", "rekvisition", "--with", "Workbooks/bilaga1-civilt-forsvar-2023.kalk", "-o", path]
            + (values + ["bidragsmottagare=\(recipient)"]).flatMap { ["--set", $0] }
        let made = try KalkylProcess.run(arguments)
        #expect(made.status == 0, "\(made.stderr)")
    }
}

/// `kalkyl fill` with answers piped in, and the batch of all 21 requisitions.
struct FillAndBatchTests {
    @Test func fillAsksEachFieldAndAsksAgainWithTheReason() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let book = directory.appendingPathComponent("r.kalk").path
        let answers = [
            "Region Västerbotten", "232100-0165", "232100-0164", "Anna Andersson", "Box 1, 901 89 Umeå",
            "785 00 00", "090-785 00 00", "", "ekonomi@example.se", "S2022/04257", "S2023/01226", "Civilt försvar 2023",
            "2023-01-01 – 2023-12-31", "5555-5551", "CF 2023", "31/3 2024", "2023-06-01", "Anna Andersson",
        ]
        let outcome = try KalkylProcess.run(["fill", "rekvisition", "--with", "Workbooks/bilaga1-civilt-forsvar-2023.kalk", "-o", book],
                                            stdin: answers.joined(separator: "\n") + "\n")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("Bidragsmottagare: Region Västerbotten\nOrganisationsnummer: 232100-0165\nOrganisationsnummer: 232100-0164\n"))
        #expect(outcome.stderr == """
            kalkyl: Organisationsnummer: the check digit is wrong (the last digit of 232100-0165 does not match the others)
            kalkyl: Telefon inkl. riktnummer: must include the area code (starting with 0 or +46) and be 8 to 10 digits, got '785 00 00'
            kalkyl: Datum: must be a date written yyyy-mm-dd, got '31/3 2024'

            """)
        #expect(try KalkylProcess.run(["form", book, "--kind", "rekvisition"]).stdout.contains("   Belopp som rekvireras: 13 419 998 kr\n"))

        // Answers that run out before a required field: a clear error, nothing written.
        let short = directory.appendingPathComponent("short.kalk").path
        let cut = try KalkylProcess.run(["fill", "rekvisition", "-o", short], stdin: "Region Gotland\n")
        #expect(cut.status == 2)
        #expect(cut.stderr == "kalkyl: the input ended before 'organisationsnummer' (Organisationsnummer) was answered: nothing was written\n")
        #expect(!FileManager.default.fileExists(atPath: short))

        // No input at all (`</dev/null`) is not a workbook of defaults: exit 2, nothing written.
        let none = try KalkylProcess.run(["fill", "rekvisition", "-o", short], stdin: "")
        #expect(none.status == 2)
        #expect(none.stderr.contains("the input ended before 'bidragsmottagare'"), "\(none.stderr)")
        #expect(!FileManager.default.fileExists(atPath: short))
    }
}

/// The HTML forms printed by a real browser: A4 pages with every field label.
struct FormPrintTests {
    static let tools = ["/usr/bin/chromium", "/usr/bin/pdfinfo", "/usr/bin/pdftotext"]
    static var available: Bool { tools.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) } }

    @Test(.enabled(if: available, "chromium and poppler-utils are not installed (apt-get install chromium poppler-utils): the print test is skipped"))
    func bothFormsPrintOnA4WithEveryLabel() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let contact = ["organisationsnummer=232100-0164", "kontaktperson=Anna Andersson", "postadress=Box 1, 901 89 Umeå",
                       "telefon=090-785 00 00", "epost=ekonomi@example.se", "dnr_overenskommelse=S2022/04257",
                       "dnr_utbetalning=S2023/01226", "benamning=Statsbidrag", "period=2025-01-01 – 2025-12-31",
                       "datum=2026-03-15", "namnfortydligande=Anna Andersson"]
        let forms: [(kind: String, template: String, with: String, values: [String])] = [
            ("rekvisition", "rekvisition", "Workbooks/bilaga1-civilt-forsvar-2023.kalk",
             contact + ["bidragsmottagare=Region Västerbotten", "bankgiro=5555-5551", "betalningsreferens=SB 2025"]),
            ("redovisning", "ekonomisk-redovisning", "Workbooks/aktiviteter-jamtland-harjedalen-2025.kalk",
             contact + ["bidragsmottagare=Region Jämtland Härjedalen", "summa_overenskommelse=147463000", "summa_utbetalat=147463000",
                        "granskning=1", "granskare_namn=Jennie Eriksson", "granskare_befattning=Ekonomidirektör",
                        "granskare_telefon=063-14 75 00", "granskare_epost=ekonomi@example.se"]),
        ]
        for form in forms {
            let book = directory.appendingPathComponent("\(form.kind).kalk").path
            let made = try KalkylProcess.run(["new", form.template, "--with", form.with, "-o", book] + form.values.flatMap { ["--set", $0] })
            #expect(made.status == 0, "\(made.stderr)")
            let html = directory.appendingPathComponent("\(form.kind).html").path
            #expect(try KalkylProcess.run(["form", book, "--kind", form.kind, "--format", "html", "-o", html]).status == 0)

            let png = directory.appendingPathComponent("\(form.kind).png").path
            let printed = try run("/bin/bash", [KalkylProcess.packageRoot.appendingPathComponent("scripts/form-to-png.sh").path, html, png], in: directory)
            #expect(printed.status == 0, "\(form.kind): \(printed.output)")
            #expect(FileManager.default.fileExists(atPath: png))

            let pdf = directory.appendingPathComponent("\(form.kind).pdf").path
            // In content order a label that wraps inside its cell stays together; compare with
            // all white space folded to single spaces.
            let text = try run("/usr/bin/pdftotext", ["-raw", pdf, "-"], in: directory).output
            let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let labels = (form.kind == "rekvisition" ? FormLabels.rekvisition : FormLabels.redovisning)
            for label in labels {
                #expect(words.contains(label), "\(form.kind): \(label)")
            }
        }
    }

    /// Runs a tool (Chromium starts helpers that outlive it) and returns its status and output.
    private func run(_ tool: String, _ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let log = directory.appendingPathComponent("tool-output.txt").path
        let status = try KalkylProcess.runTool(tool, arguments, output: log)
        return (status, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }
}

/// Bilaga 2's labels, as the seed lists them.
enum FormLabels {
    static let contact = ["Bidragsmottagare", "Organisationsnummer", "Kontaktperson", "Postadress", "Telefon inkl. riktnummer", "Faxnummer", "E-postadress"]
    static let rekvisition = contact + [
        "Regeringskansliets diarienummer för bakomliggande överenskommelse",
        "Regeringskansliets diarienummer för regeringsbeslut avseende utbetalning",
        "Överenskommelsens benämning", "Belopp som rekvireras", "Period som rekvisitionen avser",
        "Bankgiro/Plusgiro", "Önskad betalningsreferens",
        "Bidragstagaren intygar att lämnade uppgifter är riktiga samt försäkrar att bidraget kommer att användas enligt den gemensamma överenskommelsen.",
        "Datum", "Underskrift", "Namnförtydligande",
    ]
    static let redovisning = contact + [
        "Regeringskansliets diarienummer för bakomliggande överenskommelse",
        "Regeringskansliets diarienummer för regeringsbeslut avseende utbetalning",
        "Överenskommelsens benämning", "Summa bidrag enligt överenskommelsen",
        "Summa bidrag som utbetalats från Kammarkollegiet", "Period som den ekonomiska redovisningen avser",
        "Bidrag som erhållits Kammarkollegiet", "Kostnader (specificera större kostnadsposter)", "Summa kostnader",
        "Medel som inte har förbrukats (Bidrag – kostnader)",
        "(ekonomichefen eller motsvarande) intygar att den ekonomiska redovisningen under punkt 3 är korrekt.",
        "Namn", "Befattning", "Bidragstagaren intygar att lämnade uppgifter är riktiga.", "Datum", "Underskrift", "Namnförtydligande",
    ]
}
