import Testing
import KalkylEngine

struct A1Tests {
    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (701, "ZZ"), (702, "AAA"), (16383, "XFD")])
    func columnNames(index: Int, name: String) {
        #expect(A1.columnName(index) == name)
        #expect(A1.columnIndex(Substring(name)) == index)
    }

    /// Every column of a sheet: its letters read back as its index, and the names run in order
    /// (each the one before with its last letter advanced, Z rolling over: Z → AA, AZ → BA, ZZ → AAA).
    @Test func everyColumnNameReadsBackAndFollowsTheOneBefore() {
        var previous = ""
        for index in 0..<Int(CellAddress.maxColumns) {
            let name = A1.columnName(index)
            #expect(A1.columnIndex(Substring(name)) == index, "\(index) → \(name)")
            #expect(name == Self.advanced(previous), "\(index): \(name) after \(previous)")
            previous = name
        }
        #expect(A1.columnName(-1) == "")
    }

    /// The letters after `name`, counted by hand: the last letter advances, Z carries.
    private static func advanced(_ name: String) -> String {
        var letters = Array(name.utf8)
        var i = letters.count - 1
        while i >= 0 && letters[i] == UInt8(ascii: "Z") {
            letters[i] = UInt8(ascii: "A")
            i -= 1
        }
        if i >= 0 { letters[i] += 1 } else { letters.insert(UInt8(ascii: "A"), at: 0) }
        return String(decoding: letters, as: UTF8.self)
    }

    /// Whole numbers as bytes are what `String(n)` writes, appended after what is there.
    @Test(arguments: [0, 7, 9, 10, 99, 100, 1_048_576, 999_999_999_999_999, -1, -10, -123_456, Int.max, Int.min])
    func decimalsAreWhatStringWrites(number: Int) {
        var out = Array("x".utf8)
        A1.appendDecimal(number, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "x" + String(number))
    }

    @Test func parsesCellsWithAnchors() {
        let parsed = A1.parseCell("$B$7")
        #expect(parsed?.address == CellAddress(row: 6, column: 1))
        #expect(parsed?.absoluteColumn == true && parsed?.absoluteRow == true)
        #expect(A1.parseCell("XFD1048576") != nil)
        #expect(A1.parseCell("XFE1") == nil)
        #expect(A1.parseCell("A0") == nil)
        #expect(A1.parseCell("A1048577") == nil)
        #expect(CellRange("B3:A1")?.description == "A1:B3")
        #expect(CellAddress(row: 0, column: 0).description == "A1")
        #expect(CellAddress(row: 1_048_575, column: 16_383).description == "XFD1048576")
        #expect(CellAddress(row: 9, column: 26).description == "AA10")
    }
}
