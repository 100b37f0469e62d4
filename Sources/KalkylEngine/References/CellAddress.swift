/// A cell's position on a sheet, 0-based: `A1` is row 0, column 0.
public struct CellAddress: Hashable, Sendable, Comparable {
    public var row: Int32
    public var column: Int32

    public init(row: Int32, column: Int32) {
        self.row = row
        self.column = column
    }

    public init(row: Int, column: Int) {
        self.init(row: Int32(row), column: Int32(column))
    }

    /// Excel's sheet size.
    public static let maxRows: Int32 = 1_048_576
    public static let maxColumns: Int32 = 16_384

    public var isValid: Bool {
        row >= 0 && row < CellAddress.maxRows && column >= 0 && column < CellAddress.maxColumns
    }

    /// Rows first, then columns: the order cells are written and listed in.
    public static func < (a: CellAddress, b: CellAddress) -> Bool {
        a.row != b.row ? a.row < b.row : a.column < b.column
    }
}

extension CellAddress: CustomStringConvertible {
    /// `B7`.
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        append(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `B7` appended as bytes, for savers that write every address.
    @inline(__always)
    public func append(to out: inout [UInt8]) {
        A1.appendColumnName(Int(column), to: &out)
        A1.appendDecimal(Int(row) + 1, to: &out)
    }

    /// Parses `B7` or `$B$7` (dollar signs ignored); nil if it is not a cell address.
    public init?(_ text: some StringProtocol) {
        guard let parsed = A1.parseCell(Substring(text)) else { return nil }
        self = parsed.address
    }
}

/// A1 notation: column letters, row numbers, `$` anchors.
public enum A1 {
    /// 0 → `A`, 25 → `Z`, 26 → `AA`.
    public static func columnName(_ index: Int) -> String {
        var bytes: [UInt8] = []
        appendColumnName(index, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The letters of a column appended as bytes: every address a saver writes passes here.
    @inline(__always)
    public static func appendColumnName(_ index: Int, to out: inout [UInt8]) {
        if index < 26 {
            if index >= 0 { out.append(UInt8(65 + index)) }
            return
        }
        // Bijective base 26: A–Z, AA–ZZ, AAA–…; the letters counted first, then written from the last.
        var letters = 1, span = 26, first = 0
        while index >= first + span && letters < 8 {
            first += span
            span *= 26
            letters += 1
        }
        var n = index - first
        let end = out.count + letters
        out.append(contentsOf: repeatElement(UInt8(ascii: "A"), count: letters))
        out.withUnsafeMutableBufferPointer { buffer in
            for i in stride(from: end - 1, to: end - letters - 1, by: -1) {
                buffer[i] = UInt8(65 + n % 26)
                n /= 26
            }
        }
    }

    /// A whole number appended in decimal, as `String(n)` writes it: the digits counted first,
    /// then written from the last into the array's own storage (no append per digit).
    @inline(__always)
    public static func appendDecimal(_ number: Int, to out: inout [UInt8]) {
        if number >= 0 && number < 10 { out.append(UInt8(48 + number)); return }
        var n = number.magnitude
        if number < 0 { out.append(UInt8(ascii: "-")) }
        var digits = 1, rest = n
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        let end = out.count + digits
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        out.withUnsafeMutableBufferPointer { buffer in
            var i = end
            repeat {
                i -= 1
                buffer[i] = UInt8(48 + n % 10)
                n /= 10
            } while n > 0
        }
    }

    /// `AA` → 26; nil for anything but 1–3 ASCII letters within Excel's 16 384 columns.
    public static func columnIndex(_ letters: Substring) -> Int? {
        guard (1...3).contains(letters.count) else { return nil }
        var n = 0
        for ch in letters.utf8 {
            let upper = ch & ~0x20
            guard upper >= 65 && upper <= 90 else { return nil }
            n = n * 26 + Int(upper - 64)
        }
        return n <= Int(CellAddress.maxColumns) ? n - 1 : nil
    }

    /// Parses `$B$7`, returning the address and which parts are anchored.
    public static func parseCell(_ text: Substring) -> (address: CellAddress, absoluteColumn: Bool, absoluteRow: Bool)? {
        parseCell(utf8: text.utf8)
    }

    /// `parseCell` on bytes of a file, for a reader that has no String: one call per cell.
    public static func parseCell(bytes: Slice<UnsafeBufferPointer<UInt8>>) -> (address: CellAddress, absoluteColumn: Bool, absoluteRow: Bool)? {
        parseCell(utf8: bytes)
    }

    /// `parseCell` on UTF-8 bytes: it runs for every reference of every formula loaded.
    @inline(__always)
    static func parseCell<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) -> (address: CellAddress, absoluteColumn: Bool, absoluteRow: Bool)? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        let dollar = UInt8(ascii: "$")
        let absoluteColumn = i < end && bytes[i] == dollar
        if absoluteColumn { bytes.formIndex(after: &i) }
        var column = 0, letters = 0
        while letters < 4, i < end, case let upper = bytes[i] & ~0x20, upper >= 65 && upper <= 90 {
            column = column * 26 + Int(upper - 64)
            letters += 1
            bytes.formIndex(after: &i)
        }
        guard letters >= 1 && letters <= 3 && column <= Int(CellAddress.maxColumns) else { return nil }
        let absoluteRow = i < end && bytes[i] == dollar
        if absoluteRow { bytes.formIndex(after: &i) }
        guard i < end, bytes[i] >= 49 && bytes[i] <= 57, bytes.distance(from: i, to: end) <= 7 else { return nil }
        var row = 0
        while i < end {
            let b = bytes[i]
            guard b >= 48 && b <= 57 else { return nil }
            row = row * 10 + Int(b - 48)
            bytes.formIndex(after: &i)
        }
        guard row <= Int(CellAddress.maxRows) else { return nil }
        return (CellAddress(row: row - 1, column: column - 1), absoluteColumn, absoluteRow)
    }
}
