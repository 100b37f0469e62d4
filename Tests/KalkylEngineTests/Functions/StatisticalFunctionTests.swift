import Testing

/// Expected values follow Excel's documentation; each can be checked by hand from `dataCells`.
struct StatisticalFunctionTests {
    @Test func counting() throws {
        try checkTable("""
            =COUNT(Data!A1:A6) => 6
            =COUNT(Data!E1:E6) => 2  // only the numbers 1 and 3 in a range
            =COUNT(1,"2",TRUE,"x") => 3  // typed "2" and TRUE count
            =COUNTA(Data!E1:E6) => 5  // all but the empty E4; "" counts
            =COUNTA(1,"",TRUE) => 3
            =COUNTBLANK(Data!E1:E6) => 2  // E4 and the "" in E6
            =COUNTIF(Data!C1:C6,"North") => 2
            =COUNTIF(Data!A1:A6,">5") => 3
            =COUNTIF(Data!B1:B6,"apple") => 2  // case-insensitive
            =COUNTIF(Data!A1:A6,"<>0") => 5
            =COUNTIF(Data!E1:E6,"") => 2
            =COUNTIF(Data!E1:E6,"<>") => 5
            =COUNTIF(Data!E1:E6,TRUE) => 1
            =COUNTIF(Data!B1:B6,"*an*") => 1
            =COUNTIFS(Data!C1:C6,"North",Data!A1:A6,">15") => 1
            """)
    }

    @Test func averagesAndExtremes() throws {
        try checkTable("""
            =AVERAGE(Data!A1:A6) => 9.583333333333334  // 57.5/6
            =AVERAGE(Data!E1:E6) => 2
            =AVERAGE(Data!E4) => #DIV/0!
            =AVERAGEIF(Data!C1:C6,"South",Data!D1:D6) => 4.125
            =AVERAGEIFS(Data!A1:A6,Data!C1:C6,"North",Data!D1:D6,"<0") => 30
            =MIN(Data!A1:A6) => -5
            =MAX(Data!A1:A6) => 30
            =MAX(Data!E4) => 0
            =MIN(Data!D1:D6,-10) => -10
            =MAX({-1,-5,TRUE}) => -1  // truth values in arrays are skipped
            =MINIFS(Data!A1:A6,Data!C1:C6,"South") => 2.5
            =MAXIFS(Data!A1:A6,Data!C1:C6,"North") => 30
            =MEDIAN(Data!A1:A6) => 6.25  // (2.5+10)/2
            =MEDIAN(1,2,3) => 2
            =LARGE(Data!A1:A6,2) => 20
            =SMALL(Data!A1:A6,1) => -5
            =LARGE(Data!A1:A6,7) => #NUM!
            =SMALL(Data!A1:A6,0) => #NUM!
            """)
    }

    @Test func rankAndSpread() throws {
        try checkTable("""
            =RANK(20,Data!A1:A6) => 2
            =RANK(20,Data!A1:A6,1) => 5
            =RANK.EQ(30,Data!A1:A6) => 1
            =RANK(31,Data!A1:A6) => #N/A
            =RANK.AVG(2,{1,2,2,3},1) => 2.5
            =STDEV(2,4,4,4,5,5,7,9) => 2.138089935299395  // sqrt(32/7)
            =STDEV.S(2,4,4,4,5,5,7,9) => 2.138089935299395
            =STDEVP(2,4,4,4,5,5,7,9) => 2
            =VAR(2,4,4,4,5,5,7,9) => 4.571428571428571
            =VAR.S(2,4,4,4,5,5,7,9) => 4.571428571428571
            =VAR(1) => #DIV/0!
            """)
    }
}
