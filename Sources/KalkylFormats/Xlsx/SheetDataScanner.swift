import Foundation
import KalkylEngine

/// Reads the rows of a worksheet's `<sheetData>` straight from the bytes: `<row>`, `<c>`, and in
/// a cell `<f>`, `<v>` and an inline string's `<is><t>`, which is all that Excel and most
/// writers put there. A sheet of a million rows is read without a `String` per tag or a
/// dictionary per attribute list, as the general `XMLEvents` makes them.
///
/// A cell in Excel's own form takes the straight path (`SheetDataScanner+ExcelCell.swift`);
/// any other, the general code here. Each row's cells are appended to the caller's batch as
/// the row is read (the batch is a chunk's rows, handed to the reading thread). At a row with
/// anything else — a comment, CDATA, rich text runs, an entity it
/// does not know, an element it does not expect, a malformed tag — it stops before any of that
/// row's cells reaches the workbook: the general reader goes on from that row's first byte,
/// with the same `SheetCursor`, and says what is wrong there. A property test checks that both
/// give the same cells.
enum SheetDataScanner {
    /// Reads the rows of the content that starts at `start` (after `<sheetData …>`), appending
    /// each row's cells to `cells` (their offsets `offsetBase` on) and then calling `row`, which
    /// may take them out; returns where it stopped: the end tag's start when it read every row,
    /// else the start of the row (or tag) left to the general reader, whose cells are not
    /// appended. `row` returns false to stop there (the reader rejected a cell).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, cursor: inout SheetCursor, offsetBase: Int = 0,
                     into cells: inout [SheetCell], row: (inout [SheetCell]) -> Bool) -> Int {
        var scanner = Scanner(b: bytes, i: start, offsetBase: offsetBase)
        return scanner.sheetData(cursor: &cursor, into: &cells, row: row)
    }

    /// The scanner's state: the bytes and where it is in them. (Internal only so that
    /// `SheetDataScanner+ExcelCell.swift` can extend it.)
    struct Scanner {
        let b: UnsafeBufferPointer<UInt8>
        var i: Int
        /// Where `b` starts in the part, for the cells' offsets.
        let offsetBase: Int

        /// A tag's name and its local part (after any prefix).
        struct Tag {
            var name: Range<Int>
            var local: Range<Int>
        }

        /// What comes next inside a start tag.
        enum AttributeStep {
            /// An attribute: its local name and its value (without entities).
            case attribute(name: Range<Int>, value: Range<Int>)
            /// `>`: the element has content.
            case open
            /// `/>`.
            case selfClosed
            /// Anything the scanner leaves to the general reader.
            case unusual
        }

        mutating func sheetData(cursor: inout SheetCursor, into cells: inout [SheetCell], row body: (inout [SheetCell]) -> Bool) -> Int {
            while true {
                skipSpaces()
                let tagStart = i
                // Anything unexpected: left to the general reader from here, the cursor as before the row.
                let before = cursor
                guard i < b.count, b[i] == ascii("<") else { return tagStart }
                if isEndTag() { return tagStart }  // </sheetData>, or a wrong end tag the general reader reports
                let row: Tag
                if let (number, tag) = excelRowStart() {
                    row = tag
                    cursor.enterRow(number: number)
                } else {
                    guard let tag = startTag(), equals(tag.local, "row") else { return tagStart }
                    row = tag
                    var r: Range<Int>? = nil
                    let bytes = b
                    guard let rowClosed = attributes({ name, value in
                        if Self.equals(bytes, name, "r") { r = value }
                        return true
                    }) else { return tagStart }
                    if let r, let number = Self.digits(b, r), number >= 1, number <= Int(CellAddress.maxRows) {
                        cursor.enterRow(number: Int32(number))
                    } else {
                        do { try cursor.enterRow(r: r.map(string)) } catch { cursor = before; return tagStart }
                    }
                    if rowClosed { continue }
                }
                let rowStart = cells.count
                guard rowContent(row, cursor: &cursor, into: &cells) else {
                    cells.removeSubrange(rowStart...)
                    cursor = before
                    return tagStart
                }
                guard body(&cells) else { return i }
            }
        }

        /// The cells of a row, up to and including `</row>`.
        mutating func rowContent(_ row: Tag, cursor: inout SheetCursor, into cells: inout [SheetCell]) -> Bool {
            while true {
                skipSpaces()
                guard i < b.count, b[i] == ascii("<") else { return false }
                let offset = offsetBase + i
                if isEndTag() { return endTag(matching: row) }
                if let cell = excelCell(cursor: &cursor) {
                    cells.append(cell)
                    continue
                }
                guard let c = startTag(), equals(c.local, "c") else { return false }
                var r: Range<Int>? = nil, type = SheetCell.Kind.number, style = 0, metadata = false
                let bytes = b
                guard let closed = attributes({ name, value in
                    switch name.count == 1 ? bytes[name.lowerBound] : 0 {
                    case UInt8(ascii: "r"): r = value
                    case UInt8(ascii: "t"): type = Self.kind(bytes, value)
                    case UInt8(ascii: "s"):
                        // As the general reader: a style that is no number is 0, a negative one an error.
                        style = Self.digits(bytes, value) ?? Int(Self.string(bytes, value)) ?? 0
                        return style >= 0
                    default: if Self.equals(bytes, name, "cm") { metadata = true }
                    }
                    return true
                }) else { return false }
                let address: CellAddress
                if let r, let parsed = Self.cellAddress(b, r) {
                    address = cursor.enterCell(at: parsed)
                } else {
                    do { address = try cursor.enterCell(r: r.map(string)) } catch { return false }
                }
                cells.append(SheetCell(address: address, type: type, style: style, hasCellMetadata: metadata, offset: offset))
                if !closed { guard cellContent(c, into: &cells[cells.count - 1]) else { return false } }
            }
        }

        /// A cell's `<f>`, `<v>` and `<is>`, up to and including `</c>`.
        mutating func cellContent(_ c: Tag, into cell: inout SheetCell) -> Bool {
            while true {
                skipSpaces()
                guard i < b.count, b[i] == ascii("<") else { return false }
                if isEndTag() { return endTag(matching: c) }
                guard let tag = startTag() else { return false }
                if equals(tag.local, "f") {
                    var kind = SheetCell.FormulaKind.normal, sharedIndex: Int? = nil, indexIsNumber = true, ref: Range<Int>? = nil
                    let bytes = b
                    guard let closed = attributes({ name, value in
                        if Self.equals(bytes, name, "t") { kind = Self.formulaKind(bytes, value) }
                        else if Self.equals(bytes, name, "si") { sharedIndex = Self.digits(bytes, value); indexIsNumber = sharedIndex != nil }
                        else if Self.equals(bytes, name, "ref") { ref = value }
                        return true
                    }),
                          // An index that is not plain digits: the general reader says whether it is one.
                          kind != .shared || indexIsNumber, let text = closed ? "" : textThenEnd(of: tag) else { return false }
                    cell.formula = text  // a second <f> replaces the first, as in the general reader
                    cell.formulaKind = kind
                    cell.sharedIndex = sharedIndex
                    cell.formulaRef = ref.map(string)
                } else if equals(tag.local, "v") {
                    guard let closed = attributes({ _, _ in true }) else { return false }
                    if !closed {
                        if cell.wholeNumber == nil && cell.value.isEmpty, let whole = wholeNumberThenEnd(of: tag) {
                            cell.wholeNumber = whole
                        } else {
                            guard let text = textThenEnd(of: tag) else { return false }
                            cell.appendValue(text)
                        }
                    }
                    cell.sawValue = true
                } else if equals(tag.local, "is") {
                    cell.sawValue = true
                    guard let closed = attributes({ _, _ in true }) else { return false }
                    if !closed { guard inlineString(tag, into: &cell) else { return false } }
                } else {
                    return false
                }
            }
        }

        /// An inline string's `<t>`, up to and including `</is>` (rich text runs are left to
        /// the general reader).
        mutating func inlineString(_ is: Tag, into cell: inout SheetCell) -> Bool {
            while true {
                skipSpaces()
                guard i < b.count, b[i] == ascii("<") else { return false }
                if isEndTag() { return endTag(matching: `is`) }
                guard let t = startTag(), equals(t.local, "t"), let closed = attributes({ _, _ in true }),
                      let text = closed ? "" : textThenEnd(of: t) else { return false }
                cell.appendValue(text)
            }
        }

        // MARK: Bytes

        @inline(__always) func ascii(_ c: Unicode.Scalar) -> UInt8 { UInt8(ascii: c) }

        @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }

        mutating func skipSpaces() {
            while i < b.count && Self.isSpace(b[i]) { i += 1 }
        }

        func isEndTag() -> Bool { i + 1 < b.count && b[i + 1] == ascii("/") }

        @inline(__always)
        func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool { Self.equals(b, range, literal) }

        @inline(__always)
        static func equals(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ literal: StaticString) -> Bool {
            guard range.count == literal.utf8CodeUnitCount else { return false }
            let p = literal.utf8Start
            for k in 0..<range.count where b[range.lowerBound + k] != p[k] { return false }
            return true
        }

        func same(_ x: Range<Int>, _ y: Range<Int>) -> Bool { b[x].elementsEqual(b[y]) }

        func string(_ range: Range<Int>) -> String { Self.string(b, range) }

        /// A plain decimal of up to nine digits (`17`), or nil for anything else.
        @inline(__always)
        static func digits(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
            guard !range.isEmpty, range.count <= 9 else { return nil }
            var n = 0
            for k in range {
                let d = Int(b[k]) - 48
                guard d >= 0 && d <= 9 else { return nil }
                n = n * 10 + d
            }
            return n
        }

        /// An address as Excel writes `r` (`B7`: capital letters, then a row without leading
        /// zeros), or nil for anything else, which `CellAddress(String)` then reads or rejects.
        @inline(__always)
        static func cellAddress(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> CellAddress? {
            var k = range.lowerBound, column = 0
            while k < range.upperBound, b[k] >= 65, b[k] <= 90, k - range.lowerBound < 3 {
                column = column * 26 + Int(b[k] - 64)
                k += 1
            }
            guard k > range.lowerBound, k < range.upperBound, b[k] != 48, range.upperBound - k <= 7,
                  let row = digits(b, k..<range.upperBound), row >= 1, row <= Int(CellAddress.maxRows),
                  column <= Int(CellAddress.maxColumns) else { return nil }
            return CellAddress(row: Int32(row - 1), column: Int32(column - 1))
        }

        static func string(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self)
        }

        /// The bytes that end a name or may not stand in one (white space, `>`, `/`, `=`, `<`, `&`,
        /// quotes) and the colon after a prefix, as bits: all are below 64.
        /// (Bits 9, 10, 13, 32, 34, 38, 39, 47, 58, 60, 61 and 62; a literal, so no lazy global is
        /// looked up per byte.)
        @inline(__always) static var specialNameBytes: UInt64 { 0x7400_80C5_0000_2600 }

        /// A name from `i`: up to a space, `>`, `/` or `=`.
        @inline(__always)
        mutating func name() -> Tag? {
            let start = i
            var colon = -1
            while i < b.count {
                let c = b[i]
                if c >= 64 || Self.specialNameBytes & (1 << UInt64(c)) == 0 { i += 1; continue }
                if c == ascii(":") { colon = i; i += 1; continue }
                if c == ascii("<") || c == ascii("&") || c == ascii("\"") || c == ascii("'") { return nil }
                break
            }
            guard i > start else { return nil }
            return Tag(name: start..<i, local: (colon >= 0 ? colon + 1 : start)..<i)
        }

        /// `<name`, leaving `i` at the attributes.
        mutating func startTag() -> Tag? {
            i += 1
            return name()
        }

        /// The end tag of `tag` (the same name, prefix and all), leaving `i` after it; false
        /// for any other.
        @inline(__always)
        mutating func endTag(matching tag: Tag) -> Bool {
            // As Excel writes it, `</c>`: compared byte for byte.
            let length = tag.name.count, end = i + 2 + length
            if end < b.count, b[end] == ascii(">"), let base = b.baseAddress,
               memcmp(base + i + 2, base + tag.name.lowerBound, length) == 0 {
                i = end + 1
                return true
            }
            i += 2
            guard let name = name() else { return false }
            skipSpaces()
            guard i < b.count, b[i] == ascii(">") else { return false }
            i += 1
            return same(name.name, tag.name)
        }

        /// The tag's next attribute, or how the tag ends.
        @inline(__always)
        mutating func nextAttribute() -> AttributeStep {
            skipSpaces()
            guard i < b.count else { return .unusual }
            if b[i] == ascii(">") { i += 1; return .open }
            if b[i] == ascii("/") {
                guard i + 1 < b.count, b[i + 1] == ascii(">") else { return .unusual }
                i += 2
                return .selfClosed
            }
            guard let attribute = name() else { return .unusual }
            skipSpaces()
            guard i < b.count, b[i] == ascii("=") else { return .unusual }
            i += 1
            skipSpaces()
            guard i < b.count, b[i] == ascii("\"") || b[i] == ascii("'") else { return .unusual }
            let quote = b[i]
            let start = i + 1
            i = start
            while i < b.count && b[i] != quote {
                if b[i] == ascii("&") || b[i] == ascii("<") { return .unusual }
                i += 1
            }
            guard i < b.count else { return .unusual }
            i += 1
            return .attribute(name: attribute.local, value: start..<(i - 1))
        }

        /// The tag's attributes up to `>` or `/>`, each given to `body` (its local name and its
        /// value), which returns false to leave the tag to the general reader; whether the tag
        /// closes itself, nil when it is not a plain tag or `body` left it.
        @inline(__always)
        mutating func attributes(_ body: (_ name: Range<Int>, _ value: Range<Int>) -> Bool) -> Bool? {
            while true {
                switch nextAttribute() {
                case .attribute(let name, let value): guard body(name, value) else { return nil }
                case .open: return false
                case .selfClosed: return true
                case .unusual: return nil
                }
            }
        }

        /// A whole number up to the end tag of `tag` (which it reads too), written as `String(Int)`
        /// writes it: up to 15 digits, no leading zero or plus, not `-0`. Nil, and nothing
        /// read, for anything else.
        mutating func wholeNumberThenEnd(of tag: Tag) -> Int64? {
            let start = i
            guard let (n, end) = wholeNumber(from: i) else { return nil }
            i = end
            guard isEndTag(), endTag(matching: tag) else { i = start; return nil }
            return n
        }

        /// A whole number from `start` written as `String(Int)` writes it (see above), and
        /// where the `<` after it stands.
        @inline(__always)
        func wholeNumber(from start: Int) -> (Int64, end: Int)? {
            var k = start
            let negative = k < b.count && b[k] == ascii("-")
            if negative { k += 1 }
            let first = k
            var n: Int64 = 0
            while k < b.count, b[k] >= 48, b[k] <= 57, k - first < 16 {
                n = n * 10 + Int64(b[k] - 48)
                k += 1
            }
            let count = k - first
            guard count >= 1, count <= 15, k < b.count, b[k] == ascii("<"), b[first] != 48 || count == 1, !(negative && n == 0) else { return nil }
            return (negative ? -n : n, k)
        }

        /// `t` of an `<f>`, from its bytes.
        @inline(__always)
        static func formulaKind(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> SheetCell.FormulaKind {
            equals(b, range, "shared") ? .shared : equals(b, range, "array") ? .array : .normal
        }

        /// `t` of a `<c>`, from its bytes.
        static func kind(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> SheetCell.Kind {
            if equals(b, range, "s") { return .sharedString }
            if equals(b, range, "str") { return .formulaString }
            if equals(b, range, "inlineStr") { return .inlineString }
            if equals(b, range, "b") { return .boolean }
            if equals(b, range, "e") { return .error }
            return .number
        }

        /// The text up to the end tag of `tag` (which it reads too), entities decoded.
        mutating func textThenEnd(of tag: Tag) -> String? {
            let start = i
            // memchr: the text up to `<` found a vector at a time, then any `&` in it.
            guard let base = b.baseAddress, i < b.count, let lt = memchr(base + i, Int32(ascii("<")), b.count - i) else { i = b.count; return nil }
            i = base.distance(to: lt.assumingMemoryBound(to: UInt8.self))
            let entities = i > start && memchr(base + start, Int32(ascii("&")), i - start) != nil
            guard isEndTag() else { return nil }
            let text = entities ? decoded(start..<i) : string(start..<i)
            guard let text, endTag(matching: tag) else { return nil }
            return text
        }

        /// Text with the five named entities and character references replaced; nil for any other.
        func decoded(_ range: Range<Int>) -> String? {
            var out: [UInt8] = []
            out.reserveCapacity(range.count)
            var k = range.lowerBound
            while k < range.upperBound {
                guard b[k] == ascii("&") else {
                    // The run up to the next entity, in one copy.
                    var end = k + 1
                    while end < range.upperBound && b[end] != ascii("&") { end += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[k..<end]))
                    k = end
                    continue
                }
                var semicolon = k + 1
                while semicolon < range.upperBound && b[semicolon] != ascii(";") { semicolon += 1 }
                guard semicolon < range.upperBound else { return nil }
                let entity = (k + 1)..<semicolon
                if equals(entity, "lt") { out.append(ascii("<")) }
                else if equals(entity, "gt") { out.append(ascii(">")) }
                else if equals(entity, "amp") { out.append(ascii("&")) }
                else if equals(entity, "quot") { out.append(ascii("\"")) }
                else if equals(entity, "apos") { out.append(ascii("'")) }
                else {
                    let text = string(entity)
                    let code: UInt32?
                    if text.hasPrefix("#x") || text.hasPrefix("#X") { code = UInt32(text.dropFirst(2), radix: 16) }
                    else if text.hasPrefix("#") { code = UInt32(text.dropFirst()) }
                    else { code = nil }
                    guard let code, let scalar = Unicode.Scalar(code) else { return nil }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
                k = semicolon + 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
