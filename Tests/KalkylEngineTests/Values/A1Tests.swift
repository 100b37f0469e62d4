import Testing
import KalkylEngine

struct A1Tests {
    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (701, "ZZ"), (702, "AAA"), (16383, "XFD")])
    func columnNames(index: Int, name: String) {
        #expect(A1.columnName(index) == name)
        #expect(A1.columnIndex(Substring(name)) == index)
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
