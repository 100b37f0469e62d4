/// Line breaking for the PDF's standard fonts.
enum PDFTextWrap {
    /// `text` broken into lines no wider than `width`: at spaces, and inside a word only when
    /// the word alone is wider.
    static func lines(_ text: String, width: Double, font: StandardFont, size: Double) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if font.width(of: candidate, size: size) <= width { line = candidate; continue }
                if !line.isEmpty { lines.append(line) }
                line = ""
                var piece = ""
                for ch in word {
                    if font.width(of: piece + String(ch), size: size) > width && !piece.isEmpty {
                        lines.append(piece)
                        piece = ""
                    }
                    piece.append(ch)
                }
                line = piece
            }
            lines.append(line)
        }
        return lines
    }
}
