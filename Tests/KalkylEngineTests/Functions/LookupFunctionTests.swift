import KalkylEngine
import KalkylTestSupport
import Testing

struct LookupFunctionTests {
    @Test func tableLookups() throws {
        try checkTable("""
            =VLOOKUP("banana",Data!B1:D6,2,FALSE) => "South"
            =VLOOKUP("APPLE",Data!B1:D6,3,FALSE) => 1.5  // the first match, case-insensitive
            =VLOOKUP("b*",Data!B1:C6,2,FALSE) => "South"
            =VLOOKUP("kiwi",Data!B1:C6,2,FALSE) => #N/A
            =VLOOKUP("apple",Data!B1:C6,3,FALSE) => #REF!
            =VLOOKUP("apple",Data!B1:C6,0,FALSE) => #VALUE!
            =VLOOKUP(25,{0,"low";10,"mid";20,"high";30,"top"},2) => "high"
            =VLOOKUP(30,{0,"low";10,"mid";20,"high";30,"top"},2,TRUE) => "top"
            =VLOOKUP(-1,{0,"low";10,"mid"},2,TRUE) => #N/A
            =HLOOKUP("b",{"a","b","c";1,2,3},2,FALSE) => 2
            =HLOOKUP(2.5,{1,2,3;"x","y","z"},2) => "y"
            =LOOKUP(25,{0,10,20,30},{"a","b","c","d"}) => "c"
            """)
    }

    @Test func matchAndXlookup() throws {
        try checkTable("""
            =MATCH(30,Data!A1:A6,0) => 3
            =MATCH("date",Data!B1:B6,0) => 4
            =MATCH("c*",Data!B1:B6,0) => 3
            =MATCH(15,{0,10,20,30}) => 2
            =MATCH(15,{30,20,10,0},-1) => 2
            =MATCH(99,Data!A1:A6,0) => #N/A
            =XLOOKUP("fig",Data!B1:B6,Data!A1:A6) => 2.5
            =XLOOKUP("kiwi",Data!B1:B6,Data!A1:A6,"none") => "none"
            =XLOOKUP("kiwi",Data!B1:B6,Data!A1:A6) => #N/A
            =XLOOKUP(15,Data!A1:A6,Data!B1:B6,,1) => "banana"  // exact or next larger: 20
            =XLOOKUP(15,Data!A1:A6,Data!B1:B6,,-1) => "apple"  // exact or next smaller: 10
            =XLOOKUP("South",Data!C1:C6,Data!A1:A6,,0,-1) => 2.5  // last to first
            =XLOOKUP("b?nana",Data!B1:B6,Data!A1:A6,,2) => 20
            =SUM(XLOOKUP("cherry",Data!B1:B6,Data!A1:D6)) => 27  // the row 30, cherry, North, -3
            """)
    }

    @Test func binarySearch() throws {
        try checkTable("""
            =XMATCH(25,{10,20,30,40},-1,2) => 2
            =XMATCH(25,{10,20,30,40},1,2) => 3
            =XMATCH(30,{10,20,30,40},0,2) => 3
            =XMATCH(5,{10,20,30,40},-1,2) => #N/A
            =XMATCH(45,{10,20,30,40},1,2) => #N/A
            =XMATCH(25,{40,30,20,10},1,-2) => 2  // descending: next larger is 30
            =XMATCH(25,{40,30,20,10},-1,-2) => 3  // next smaller is 20
            =XLOOKUP(35,{10,20,30,40},{"a","b","c","d"},,-1,2) => "c"
            =XMATCH(30,{30,10,20},0,2) => #N/A  // unsorted: the halving trusts the order and misses 30
            """)
    }

    /// On sorted data without repeats the binary search finds what the linear one does.
    @Test func binarySearchAgreesWithTheLinearOneOnSortedData() throws {
        var random = SeededRandom(seed: 14)
        for _ in 0..<200 {
            let values = Array(Set((0..<Int.random(in: 1...12, using: &random)).map { _ in Int.random(in: 0...60, using: &random) })).sorted()
            let needle = Int.random(in: -5...65, using: &random)
            for mode in [-1, 0, 1] {
                for descending in [false, true] {
                    let data = (descending ? values.reversed() : values).map(String.init).joined(separator: ",")
                    let binary = try evaluate("=XMATCH(\(needle),{\(data)},\(mode),\(descending ? -2 : 2))")
                    let linear = try evaluate("=XMATCH(\(needle),{\(data)},\(mode),\(descending ? -1 : 1))")
                    #expect(binary == linear, "XMATCH(\(needle),{\(data)},\(mode)) binary \(binary), linear \(linear)")
                }
            }
        }
    }

    @Test func references() throws {
        try checkTable("""
            =INDEX(Data!A1:D6,2,4) => 2.25
            =INDEX(Data!A1:A6,3) => 30
            =INDEX({10,20,30},2) => 20
            =INDEX({"a","b";"c","d"},2,1) => "c"
            =SUM(INDEX(Data!A1:D6,0,1)) => 57.5
            =SUM(INDEX(Data!A1:D6,1,0)) => 11.5
            =INDEX(Data!A1:A6,7) => #REF!
            =ROW(Data!C5) => 5
            =COLUMN(Data!C5) => 3
            =ROWS(Data!A1:D6) => 6
            =SUM(ROW(Data!A1:A3)) => 6  // the array {1;2;3}
            =SUMPRODUCT(COLUMN(Data!A1:C1)) => 6
            =COLUMNS(Data!A1:D6) => 4
            =ROWS({1,2;3,4;5,6}) => 3
            =OFFSET(Data!A1,2,0) => 30
            =SUM(OFFSET(Data!A1,0,0,3,1)) => 60
            =SUM(OFFSET(Data!A1:A2,1,3)) => -0.75
            =OFFSET(Data!A1,-1,0) => #REF!
            =INDIRECT("Data!A2") => 20
            =SUM(INDIRECT("Data!A1:A3")) => 60
            =INDIRECT("Data!"&"B"&2) => "banana"
            =INDIRECT("nosuch!A1") => #REF!
            =SUM(Data!A1:A6 Data!A3:D4) => 25  // intersection A3:A4
            =SUM(Data!A1:A2 Data!B5:B6) => #NULL!
            =SUM(Data!A1:INDEX(Data!A1:A6,3)) => 60
            """)
    }

    @Test func rowAndColumnOfTheFormulaItself() throws {
        let workbook = try makeWorkbook(["C7": "=ROW()", "D7": "=COLUMN()", "E7": "=ROW(A1:A3)"])
        #expect(try workbook.value("C7") == .number(7))
        #expect(try workbook.value("D7") == .number(4))
        #expect(try workbook.value("E7") == .number(1))
    }
}
