import Foundation
import Testing

/// `kalkyl new rekvisition --with …` and `kalkyl form` as staff use them.
struct FormCommandTests {
    @Test func aRequisitionFromTheBilaga1Workbook() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let book = directory.appendingPathComponent("rekvisition.kalk").path
        let made = try KalkylProcess.run(["new", "rekvisition", "--with", "Workbooks/bilaga1-civilt-forsvar-2023.kalk", "-o", book,
                                          "--set", "bidragsmottagare=Region Västerbotten", "--set", "organisationsnummer=232100-0164",
                                          "--set", "kontaktperson=Anna Andersson", "--set", "postadress=Box 1, 901 89 Umeå",
                                          "--set", "telefon=090-785 00 00", "--set", "epost=ekonomi@example.se",
                                          "--set", "dnr_overenskommelse=S2022/04257", "--set", "dnr_utbetalning=S2023/01226",
                                          "--set", "benamning=Civilt försvar 2023", "--set", "period=2023-01-01 – 2023-12-31",
                                          "--set", "bankgiro=991-2346", "--set", "betalningsreferens=CF 2023",
                                          "--set", "datum=2023-06-01", "--set", "namnfortydligande=Anna Andersson"])
        #expect(made.status == 0, "\(made.stderr)")
        let text = try KalkylProcess.run(["form", book, "--kind", "rekvisition"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("   Belopp som rekvireras: 13 419 998 kr\n"))
        let html = directory.appendingPathComponent("rekvisition.html").path
        #expect(try KalkylProcess.run(["form", book, "--kind", "rekvisition", "--format", "html", "-o", html]).status == 0)
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("<h1>Rekvisition</h1>"))

        // A bad bankgiro: exit 1, the problem named, nothing written; --draft writes a marked draft.
        _ = try KalkylProcess.run(["set", book, "Rekvisition!B20=991-2347"])
        let out = directory.appendingPathComponent("bad.txt").path
        let bad = try KalkylProcess.run(["form", book, "--kind", "rekvisition", "-o", out])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("kalkyl: Bankgiro/Plusgiro: is neither a valid bankgiro number"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let draft = try KalkylProcess.run(["form", book, "--kind", "rekvisition", "--draft"])
        #expect(draft.status == 0 && draft.stdout.hasPrefix("UTKAST – REKVISITION\n"))
    }
}
