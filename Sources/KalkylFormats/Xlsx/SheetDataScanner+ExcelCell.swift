import Foundation
import KalkylEngine

/// The scanner's straight path: a cell exactly as Excel writes it, `<c r="B2" s="1"><f t="shared"
/// si="0"/><v>4</v></c>`, read by looking at each byte once. Anything else (another attribute,
/// a space more, an entity, an inline string) and it reads nothing: the general code of
/// `SheetDataScanner` reads that cell, so the two cannot disagree (the property test of the
/// scanner against the general XML reader covers both).
extension SheetDataScanner.Scanner {
    /// A cell in the form Excel writes, read with no more work than its bytes need:
    /// `<c r="B2" s="1" t="s">` (single-letter attributes, `r` among them, no space but
    /// one before each), then `<f …>…</f>` or `<f …/>` (`t`, `si`, `ref`) and `<v>…</v>`,
    /// texts without entities. Nil, and `i` and `cursor` as they were, for anything else,
    /// which the general code (`rowContent`) reads.
    @inline(__always)
    mutating func excelCell(cursor: inout SheetCursor) -> SheetCell? {
        guard let p = b.baseAddress else { return nil }
        let n = b.count, start = i
        var k = i + 2
        guard k < n, p[i + 1] == ascii("c") else { return nil }
        var address: CellAddress? = nil, type = SheetCell.Kind.number, style = 0
        while k + 4 < n, p[k] == ascii(" ") {
            guard p[k + 2] == ascii("="), p[k + 3] == ascii("\""), let value = quoted(from: k + 4) else { return nil }
            switch p[k + 1] {
            case ascii("r"): guard let parsed = Self.cellAddress(b, value) else { return nil }; address = parsed
            case ascii("s"): guard let number = Self.digits(b, value) else { return nil }; style = number
            case ascii("t"): type = Self.kind(b, value)
            default: return nil
            }
            k = value.upperBound + 1
        }
        guard let address, k + 1 < n else { return nil }
        var cell = SheetCell(address: address, type: type, style: style, offset: offsetBase + start)
        if p[k] == ascii("/") && p[k + 1] == ascii(">") {
            i = k + 2
            _ = cursor.enterCell(at: address)
            return cell
        }
        guard p[k] == ascii(">") else { return nil }
        k += 1
        if k + 2 < n, p[k] == ascii("<"), p[k + 1] == ascii("f") {
            k += 2
            var kind = SheetCell.FormulaKind.normal, sharedIndex: Int? = nil, ref: Range<Int>? = nil
            while k + 4 < n, p[k] == ascii(" ") {
                // t="…", si="…" or ref="…"
                var nameEnd = k + 1
                while nameEnd < n, p[nameEnd] >= ascii("a"), p[nameEnd] <= ascii("z") { nameEnd += 1 }
                guard nameEnd + 1 < n, p[nameEnd] == ascii("="), p[nameEnd + 1] == ascii("\""),
                      let value = quoted(from: nameEnd + 2) else { return nil }
                let name = (k + 1)..<nameEnd
                if equals(name, "t") { kind = Self.formulaKind(b, value) }
                else if equals(name, "si") { guard let number = Self.digits(b, value) else { return nil }; sharedIndex = number }
                else if equals(name, "ref") { ref = value }
                else { return nil }
                k = value.upperBound + 1
            }
            guard k + 1 < n else { return nil }
            if p[k] == ascii("/") && p[k + 1] == ascii(">") {
                cell.markFormulaWithoutText()
                k += 2
            } else {
                guard p[k] == ascii(">"), let text = plainText(from: k + 1, endingWith: "</f>") else { return nil }
                cell.formula = Self.string(b, text)
                k = text.upperBound + 4
            }
            cell.formulaKind = kind
            cell.sharedIndex = sharedIndex
            cell.formulaRef = ref.map(string)
        }
        if k + 3 < n, p[k] == ascii("<"), p[k + 1] == ascii("v"), p[k + 2] == ascii(">") {
            k += 3
            if let (whole, end) = wholeNumber(from: k), end + 3 < n, p[end + 1] == ascii("/"), p[end + 2] == ascii("v"), p[end + 3] == ascii(">") {
                cell.wholeNumber = whole
                k = end + 4
            } else {
                guard let text = plainText(from: k, endingWith: "</v>") else { return nil }
                cell.value = Self.string(b, text)
                k = text.upperBound + 4
            }
            cell.sawValue = true
        }
        guard k + 3 < n, p[k] == ascii("<"), p[k + 1] == ascii("/"), p[k + 2] == ascii("c"), p[k + 3] == ascii(">") else { return nil }
        i = k + 4
        _ = cursor.enterCell(at: address)
        return cell
    }

    /// `<row r="12">`, as Kalkyl writes a row (Excel adds `spans` and more, which the general
    /// code reads): the row's number and its tag, `i` after the `>`; nil, and `i` as it was,
    /// for anything else.
    @inline(__always)
    mutating func excelRowStart() -> (Int32, Tag)? {
        guard let p = b.baseAddress, i + 9 < b.count, memcmp(p + i, "<row r=\"", 8) == 0, let value = quoted(from: i + 8),
              value.upperBound + 1 < b.count, p[value.upperBound + 1] == ascii(">"),
              let number = Self.digits(b, value), number >= 1, number <= Int(CellAddress.maxRows) else { return nil }
        let tag = Tag(name: (i + 1)..<(i + 4), local: (i + 1)..<(i + 4))
        i = value.upperBound + 2
        return (Int32(number), tag)
    }

    /// The value of an attribute whose opening quote `"` ends just before `start`: up to the
    /// closing one, nil if it has an entity or `<` (or the bytes end).
    @inline(__always)
    func quoted(from start: Int) -> Range<Int>? {
        var k = start
        while k < b.count {
            let c = b[k]
            // `"`, `&` and `<` (34, 38, 60) as bits: one test for the usual byte.
            if c < 64 && (0x1000_0044_0000_0000 as UInt64) & (1 << UInt64(c)) != 0 {
                return c == ascii("\"") ? start..<k : nil
            }
            k += 1
        }
        return nil
    }

    /// Text from `start` up to `end` (a four-byte end tag such as `</v>`), nil if it has an
    /// entity or anything but that end tag follows.
    @inline(__always)
    func plainText(from start: Int, endingWith end: StaticString) -> Range<Int>? {
        guard let p = b.baseAddress, start < b.count, let lt = memchr(p + start, Int32(ascii("<")), b.count - start) else { return nil }
        let stop = p.distance(to: lt.assumingMemoryBound(to: UInt8.self))
        guard stop + 4 <= b.count, memcmp(p + stop, end.utf8Start, 4) == 0,
              stop == start || memchr(p + start, Int32(ascii("&")), stop - start) == nil else { return nil }
        return start..<stop
    }
}
