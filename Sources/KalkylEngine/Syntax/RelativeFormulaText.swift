/// Formula text with its cell references written relative to the formula's cell, so the
/// formulas of a filled-down column (`=A2*2`, `=A3*2`, …) have one text: a workbook loads
/// such a column by parsing its formula once.
///
/// It reads the text as the lexer does (words, numbers, quoted text and sheet names) and
/// rewrites only words that are cell addresses. Whole columns and rows (`A:A`, `1:3`) are
/// relative too but look like names and numbers; a text with one gives nil, as does a table
/// reference and anything unusual: the caller then parses, which is always right.
enum RelativeFormulaText {
    static func of(_ text: String, at host: CellAddress) -> String? {
        let utf8 = text.utf8
        if let key = utf8.withContiguousStorageIfAvailable({ of($0, at: host) }) { return key }
        return of(Array(utf8)[...], at: host)
    }

    private static func of<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at host: CellAddress) -> String? where Bytes.Index == Int {
        guard bytes.first == UInt8(ascii: "=") else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = bytes.startIndex
        let n = bytes.endIndex
        /// The last byte copied that is not white space, to see a `:` before a word.
        var previous: UInt8 = 0
        @inline(__always) func nextNonSpace(_ j: Int) -> UInt8 {
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
                out.append(contentsOf: bytes[i...j])
                previous = c
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
                out.append(contentsOf: bytes[i..<j])
                previous = bytes[j - 1]
                i = j
            } else if isWordStart(c) {
                var j = i
                while j < n && isWordPart(bytes[j]) { j += 1 }
                let after = nextNonSpace(j)
                if j < n && (bytes[j] == UInt8(ascii: "(") || bytes[j] == UInt8(ascii: "!")) {
                    out.append(contentsOf: bytes[i..<j])  // a function or a sheet name
                    previous = bytes[j - 1]
                } else if after == UInt8(ascii: "(") {
                    return nil  // `A1 (B1)`: a space may be the intersection operator
                } else if let cell = A1.parseCell(utf8: bytes[i..<j]) {
                    // 0x01 cannot stand outside quotes in a formula that parses.
                    out.append(1)
                    out.append(cell.absoluteColumn ? UInt8(ascii: "C") : UInt8(ascii: "c"))
                    A1.appendDecimal(Int(cell.absoluteColumn ? cell.address.column : cell.address.column - host.column), to: &out)
                    out.append(cell.absoluteRow ? UInt8(ascii: "R") : UInt8(ascii: "r"))
                    A1.appendDecimal(Int(cell.absoluteRow ? cell.address.row : cell.address.row - host.row), to: &out)
                    out.append(1)
                    previous = 1
                } else {
                    // A name, TRUE, or a column (`A:A`) when it stands beside ':'.
                    if previous == colon || after == colon { return nil }
                    out.append(contentsOf: bytes[i..<j])
                    previous = bytes[j - 1]
                }
                i = j
            } else if c == UInt8(ascii: "[") {
                return nil  // a table's column names are not cells (`Tabell1[Q1]`)
            } else {
                out.append(c)
                if !isSpace(c) { previous = c }
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
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
