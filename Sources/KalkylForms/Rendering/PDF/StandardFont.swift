/// The standard PDF fonts a form is set in. Every PDF reader has them, so nothing is embedded;
/// their WinAnsiEncoding covers Swedish (å ä ö é) and the form's punctuation. A character
/// outside it is printed as its nearest (− as –) or as `?`, never dropped silently.
enum StandardFont: CaseIterable {
    case regular, bold

    var baseFont: String { self == .regular ? "Helvetica" : "Helvetica-Bold" }
    /// The name the page's resources give the font.
    var resourceName: String { self == .regular ? "F1" : "F2" }

    /// The width of `text` at `size` points.
    func width(of text: String, size: Double) -> Double {
        let widths = self == .regular ? StandardFontMetrics.helvetica : StandardFontMetrics.helveticaBold
        var thousandths = 0
        for byte in StandardFont.encode(text) where byte >= 32 { thousandths += Int(widths[Int(byte) - 32]) }
        return Double(thousandths) * size / 1000
    }

    /// The WinAnsi bytes of `text`.
    static func encode(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars { bytes.append(byte(for: scalar)) }
        return bytes
    }

    private static func byte(for scalar: Unicode.Scalar) -> UInt8 {
        let v = scalar.value
        if (32..<127).contains(v) || (0xA0...0xFF).contains(v) { return UInt8(v) }
        if let index = StandardFontMetrics.windows1252High.firstIndex(of: v), v != 0 { return UInt8(0x80 + index) }
        switch v {
        case 0x2212: return 0x96  // minus sign → en dash
        case 0x2010, 0x2011: return 0x2D  // hyphens
        case 0x2007, 0x2009, 0x202F, 0x00A0: return 0x20  // thin and figure spaces, as Swedish amounts use
        case 0x09, 0x0A, 0x0D: return 0x20
        default: return 0x3F  // ?
        }
    }
}
