import Testing
import KalkylEngine

/// Numbers that do not fit a whole-number type, results that overflow, ranges of the whole
/// sheet: each is Excel's error or value, never a trap, an infinity or an endless loop.
/// Counts over `Data!A:XFD` are 17 179 869 184 cells (1 048 576 × 16 384) less `dataCells`'
/// 29 filled ones, of which E6 (="") is empty text.
struct ExtremeValueTests {
    @Test func conversionsOfHugeNumbersAreNUM() throws {
        try checkTable("""
            =ISEVEN(1E+20) => #NUM!
            =ISODD(-1E+20) => #NUM!
            =ISEVEN(4) => TRUE
            =LARGE(1,1E+20) => #NUM!
            =SMALL(1,1E+20) => #NUM!
            =WORKDAY(1,1,1E+20) => #NUM!
            =NETWORKDAYS(1,1,1E+20) => #NUM!
            =LEFT("abc",1E+20) => #NUM!
            =REPT("a",1E+20) => #NUM!
            """)
    }

    /// Counts and sizes that would make a function loop for hours: a closed form, or #NUM!.
    @Test func hugeCountsEndQuickly() throws {
        try checkTable("""
            =ROUND(BINOM.DIST(150000,300000,0.5,TRUE),7) => 0.5007284  // the closed form: ½ + half the middle term, 1/√(2π·75000)/2
            =ROUND(BINOM.DIST(90500,300000,0.3,TRUE),7) => 0.9768831  // the terms summed in Python: 0.97688307730
            =AND(BINOM.DIST(5E+11,1E+12,0.5,TRUE)>0.4,BINOM.DIST(5E+11,1E+12,0.5,TRUE)<0.6) => TRUE  // ends; ln Γ of 10¹² keeps 3 digits
            =BINOM.INV(1E+12,0.5,0.5) => 500000000000
            =BINOM.DIST.RANGE(1E+12,0.5,0,1E+12) => 1
            =HYPGEOM.DIST(5E+6,1E+7,5E+7,1E+8,TRUE) => #NUM!
            =COMBIN(1E+15,5E+14) => #NUM!
            =PERMUT(1E+15,1E+14) => #NUM!
            =MULTINOMIAL(1E+14,1E+14) => #NUM!
            =DB(1,0,1E+12,1E+12) => 0
            =VDB(1,0,1E+12,0,1E+12) => #NUM!
            =MDETERM(MUNIT(1000)) => #NUM!
            =ISNUMBER(MDETERM(MUNIT(100))) => TRUE
            =BESSELI(1E+7,1) => #NUM!
            """)
    }

    @Test func noResultIsInfiniteOrNaN() throws {
        try checkTable("""
            =MOD(1E+308,1E-308) => #NUM!
            =QUOTIENT(1E+308,1E-308) => #NUM!
            =MROUND(1E+308,1E-308) => #NUM!
            =CEILING(1E+308,1E-308) => #NUM!
            =FLOOR(1E+308,1E-308) => #NUM!
            =RANDBETWEEN(-1E+308,1E+308) => #NUM!
            =ISNUMBER(MOD(1E+308,1E-308)) => FALSE
            =1E+308*10 => #NUM!
            =SUM(1E+308,1E+308) => #NUM!
            """)
    }

    @Test func textShowsFifteenSignificantDigits() throws {
        let e308 = "1" + "00" + String(repeating: ",000", count: 102)
        try checkTable("""
            =TEXT(1E+308,"#,##0") => "\(e308)"
            =TEXT(-12345678901234567890,"0.00") => "-12345678901234600000.00"
            =TEXT(0.1+0.2,"0.00000000000000000000") => "0.30000000000000000000"
            =TEXT(1234567.891,"#,##0.00") => "1,234,567.89"
            """)
    }

    @Test func criteriaOverTheWholeSheetAreCounted() throws {
        try checkTable("""
            =COUNTIF(Data!A:XFD,"") => 17179869156
            =COUNTIF(Data!A:XFD,"<>1") => 17179869183
            =COUNTIFS(Data!A:XFD,"",Data!A:XFD,"") => 17179869156
            =SUMIF(Data!A:XFD,"",Data!A:XFD) => 0
            =SUMIF(Data!A:XFD,">0") => 85.75  // A: 62.5, D: 19.25 (not -3), E: 1+3 (not TRUE)
            =AVERAGEIF(Data!A:XFD,"") => #DIV/0!
            =MINIFS(Data!A:XFD,Data!A:XFD,"") => 0
            =COUNTIF(Data!1:1,"") => 16379  // 16 384 columns, 5 filled
            """)
    }

    @Test func arraysTooLargeToHoldAreNUMAndSmallerOnesCountEveryCell() throws {
        try checkTable("""
            =SUM((Data!A:C=0)*1) => 3145711  // 3 × 1 048 576 cells, 18 filled, of which A5 is 0
            =SUM((Data!A:D=0)*1) => 4194281  // four whole columns: the largest array
            =SUM((Data!A:E=0)*1) => #NUM!
            =SUM(Data!1:1=Data!A:A) => #NUM!
            =SUM(Data!A1:A100000*Data!B1:XFD1) => #NUM!
            =ALLOCATE(10,Data!A:XFD) => #NUM!
            =TEXTJOIN(",",FALSE,Data!A:XFD) => #VALUE!
            =TEXTJOIN("",TRUE,Data!A:A) => "102030-502.5"
            =LEN(TEXTJOIN(",",TRUE,Data!A:XFD)) => 117  // 90 characters in 28 parts, 27 commas
            """)
    }

    @Test func textIsLimitedTo32767Characters() throws {
        try checkTable("""
            =LEN(SUBSTITUTE(REPT("a",10000),"a",REPT("b",10000))) => #VALUE!
            =LEN(SUBSTITUTE(REPT("a",10),"a",REPT("b",3000))) => 30000
            =LEN(REPT("ab",16383)&"a") => 32767
            =LEN(REPT("ab",16383)&"ab") => #VALUE!
            =LEN(CONCATENATE(REPT("a",30000),REPT("b",3000))) => #VALUE!
            =LEN(CONCAT(REPT("a",30000),REPT("b",2767))) => 32767
            """)
    }

    @Test func wildcardsDoNotBacktrack() throws {
        try checkTable("""
            =SEARCH(REPT("*?",100)&"b",REPT("a",1000)) => #VALUE!
            =SEARCH(REPT("*?",100)&"b",REPT("a",1000)&"b") => 1
            =SEARCH("a*c","xxabc") => 3
            =SEARCH("*c","xxabc") => 1
            =SEARCH("b?d","abcbxd") => 4
            =SEARCH("~*","a*b") => 2
            =COUNTIF(Data!B1:B6,"*a*a*") => 1  // banana
            =COUNTIF(Data!B1:B6,"?a*") => 2  // banana, date
            =COUNTIF(Data!B1:B6,"*e") => 3  // apple, date, Apple
            =COUNTIF(Data!B1:B6,REPT("*",50)&"g") => 1  // fig
            """)
    }

    /// ALLOCATE gives a cell its own row's part only as the cell's whole formula; inside a
    /// function the argument is the whole split, wherever the cell stands.
    @Test func allocateInsideAFunctionIsTheWholeSplit() throws {
        let workbook = try makeWorkbook([
            "A1": "1", "A2": "1",
            "B1": "=SUM(ALLOCATE(10,A1:A2))", "B10": "=SUM(ALLOCATE(10,A1:A2))",
            "C1": "=ALLOCATE(10,A1:A2)", "C2": "=(ALLOCATE(11,A1:A2))",
        ])
        #expect(try workbook.value("B1") == .number(10))
        #expect(try workbook.value("B10") == .number(10))
        #expect(try workbook.value("C1") == .number(5))
        #expect(try workbook.value("C2") == .number(5))  // 11 = 6 + 5: row 2's part
    }
}
