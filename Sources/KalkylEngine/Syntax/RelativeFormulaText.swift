/// Formula text with its cell references written relative to the formula's cell, so the
/// formulas of a filled-down column (`=A2*2`, `=A3*2`, …) have one text: a workbook loads
/// such a column by parsing its formula once.
///
/// It reads the text as the lexer does (words, numbers, quoted text and sheet names) and
/// rewrites only words that are cell addresses. Whole columns and rows (`A:A`, `1:3`) are
/// relative too but look like names and numbers; a text with one gives nil, as does anything
/// unusual: the caller then parses, which is always right.
enum RelativeFormulaText {
    static func of(_ text: String, at host: CellAddress) -> String? {
        var bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "=") else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        let n = bytes.count
        /// The last byte copied that is not white space, to see a `:` before a word.
        var previous: UInt8 = 0
        func copy(_ range: Range<Int>) {
            out.append(contentsOf: bytes[range])
            if let last = bytes[range].last(where: { $0 != 32 }) { previous = last }
        }
        func nextNonSpace(_ j: Int) -> UInt8 {
            var k = j
            while k < n && isSpace(bytes[k]) { k += 1 }
            return k < n ? bytes[k] : 0
        }
        let colon = UInt8(ascii: ":")
        while i < n {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                // Quoted text or sheet name, with doubled quotes inside.
                var j = i + 1
                while true {
                    guard j < n else { return nil }
                    if bytes[j] == c {
                        if j + 1 < n && bytes[j + 1] == c { j += 2; continue }
                        break
                    }
                    j += 1
                }
                copy(i..<(j + 1))
                i = j + 1
            } else if isDigit(c) || (c == UInt8(ascii: ".") && i + 1 < n && isDigit(bytes[i + 1])) {
                var j = i
                while j < n && isDigit(bytes[j]) { j += 1 }
                if j < n && bytes[j] == UInt8(ascii: ".") {
                    j += 1
                    while j < n && isDigit(bytes[j]) { j += 1 }
                }
                if j < n && (bytes[j] | 0x20) == UInt8(ascii: "e") {
                    let digitAt = j + 1 < n && (bytes[j + 1] == UInt8(ascii: "+") || bytes[j + 1] == UInt8(ascii: "-")) ? j + 2 : j + 1
                    if digitAt < n && isDigit(bytes[digitAt]) {
                        j = digitAt
                        while j < n && isDigit(bytes[j]) { j += 1 }
                    }
                }
                // A number beside ':' may be a row (`1:3`).
                if previous == colon || nextNonSpace(j) == colon { return nil }
                copy(i..<j)
                i = j
            } else if isWordStart(c) {
                var j = i
                while j < n && isWordPart(bytes[j]) { j += 1 }
                let after = nextNonSpace(j)
                if j < n && (bytes[j] == UInt8(ascii: "(") || bytes[j] == UInt8(ascii: "!")) {
                    copy(i..<j)  // a function or a sheet name
                } else if after == UInt8(ascii: "(") {
                    return nil  // `A1 (B1)`: a space may be the intersection operator
                } else if let cell = A1.parseCell(Substring(decoding: bytes[i..<j], as: UTF8.self)) {
                    let column = cell.absoluteColumn ? "C\(cell.address.column)" : "c\(cell.address.column - host.column)"
                    let row = cell.absoluteRow ? "R\(cell.address.row)" : "r\(cell.address.row - host.row)"
                    // 0x01 cannot stand outside quotes in a formula that parses.
                    out.append(1)
                    out.append(contentsOf: (column + row).utf8)
                    out.append(1)
                    previous = 1
                } else {
                    // A name, TRUE, or a column (`A:A`) when it stands beside ':'.
                    if previous == colon || after == colon { return nil }
                    copy(i..<j)
                }
                i = j
            } else {
                copy(i..<(i + 1))
                i += 1
            }
        }
        bytes = out
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// As the lexer's words: letters, `_`, `$`, `\`, and any non-ASCII byte (a formula that
    /// parses has non-ASCII outside quotes only in letters).
    private static func isWordStart(_ c: UInt8) -> Bool {
        (c | 0x20) >= 97 && (c | 0x20) <= 122 || c == UInt8(ascii: "_") || c == UInt8(ascii: "$") || c == UInt8(ascii: "\\") || c >= 0x80
    }

    private static func isWordPart(_ c: UInt8) -> Bool {
        isWordStart(c) || isDigit(c) || c == UInt8(ascii: ".")
    }
}
