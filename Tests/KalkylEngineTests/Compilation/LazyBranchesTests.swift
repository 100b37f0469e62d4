import KalkylEngine
import Testing

/// IF, IFS, IFERROR, IFNA, CHOOSE and SWITCH run only the argument they choose; with an array
/// condition, value or index they combine every branch element by element, as in Excel.
struct LazyBranchesTests {
    @Test func theChosenBranchGivesTheValue() throws {
        try checkTable("""
            =IF(TRUE,1,1/0) => 1
            =IF(FALSE,1/0,2) => 2
            =IF("TRUE",1,2) => 1
            =IF("x",1,2) => #VALUE!
            =IF(Data!A4,1,2) => 1  // -5 is true
            =IF(Data!E4,1,2) => 2  // an empty cell is false
            =IF(NA(),1,2) => #N/A
            =IF(Data!A1>5,IF(Data!A2>25,"a","b"),CHOOSE(2,"c",IFERROR(1/0,"d"))) => "b"
            =IF(Data!A1<5,"x",CHOOSE(3,"c","e",IFERROR(1/0,"d"))) => "d"
            =IFERROR(IFERROR(1/0,NA()),"both failed") => "both failed"
            =IFNA(IFERROR(1/0,NA()),7) => 7
            =CHOOSE(1.9,"a","b") => "a"  // the index is truncated
            =CHOOSE(0,"a") => #VALUE!
            =CHOOSE(NA(),"a") => #N/A
            =CHOOSE("2","a","b") => "b"
            =CHOOSE(2,1/0,"b") => "b"
            =IFS(1/0,1,TRUE,2) => #DIV/0!
            =IFS(FALSE,1,TRUE,2) => 2
            =IFS(FALSE,1,FALSE,2) => #N/A
            =IFS(TRUE,1,FALSE) => #VALUE!  // an odd number of arguments
            =IFS(Data!A1>5,Data!A1*2,TRUE,1/0) => 20
            =SWITCH(NA(),1,"a") => #N/A
            =SWITCH(1,1/0,"a",1,"b") => #DIV/0!  // candidates are compared in order
            =SWITCH(2,1,1/0,2,"b") => "b"
            =SWITCH("1",1,"number","1","text") => "text"
            =SWITCH(Data!A2,10,"ten",20,"twenty") => "twenty"
            =SWITCH(3,1,"a",2,"b",1/0) => #DIV/0!  // the default is the result
            =SWITCH(3,1,"a",2,"b","other") => "other"
            """)
    }

    @Test func anArrayConditionCombinesTheBranchesElementByElement() throws {
        try checkTable("""
            =SUM(IF({1,0,1},{1,2,3},{10,20,30})) => 24
            =SUM(IF(Data!A1:A6>5,1,0)) => 3
            =SUM(IF(Data!A1:A6>5,Data!A1:A6)) => 60
            =SUM(IFERROR(1/{1,0,2},10)) => 11.5
            =SUM(IFNA({1,#N/A,3},10)) => 14
            =SUM(CHOOSE({1,2},10,Data!A1:A2)) => 50  // {10,10;10,20}
            =SUM(IF({1,0},IF({0,1},1,2),3)) => 5  // {2,3}
            """)
    }

    @Test func sixtyFourNestedIfsChooseTheirBranch() throws {
        var formula = "0"
        for k in stride(from: 64, through: 1, by: -1) { formula = "IF(A1=\(k),\(k * 10),\(formula))" }
        let workbook = try makeWorkbook(["A1": "37", "B1": "=" + formula])
        #expect(try workbook.value("B1") == .number(370))
        try workbook.set(.typed("65"), at: workbook.location(of: "A1"))
        workbook.recalculate()
        #expect(try workbook.value("B1") == .number(0))
    }

    /// A branch not taken reads nothing, so a cell it would read through INDIRECT (`*1` reads it) that depends
    /// on this cell is no cycle, as in Excel; when the branch is taken, it is one.
    @Test func aBranchNotTakenMakesNoCycle() throws {
        let workbook = try makeWorkbook(["B1": "1", "A1": "=IF(B1=1,5,INDIRECT(\"A2\")*1)", "A2": "=A1+1"])
        #expect(try workbook.value("A1") == .number(5))
        #expect(try workbook.value("A2") == .number(6))
        try workbook.set(.typed("2"), at: workbook.location(of: "B1"))
        workbook.recalculate()
        #expect(try workbook.value("A1") == .error(.cycle))
        try workbook.set(.typed("1"), at: workbook.location(of: "B1"))
        workbook.recalculate()
        #expect(try workbook.value("A1") == .number(5))
        #expect(try workbook.value("A2") == .number(6))

        let choose = try makeWorkbook(["B1": "1", "A1": "=CHOOSE(B1,7,INDIRECT(\"A2\")*1)", "A2": "=A1*2",
                                       "C1": "=IFERROR(B1,INDIRECT(\"C2\")*1)", "C2": "=C1+1"])
        #expect(try choose.value("A2") == .number(14))
        #expect(try choose.value("C2") == .number(2))
    }
}
