import Foundation

/// Writes pages as a PDF 1.4 file: a catalog, the page tree, the two standard fonts, each
/// page with its content stream, an information dictionary and the cross-reference table.
/// Content is not compressed: a form is a few kilobytes, and a plain file is easy to inspect.
enum PDFWriter {
    static func document(_ pages: [PDFPage], title: String) -> Data {
        var out: [UInt8] = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        func object(_ body: [UInt8]) {
            offsets.append(out.count)
            out += Array("\(offsets.count) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        func object(_ body: String) { object(Array(body.utf8)) }

        let fontObjects = StandardFont.allCases.enumerated().map { 3 + $0.offset }
        let firstPage = 3 + StandardFont.allCases.count
        let infoObject = firstPage + 2 * pages.count
        let kids = pages.indices.map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        object("<< /Type /Catalog /Pages 2 0 R >>")
        object("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        for font in StandardFont.allCases {
            object("<< /Type /Font /Subtype /Type1 /BaseFont /\(font.baseFont) /Encoding /WinAnsiEncoding >>")
        }
        let fonts = zip(StandardFont.allCases, fontObjects).map { "/\($0.resourceName) \($1) 0 R" }.joined(separator: " ")
        for (index, page) in pages.enumerated() {
            let contents = firstPage + 2 * index + 1
            object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(PDFPage.width) \(PDFPage.height)] /Resources << /Font << \(fonts) >> >> /Contents \(contents) 0 R >>")
            object(Array("<< /Length \(page.content.count) >>\nstream\n".utf8) + page.content + Array("endstream".utf8))
        }
        object("<< /Title \(utf16(title)) /Producer \(utf16("Kalkyl")) >>")
        let xref = out.count
        out += Array("xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets { out += Array(String(format: "%010d 00000 n \n", offset).utf8) }
        out += Array("trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R /Info \(infoObject) 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return Data(out)
    }

    /// A text string for the information dictionary: UTF-16BE with its byte order mark, in hex.
    private static func utf16(_ text: String) -> String {
        "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }
}
