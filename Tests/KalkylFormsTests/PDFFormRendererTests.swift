import Foundation
import KalkylEngine
@testable import KalkylForms
import Testing

/// The PDF writer: A4 pages in the standard fonts, text that wraps, and a report too long for
/// one page flowing onto the next. Poppler (pdfinfo, pdftotext) reads the files when installed.
struct PDFFormRendererTests {
    static let poppler = ["/usr/bin/pdfinfo", "/usr/bin/pdftotext"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func helveticaWidthsAreAdobesAndSwedishLettersAreWinAnsi() {
        // From Helvetica's AFM: space 278, A 667, a 556, å and ä 556, ö 556.
        #expect(StandardFont.regular.width(of: " Aa", size: 1000) == 278 + 667 + 556)
        #expect(StandardFont.regular.width(of: "åäö", size: 1000) == 3 * 556)
        #expect(StandardFont.encode("åäöÅÄÖé–−") == [0xE5, 0xE4, 0xF6, 0xC5, 0xC4, 0xD6, 0xE9, 0x96, 0x96])
        #expect(StandardFont.encode("☒") == [0x3F])
        #expect(PDFPage.escaped(Array("(a)\\".utf8)) == Array("\\(a\\)\\\\".utf8))
    }

    @Test func wrappingKeepsEveryWordAndBreaksOnlyAtSpacesWhenItCan() {
        let text = "Hyr: läkare, sjuksköterskor, audionomer, extern granskning rtg m.m."
        let lines = Flow_wrap(text, width: 120)
        #expect(lines.count > 1)
        #expect(lines.joined(separator: " ") == text)
        for line in lines { #expect(StandardFont.regular.width(of: line, size: 9.5) <= 120) }
        // A word wider than the column is cut inside, never lost.
        let long = String(repeating: "x", count: 80)
        #expect(Flow_wrap(long, width: 100).joined() == long)
    }

    @Test func aReportWith60CostItemsIsTwoA4PagesWithTheirNumbers() throws {
        let form = FilledForm(.redovisning, from: try FormTests.report(withCostItems: 60))
        #expect(form.costs.count == 60)
        let pdf = PDFFormRenderer.render(form)
        let text = String(decoding: pdf, as: UTF8.self)
        // KALKYL_KEEP_PDF=FILE keeps the PDF to look at (pdftoppm -png FILE page).
        if let keep = ProcessInfo.processInfo.environment["KALKYL_KEEP_PDF"] { try pdf.write(to: URL(fileURLWithPath: keep)) }
        #expect(text.hasPrefix("%PDF-1.4\n"))
        #expect(text.components(separatedBy: "/Type /Page ").count - 1 == 2)
        #expect(text.contains("/MediaBox [0 0 595.28 841.89]"))
        #expect(text.contains("(Sida 1 av 2)") && text.contains("(Sida 2 av 2)"))
        #expect(text.hasSuffix("%%EOF\n"))

        guard Self.poppler else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("r.pdf")
        try pdf.write(to: file)
        let info = try Self.run("/usr/bin/pdfinfo", [file.path])
        #expect(info.contains("Pages:           2"))
        #expect(info.contains("(A4)"))
        let words = try Self.run("/usr/bin/pdftotext", ["-raw", file.path, "-"]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for field in FormDefinition.redovisning.fields where field.kind != .attestation {
            #expect(words.contains(field.label), "\(field.label)")
        }
        for i in [1, 30, 60] { #expect(words.contains("Kostnadspost nummer \(i) med en lång beskrivning"), "item \(i)") }
        #expect(words.contains("Till: Kammarkollegiet"))
        #expect(words.contains("Dnr överenskommelse: S2022/04257"))
        #expect(words.contains("Alt 1: Jennie Eriksson (ekonomichefen eller motsvarande) intygar"))
        #expect(words.contains("3. Redovisning av verksamhet eller aktivitet (forts.)"))
        #expect(words.components(separatedBy: "4. Ekonomichefens").count == 2, "section 4's title once")
        #expect(words.contains("Summa kostnader 147 463 000 kr"))
    }

    @Test func aSectionThatStartsAPageHasItsTitleOnce() throws {
        // The shipped report fills page 1 down to section 4, which starts page 2.
        let pdf = String(decoding: PDFFormRenderer.render(FilledForm(.redovisning, from: try FormTests.report())), as: UTF8.self)
        #expect(pdf.contains("(Sida 2 av 2)"))
        #expect(pdf.components(separatedBy: "(4. Ekonomichefens").count == 2)
        #expect(!pdf.contains("(4. Ekonomichefens \\(eller motsvarande\\) granskning av den ekonomiska redovisningen \\(forts.\\))"))
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// The PDF renderer's line breaking at the form's text size.
private func Flow_wrap(_ text: String, width: Double) -> [String] {
    PDFTextWrap.lines(text, width: width, font: .regular, size: 9.5)
}
