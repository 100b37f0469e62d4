import Foundation
import Testing

/// The forms of issue 18 as a grant officer uses them: a batch with each recipient's own
/// details, mistakes that stop it loudly, one rule everywhere, and a PDF to sign.
struct FormBatchTests {
    /// A valid organisationsnummer for examples: nine digits `55…` (no real organisation's)
    /// and the mod-10 (Luhn) check digit computed here.
    static func exampleNumber(_ base: String) -> String {
        let digits = base.compactMap(\.wholeNumberValue)
        var sum = 0
        for (i, d) in digits.reversed().enumerated() {
            // From the right of the finished number the check digit is position 0, so the last
            // digit of the base is doubled.
            var n = i % 2 == 0 ? d * 2 : d
            if n > 9 { n -= 9 }
            sum += n
        }
        return base + String((10 - sum % 10) % 10)
    }

    static let regions = ["Region Blekinge", "Region Dalarna", "Region Gotland", "Region Gävleborg", "Region Halland",
                          "Region Jämtland Härjedalen", "Region Jönköpings län", "Region Kalmar län", "Region Kronoberg",
                          "Region Norrbotten", "Region Skåne", "Region Stockholm", "Region Sörmland", "Region Uppsala",
                          "Region Värmland", "Region Västerbotten", "Region Västernorrland", "Region Västmanland",
                          "Västra Götalandsregionen", "Region Örebro län", "Region Östergötland"]

    /// A recipients table (Swedish CSV) with example details, different on every row.
    static func recipientsCSV(regions: [String] = regions) -> String {
        var lines = ["Bidragsmottagare;Organisationsnummer;Kontaktperson;Postadress;Telefon inkl. riktnummer;E-postadress;Bankgiro/Plusgiro;Önskad betalningsreferens;Namnförtydligande"]
        for (i, region) in regions.enumerated() {
            let number = exampleNumber(String(format: "55000%04d", 100 + i))
            let orgnr = String(number.prefix(6)) + "-" + String(number.suffix(4))
            let giro = exampleNumber(String(format: "50%04d", 10 + i))
            lines.append("\(region);\(orgnr);Kontakt \(i + 1);Box \(i + 1), 100 0\(i % 10) Exempelstad;010-100 00 \(String(format: "%02d", i));kontakt\(i + 1)@example.se;\(giro.prefix(3))-\(giro.dropFirst(3));CF 2023 nr \(i + 1);Firmatecknare \(i + 1)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func theExampleNumbersPassTheCheckDigitRule() {
        // 212000-0142 is a known valid organisationsnummer; the generator must reproduce its check digit.
        #expect(Self.exampleNumber("212000014") == "2120000142")
    }

    @Test func the21RequisitionsCarryEachRecipientsOwnDetailsAndAmount() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let book = directory.appendingPathComponent("r.kalk").path
        try RequisitionFixture.make(at: book, recipient: "Region Västerbotten")
        let table = directory.appendingPathComponent("mottagare.csv").path
        try Self.recipientsCSV().write(toFile: table, atomically: true, encoding: .utf8)
        let folder = directory.appendingPathComponent("rekv").path
        let batch = try KalkylProcess.run(["form", book, "--kind", "rekvisition", "--each", "Fördelning!A2:A22", "--recipients", table, "-o", folder])
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stdout == "wrote 21 forms to \(folder)\n")
        var total = 0
        var numbers: Set<String> = []
        for (i, region) in Self.regions.enumerated() {
            let text = try String(contentsOfFile: folder + "/\(region).txt", encoding: .utf8)
            #expect(text.contains("   Bidragsmottagare: \(region)\n"))
            #expect(text.contains("   Kontaktperson: Kontakt \(i + 1)\n"), "\(region)")
            #expect(text.contains("   E-postadress: kontakt\(i + 1)@example.se\n"), "\(region)")
            #expect(text.contains("   Önskad betalningsreferens: CF 2023 nr \(i + 1)\n"), "\(region)")
            #expect(!text.contains("Anna Andersson"), "\(region) carries the workbook's own contact")
            let orgnr = text.split(separator: "\n").first { $0.hasPrefix("   Organisationsnummer: ") }.map { String($0.dropFirst(24)) }
            numbers.insert(orgnr ?? "")
            let amount = text.split(separator: "\n").first { $0.hasPrefix("   Belopp som rekvireras: ") }
                .map { $0.dropFirst(26).filter(\.isNumber) }.flatMap { Int($0) } ?? 0
            total += amount
        }
        #expect(numbers.count == 21)
        #expect(total == 400_000_000)
        // Two amounts by hand from Bilaga 1: 6 500 000 + 263 500 000 × population / 10 514 719.
        let stockholm = try String(contentsOfFile: folder + "/Region Stockholm.txt", encoding: .utf8)
        #expect(stockholm.contains("   Belopp som rekvireras: 67 575 444 kr\n"))
        #expect(try String(contentsOfFile: folder + "/Region Västerbotten.txt", encoding: .utf8).contains("   Belopp som rekvireras: 13 419 998 kr\n"))

        // The same batch as one A4 PDF per recipient.
        let pdfs = directory.appendingPathComponent("pdf").path
        let pdfBatch = try KalkylProcess.run(["form", book, "--kind", "rekvisition", "--each", "Fördelning!A2:A22", "--recipients", table, "--format", "pdf", "-o", pdfs])
        #expect(pdfBatch.status == 0, "\(pdfBatch.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: pdfs).filter { $0.hasSuffix(".pdf") }
        #expect(files.count == 21)
        let gotland = try Data(contentsOf: URL(fileURLWithPath: pdfs + "/Region Gotland.pdf"))
        #expect(gotland.starts(with: Array("%PDF-1.4".utf8)))
    }

    @Test func aBatchWithAProblemWritesNothing() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let book = directory.appendingPathComponent("r.kalk").path
        try RequisitionFixture.make(at: book, recipient: "Region Västerbotten")
        let table = directory.appendingPathComponent("mottagare.csv").path
        // Region Skåne's organisationsnummer with a wrong check digit; Region Gotland without a row.
        var csv = Self.recipientsCSV(regions: Self.regions.filter { $0 != "Region Gotland" })
        let skane = csv.split(separator: "\n").first { $0.hasPrefix("Region Skåne;") }!
        let orgnr = skane.split(separator: ";")[1]
        let wrong = orgnr.dropLast() + String((orgnr.last!.wholeNumberValue! + 1) % 10)
        csv = csv.replacingOccurrences(of: String(skane), with: skane.replacingOccurrences(of: String(orgnr), with: String(wrong)))
        try csv.write(toFile: table, atomically: true, encoding: .utf8)
        let folder = directory.appendingPathComponent("rekv").path

        let bad = try KalkylProcess.run(["form", book, "--kind", "rekvisition", "--each", "Fördelning!A2:A22", "--recipients", table, "-o", folder])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("kalkyl: Region Skåne: Organisationsnummer: the check digit is wrong"), "\(bad.stderr)")
        #expect(bad.stderr.contains("kalkyl: Region Gotland: has no row in the recipients table (\(table))"))
        #expect(bad.stderr.hasSuffix("kalkyl: 2 of 21 forms had problems; nothing written (use --draft for drafts)\n"))
        #expect(!FileManager.default.fileExists(atPath: folder))

        // One row too many takes in the totals row: named, and nothing written.
        try Self.recipientsCSV().write(toFile: table, atomically: true, encoding: .utf8)
        let tooMany = try KalkylProcess.run(["form", book, "--kind", "rekvisition", "--each", "Fördelning!A2:A23", "--recipients", table, "-o", folder])
        #expect(tooMany.status == 1)
        #expect(tooMany.stderr.contains("kalkyl: Totalsumma: Bidragsmottagare: Totalsumma is not a recipient in Fördelning!A2:A22 (it is a totals row)"), "\(tooMany.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder))

        // Without a recipients table a batch would give every form one recipient's details.
        let none = try KalkylProcess.run(["form", book, "--kind", "rekvisition", "--each", "Fördelning!A2:A22", "-o", folder])
        #expect(none.status == 2)
        #expect(none.stderr.contains("--each needs each recipient's own details"))
    }

    @Test func aMisspeltRecipientIsNamedWithTheNearestName() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let book = directory.appendingPathComponent("r.kalk").path
        let message = "Bidragsmottagare: Region Västerbottn is not a recipient in Fördelning!A2:A22; did you mean Region Västerbotten?"
        // new: exit 2, nothing written.
        let arguments = ["new", "rekvisition", "--with", "Workbooks/bilaga1-civilt-forsvar-2023.kalk", "-o", book]
            + (RequisitionFixture.values + ["bidragsmottagare=Region Västerbottn"]).flatMap { ["--set", $0] }
        let made = try KalkylProcess.run(arguments)
        #expect(made.status == 2)
        #expect(made.stderr == "kalkyl: \(message)\nkalkyl: nothing written\n")
        #expect(!FileManager.default.fileExists(atPath: book))

        // A workbook edited elsewhere: form says so, exit 1, nothing written — never 0 kr.
        try RequisitionFixture.make(at: book, recipient: "Region Västerbotten")
        let text = try String(contentsOfFile: book, encoding: .utf8)
        try text.replacingOccurrences(of: "B4 \"Region Västerbotten\"", with: "B4 \"Region Västerbottn\"").write(toFile: book, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("r.txt").path
        let form = try KalkylProcess.run(["form", book, "--kind", "rekvisition", "-o", out])
        #expect(form.status == 1)
        #expect(form.stderr.hasPrefix("kalkyl: \(message)\n"), "\(form.stderr)")
        #expect(!form.stderr.contains("#N/A"))
        #expect(!FileManager.default.fileExists(atPath: out))

        // set refuses it with the same words (and saves nothing).
        try text.write(toFile: book, atomically: true, encoding: .utf8)
        let set = try KalkylProcess.run(["set", book, "bidragsmottagare=Region Västerbottn"])
        #expect(set.status == 2)
        #expect(set.stderr == "kalkyl: \(message)\n")
        #expect(try String(contentsOfFile: book, encoding: .utf8) == text)
    }

    @Test func oneRuleForAFieldInNewFillSetAndTheREPL() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let message = "Organisationsnummer: the check digit is wrong (the last digit of 232100-0165 does not match the others)"
        let book = directory.appendingPathComponent("r.kalk").path
        let arguments = ["new", "rekvisition", "--with", "Workbooks/bilaga1-civilt-forsvar-2023.kalk", "-o", book]
            + (RequisitionFixture.values + ["bidragsmottagare=Region Gotland", "organisationsnummer=232100-0165", "fax="]).flatMap { ["--set", $0] }
        let made = try KalkylProcess.run(arguments)
        #expect(made.status == 2)
        #expect(made.stderr == "kalkyl: \(message)\nkalkyl: nothing written\n")
        #expect(!FileManager.default.fileExists(atPath: book))

        try RequisitionFixture.make(at: book, recipient: "Region Gotland")
        let before = try String(contentsOfFile: book, encoding: .utf8)
        // set, by the field's name.
        let set = try KalkylProcess.run(["set", book, "organisationsnummer=232100-0165"])
        #expect(set.status == 2)
        #expect(set.stderr == "kalkyl: \(message)\n")
        #expect(try String(contentsOfFile: book, encoding: .utf8) == before)
        // The REPL, by name and by cell.
        let repl = try KalkylProcess.run(["repl", book], stdin: "organisationsnummer = 232100-0165\nRekvisition!B5 = 232100-0165\ncheck form\n")
        #expect(repl.status == 1)
        #expect(repl.stderr == "\(message)\n\(message)\n")
        #expect(repl.stdout == "the rekvisition has no problems\n")
        let shown = try KalkylProcess.run(["repl", book], stdin: "form rekvisition\nform redovisning\n")
        #expect(shown.stdout.contains("   Belopp som rekvireras: 8 032 852 kr\n"), "\(shown.stdout)")
        #expect(shown.stderr.hasPrefix("\(book) is a requisition (rekvisition), not a financial report (ekonomisk redovisning)"))
        // fill asks again with the same words.
        let answers = ["Region Gotland", "232100-0165", "232100-0164", "Anna Andersson", "Box 1, 621 81 Visby", "0498-26 90 00", "",
                       "ekonomi@example.se", "S2022/04257", "S2023/01226", "Civilt försvar 2023", "2023-01-01 – 2023-12-31",
                       "5555-5551", "CF 2023", "2023-06-01", "Anna Andersson"]
        let filled = directory.appendingPathComponent("f.kalk").path
        let fill = try KalkylProcess.run(["fill", "rekvisition", "--with", "Workbooks/bilaga1-civilt-forsvar-2023.kalk", "-o", filled],
                                         stdin: answers.joined(separator: "\n") + "\n")
        #expect(fill.status == 0, "\(fill.stderr)")
        #expect(fill.stderr == "kalkyl: \(message)\n")

        // A workbook that is no form is said to be one in one line.
        let notForm = try KalkylProcess.run(["form", "Workbooks/bilaga1-civilt-forsvar-2023.kalk", "--kind", "rekvisition"])
        #expect(notForm.status == 2)
        #expect(notForm.stderr == "kalkyl: Workbooks/bilaga1-civilt-forsvar-2023.kalk is not a requisition (rekvisition): it has no names for the form's fields (bidragsmottagare, …); make one with 'kalkyl new rekvisition --with Workbooks/bilaga1-civilt-forsvar-2023.kalk'\n")
        // The optional fax is optional in --parameters too.
        #expect(try KalkylProcess.run(["new", "rekvisition", "--parameters"]).stdout.contains("Faxnummer (text, optional"))
    }
}
