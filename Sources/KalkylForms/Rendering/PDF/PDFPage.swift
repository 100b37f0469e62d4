import Foundation

/// One A4 page being drawn: a PDF content stream of text in the standard fonts, lines and
/// rectangles. Coordinates are points from the top left (PDF's own run from the bottom left).
struct PDFPage {
    static let width = 595.28
    static let height = 841.89

    private(set) var content: [UInt8] = []

    mutating func text(_ text: String, x: Double, baseline: Double, font: StandardFont, size: Double) {
        guard !text.isEmpty else { return }
        append("BT /\(font.resourceName) \(n(size)) Tf \(n(x)) \(n(PDFPage.height - baseline)) Td (")
        content += PDFPage.escaped(StandardFont.encode(text))
        append(") Tj ET\n")
    }

    mutating func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), width: Double = 0.5) {
        append("\(n(width)) w \(n(start.x)) \(n(PDFPage.height - start.y)) m \(n(end.x)) \(n(PDFPage.height - end.y)) l S\n")
    }

    /// A rectangle, `top` being its upper edge; filled with a grey level (1 is white) and/or stroked.
    mutating func rectangle(x: Double, top: Double, width: Double, height: Double, fill gray: Double? = nil, stroke: Double? = 0.5) {
        let box = "\(n(x)) \(n(PDFPage.height - top - height)) \(n(width)) \(n(height)) re"
        if let gray { append("\(n(gray)) g \(box) f 0 g\n") }
        if let stroke { append("\(n(stroke)) w \(box) S\n") }
    }

    private mutating func append(_ text: String) { content += Array(text.utf8) }

    private func n(_ value: Double) -> String { String(format: "%.2f", value) }

    /// A PDF literal string's bytes: parentheses and backslashes escaped, others as octal.
    static func escaped(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
            case 32..<127: out.append(byte)
            default: out += Array(String(format: "\\%03o", byte).utf8)
            }
        }
        return out
    }
}
