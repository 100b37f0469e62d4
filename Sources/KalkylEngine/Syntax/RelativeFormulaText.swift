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
        var buffer: [UInt8] = [], rows: [Int] = []
        return write(text, at: host, into: &buffer, rows: &rows).map { String(decoding: buffer[..<$0], as: UTF8.self) }
    }

    /// Writes the relative text of `text` at the start of `buffer` and returns its length, or
    /// nil when there is none. The buffer is kept from call to call (this runs for every
    /// formula loaded) and grown when too short; bytes past the length are left as they were.
    /// `rows` gets where the row numbers of relative rows stand in `text`'s UTF-8 (start and
    /// end of each), for `followsRowAbove`.
    static func write(_ text: String, at host: CellAddress, into buffer: inout [UInt8], rows: inout [Int]) -> Int? {
        rows.removeAll(keepingCapacity: true)
        let utf8 = text.utf8
        if let written = utf8.withContiguousStorageIfAvailable({ write($0, at: host, into: &buffer, rows: &rows) }) { return written }
        return Array(utf8).withUnsafeBufferPointer { write($0, at: host, into: &buffer, rows: &rows) }
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, at host: CellAddress, into buffer: inout [UInt8], rows: inout [Int]) -> Int? {
        // A reference of two bytes (`A1`) becomes at most 18 (`\u{1}c-16383r-1048575\u{1}`).
        let longest = bytes.count * 10 + 64
        if buffer.count < longest { buffer = [UInt8](repeating: 0, count: max(longest, 256)) }
        return buffer.withUnsafeMutableBufferPointer { buffer in
            var out = Output(base: buffer.baseAddress!)
            return write(bytes, at: host, to: &out, rows: &rows) ? out.count : nil
        }
    }

    /// Whether `text`, in the cell below the one `above` was in, is `above` filled down one
    /// row: the same bytes but for each relative row number (`aboveRows`, from `write`), one
    /// more. Then both have the same relative text. The row numbers of `text` go into `rows`.
    static func followsRowAbove(_ text: UnsafeBufferPointer<UInt8>, above: [UInt8], aboveRows: [Int], rows: inout [Int]) -> Bool {
        rows.removeAll(keepingCapacity: true)
        return above.withUnsafeBufferPointer { p in
            guard let t = text.baseAddress, let p = p.baseAddress else { return false }
            let textCount = text.count, aboveCount = above.count
            var inAbove = 0, inText = 0, run = 0
            while true {
                // The bytes up to the next row number (or the end) are the same.
                let literalEnd = run < aboveRows.count ? aboveRows[run] : aboveCount
                while inAbove < literalEnd {
                    guard inText < textCount, p[inAbove] == t[inText] else { return false }
                    inAbove += 1
                    inText += 1
                }
                guard run < aboveRows.count else { return inText == textCount }
                let end = aboveRows[run + 1]
                run += 2
                var number = 0
                while inAbove < end {
                    number = number &* 10 &+ Int(p[inAbove] &- 48)
                    inAbove += 1
                }
                let digits = inText
                var row = 0
                while inText < textCount, t[inText] >= 48, t[inText] <= 57, inText - digits < 8 {
                    row = row &* 10 &+ Int(t[inText] &- 48)
                    inText += 1
                }
                guard inText > digits, t[digits] != 48, inText - digits <= 7, row == number + 1, row <= Int(CellAddress.maxRows) else { return false }
                rows.append(digits)
                rows.append(inText)
            }
        }
    }

    /// Where the relative text is written: capacity was reserved for the longest it can be.
    private struct Output {
        let base: UnsafeMutablePointer<UInt8>
        var count = 0

        @inline(__always) mutating func append(_ byte: UInt8) {
            base[count] = byte
            count += 1
        }

        @inline(__always) mutating func append(contentsOf bytes: Slice<UnsafeBufferPointer<UInt8>>) {
            guard let source = bytes.base.baseAddress, !bytes.isEmpty else { return }
            (base + count).update(from: source + bytes.startIndex, count: bytes.count)
            count += bytes.count
        }

        /// A signed decimal; one digit (most offsets are -1, 0 or 1) without a division.
        @inline(__always) mutating func appendDecimal(_ number: Int) {
            if number >= 0 && number < 10 { append(UInt8(48 + number)); return }
            if number < 0 && number > -10 { append(UInt8(ascii: "-")); append(UInt8(48 - number)); return }
            if number < 0 { append(UInt8(ascii: "-")) }
            var n = number.magnitude
            var digits = 1, power: UInt = 10
            while power <= n { digits += 1; power &*= 10 }
            var k = count + digits
            count = k
            repeat {
                k -= 1
                base[k] = UInt8(48 + n % 10)
                n /= 10
            } while n > 0
        }
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, at host: CellAddress, to out: inout Output, rows: inout [Int]) -> Bool {
        guard let b = bytes.baseAddress, bytes.first == UInt8(ascii: "=") else { return false }
        var i = 0
        let n = bytes.count
        /// The last byte copied that is not white space, to see a `:` before a word.
        var previous: UInt8 = 0
        @inline(__always) func nextNonSpace(_ j: Int) -> UInt8 {
            var k = j
            while k < n && isSpace(b[k]) { k += 1 }
            return k < n ? b[k] : 0
        }
        let colon = UInt8(ascii: ":")
        while i < n {
            let c = b[i]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                // Quoted text or sheet name, with doubled quotes inside.
                var j = i + 1
                while true {
                    guard j < n else { return false }
                    if b[j] == c {
                        if j + 1 < n && b[j + 1] == c { j += 2; continue }
                        break
                    }
                    j += 1
                }
                out.append(contentsOf: bytes[i...j])
                previous = c
                i = j + 1
            } else if isDigit(c) || (c == UInt8(ascii: ".") && i + 1 < n && isDigit(b[i + 1])) {
                var j = i
                while j < n && isDigit(b[j]) { j += 1 }
                if j < n && b[j] == UInt8(ascii: ".") {
                    j += 1
                    while j < n && isDigit(b[j]) { j += 1 }
                }
                if j < n && (b[j] | 0x20) == UInt8(ascii: "e") {
                    let digitAt = j + 1 < n && (b[j + 1] == UInt8(ascii: "+") || b[j + 1] == UInt8(ascii: "-")) ? j + 2 : j + 1
                    if digitAt < n && isDigit(b[digitAt]) {
                        j = digitAt
                        while j < n && isDigit(b[j]) { j += 1 }
                    }
                }
                // A number beside ':' may be a row (`1:3`).
                if previous == colon || nextNonSpace(j) == colon { return false }
                out.append(contentsOf: bytes[i..<j])
                previous = b[j - 1]
                i = j
            } else if isWordStart(c) {
                var j = i + 1
                while j < n && isWordPart(b[j]) { j += 1 }
                let next: UInt8 = j < n ? b[j] : 0
                if next == UInt8(ascii: "(") || next == UInt8(ascii: "!") {
                    out.append(contentsOf: bytes[i..<j])  // a function or a sheet name
                    previous = b[j - 1]
                    i = j
                    continue
                }
                let after = isSpace(next) ? nextNonSpace(j) : next
                if after == UInt8(ascii: "(") {
                    return false  // `A1 (B1)`: a space may be the intersection operator
                } else if let cell = A1.parseCell(utf8: bytes[i..<j]) {
                    // 0x01 cannot stand outside quotes in a formula that parses.
                    out.append(1)
                    out.append(cell.absoluteColumn ? UInt8(ascii: "C") : UInt8(ascii: "c"))
                    out.appendDecimal(Int(cell.absoluteColumn ? cell.address.column : cell.address.column - host.column))
                    out.append(cell.absoluteRow ? UInt8(ascii: "R") : UInt8(ascii: "r"))
                    out.appendDecimal(Int(cell.absoluteRow ? cell.address.row : cell.address.row - host.row))
                    out.append(1)
                    if !cell.absoluteRow {
                        // The row number: the word's last digits.
                        var digits = j
                        while digits > i && isDigit(b[digits - 1]) { digits -= 1 }
                        rows.append(digits)
                        rows.append(j)
                    }
                    previous = 1
                } else {
                    // A name, TRUE, or a column (`A:A`) when it stands beside ':'.
                    if previous == colon || after == colon { return false }
                    out.append(contentsOf: bytes[i..<j])
                    previous = b[j - 1]
                }
                i = j
            } else if c == UInt8(ascii: "[") {
                return false  // a table's column names are not cells (`Tabell1[Q1]`)
            } else {
                out.append(c)
                if !isSpace(c) { previous = c }
                i += 1
            }
        }
        return true
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// As the lexer's words: letters, `_`, `$`, `\`, and any non-ASCII byte (a formula that
    /// parses has non-ASCII outside quotes only in letters). Bit sets of the ASCII bytes, as
    /// these run for every byte of every formula loaded.
    @inline(__always)
    private static func isWordStart(_ c: UInt8) -> Bool { inSet(c, low: 1 << 36, high: lettersAndMarks) }

    /// A word's other bytes: also digits and `.`.
    @inline(__always)
    private static func isWordPart(_ c: UInt8) -> Bool { inSet(c, low: 1 << 36 | 1 << 46 | 0x3FF << 48, high: lettersAndMarks) }

    /// `A`–`Z`, `\`, `_`, `a`–`z`, as bits 0–63 for the bytes 64–127.
    private static let lettersAndMarks: UInt64 = 0x3FF_FFFF << 1 | 1 << 28 | 1 << 31 | 0x3FF_FFFF << 33

    @inline(__always)
    private static func inSet(_ c: UInt8, low: UInt64, high: UInt64) -> Bool {
        c >= 128 || ((c < 64 ? low : high) >> UInt64(c & 63)) & 1 != 0
    }
}
