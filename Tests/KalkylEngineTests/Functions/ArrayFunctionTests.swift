import KalkylEngine
import Testing

/// Excel 365's array functions, each result checked as the whole array it spills, written
/// `1,2;3,4` (columns by `,`, rows by `;`, text in quotes) against `dataCells` (TestWorkbook.swift).
struct ArrayFunctionTests {
    private func check(_ cases: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (formula, expected) in cases {
            #expect(try spilled(formula) == expected, "\(formula)", sourceLocation: sourceLocation)
        }
    }

    @Test func sequenceAndRandArray() throws {
        try check([
            ("=SEQUENCE(3)", "1;2;3"),
            ("=SEQUENCE(2,3)", "1,2,3;4,5,6"),
            ("=SEQUENCE(2,2,10,-5)", "10,5;0,-5"),
            ("=SEQUENCE(1,1,5)", "5"),
            ("=SEQUENCE(2.9)", "1;2"),
            ("=SEQUENCE(0)", "#CALC!"),
            ("=SEQUENCE(-1)", "#VALUE!"),
            ("=ROWS(RANDARRAY(3,2))*10+COLUMNS(RANDARRAY(3,2))", "32"),
            ("=LET(r,RANDARRAY(50,1,1,6,TRUE),AND(MIN(r)>=1,MAX(r)<=6,SUM(r-INT(r))=0))", "TRUE"),
            ("=LET(r,RANDARRAY(50),AND(MIN(r)>=0,MAX(r)<1))", "TRUE"),
            ("=RANDARRAY(2,2,5,1)", "#VALUE!"),
            ("=RANDARRAY(1,1,1.5,3,TRUE)", "#VALUE!"),
            ("=RANDARRAY(0)", "#CALC!"),
        ])
    }

    @Test func filter() throws {
        try check([
            ("=FILTER(Data!A1:A6,Data!A1:A6>15)", "20;30"),
            ("=FILTER(Data!A1:B6,Data!C1:C6=\"North\")", "10,\"apple\";30,\"cherry\""),
            ("=FILTER({1,2,3},{1,0,1})", "1,3"),
            ("=FILTER(Data!A1:A6,Data!A1:A6>100)", "#CALC!"),
            ("=FILTER(Data!A1:A6,Data!A1:A6>100,\"none\")", "\"none\""),
            ("=FILTER(Data!A1:A6,Data!A1:A3>0)", "#VALUE!"),
            ("=FILTER(Data!A1:A6,Data!B1:B6)", "#VALUE!"),
            ("=FILTER(Data!A1:A3,1/(Data!A1:A3-20))", "#DIV/0!"),
        ])
    }

    @Test func sortAndSortBy() throws {
        try check([
            ("=SORT(Data!A1:A6)", "-5;0;2.5;10;20;30"),
            ("=SORT(Data!A1:A6,1,-1)", "30;20;10;2.5;0;-5"),
            ("=SORT(Data!A1:C3,3)", "10,\"apple\",\"North\";30,\"cherry\",\"North\";20,\"banana\",\"South\""),
            ("=SORT(Data!C1:C6)", "\"East\";\"North\";\"North\";\"South\";\"South\";\"West\""),
            ("=SORT(Data!A1:C6,{3,1},{1,-1})", "-5,\"date\",\"East\";30,\"cherry\",\"North\";10,\"apple\",\"North\";20,\"banana\",\"South\";2.5,\"fig\",\"South\";0,\"Apple\",\"West\""),
            ("=SORT({3,1,2},1,1,TRUE)", "1,2,3"),
            ("=SORT({2;\"b\";TRUE;\"a\";1})", "1;2;\"a\";\"b\";TRUE"),
            ("=SORT(Data!A1:A6,2)", "#VALUE!"),
            ("=SORT(Data!A1:A6,1,0)", "#VALUE!"),
            ("=SORTBY(Data!B1:B3,Data!A1:A3,-1)", "\"cherry\";\"banana\";\"apple\""),
            ("=SORTBY(Data!B1:B6,Data!C1:C6,1,Data!A1:A6,-1)", "\"date\";\"cherry\";\"apple\";\"banana\";\"fig\";\"Apple\""),
            ("=SORTBY({\"a\",\"b\",\"c\"},{3,1,2})", "\"b\",\"c\",\"a\""),
            ("=SORTBY(Data!B1:B3,Data!A1:A4)", "#VALUE!"),
            ("=SORTBY(Data!B1:B3,Data!A1:A3,2)", "#VALUE!"),
        ])
    }

    /// Swedish collation puts å, ä and ö after z; English sorts them with a and o.
    @Test func sortingTextFollowsTheLocale() throws {
        #expect(try spilled("=SORT({\"ö\";\"z\";\"å\";\"a\";\"ä\"})", locale: .swedish) == "\"a\";\"z\";\"å\";\"ä\";\"ö\"")
        #expect(try spilled("=SORT({\"ö\";\"z\";\"å\";\"a\"})") == "\"a\";\"å\";\"ö\";\"z\"")
    }

    @Test func unique() throws {
        try check([
            ("=UNIQUE(Data!C1:C6)", "\"North\";\"South\";\"East\";\"West\""),
            ("=UNIQUE(Data!B1:B6)", "\"apple\";\"banana\";\"cherry\";\"date\";\"fig\""),  // Apple is apple
            ("=UNIQUE(Data!C1:C6,FALSE,TRUE)", "\"East\";\"West\""),
            ("=UNIQUE({1,1,2},TRUE)", "1,2"),
            ("=UNIQUE({1;\"1\"})", "1;\"1\""),
            ("=UNIQUE({1;1},FALSE,TRUE)", "#CALC!"),
        ])
    }

    @Test func takeDropChooseRowsAndColumns() throws {
        try check([
            ("=TAKE(Data!A1:A6,2)", "10;20"),
            ("=TAKE(Data!A1:A6,-2)", "0;2.5"),
            ("=TAKE(Data!A1:C6,1,-1)", "\"North\""),
            ("=TAKE(Data!A1:B2,,1)", "10;20"),
            ("=TAKE(Data!A1:A2,5)", "10;20"),
            ("=TAKE(Data!A1:A6,0)", "#CALC!"),
            ("=DROP(Data!A1:A6,4)", "0;2.5"),
            ("=DROP(Data!A1:A6,-5)", "10"),
            ("=DROP(Data!A1:B2,1,1)", "\"banana\""),
            ("=DROP(Data!A1:A2,0)", "10;20"),
            ("=DROP(Data!A1:A3,3)", "#CALC!"),
            ("=CHOOSEROWS(Data!A1:A6,1,-1)", "10;2.5"),
            ("=CHOOSEROWS(Data!A1:A6,{2,3})", "20;30"),
            ("=CHOOSEROWS(Data!A1:A6,0)", "#VALUE!"),
            ("=CHOOSEROWS(Data!A1:A6,7)", "#VALUE!"),
            ("=CHOOSECOLS(Data!A1:C1,3,1)", "\"North\",10"),
            ("=CHOOSECOLS(Data!A1:C1,-4)", "#VALUE!"),
        ])
    }

    @Test func stackingAndReshaping() throws {
        try check([
            ("=HSTACK({1;2},{3})", "1,3;2,#N/A"),
            ("=HSTACK(1,\"a\",TRUE)", "1,\"a\",TRUE"),
            ("=VSTACK({1,2},{3})", "1,2;3,#N/A"),
            ("=VSTACK(Data!A1:A2,Data!A3)", "10;20;30"),
            ("=ROWS(VSTACK(Data!A1:A6,Data!A1:A6))", "12"),
            ("=TOCOL({1,2;3,4})", "1;2;3;4"),
            ("=TOCOL({1,2;3,4},0,TRUE)", "1;3;2;4"),
            ("=TOROW(Data!E1:E6,1)", "1,\"x\",TRUE,3,\"\""),  // E4 is blank; E6 holds ""
            ("=TOCOL({1,#N/A},2)", "1"),
            ("=TOCOL({#N/A},2)", "#CALC!"),
            ("=TOCOL({1},4)", "#VALUE!"),
            ("=WRAPROWS({1,2,3,4,5},2)", "1,2;3,4;5,#N/A"),
            ("=WRAPROWS({1,2,3},2,0)", "1,2;3,0"),
            ("=WRAPCOLS({1,2,3,4,5},2)", "1,3,5;2,4,#N/A"),
            ("=WRAPROWS({1,2;3,4},2)", "#VALUE!"),
            ("=WRAPROWS({1,2},0)", "#NUM!"),
            ("=EXPAND({1,2},2)", "1,2;#N/A,#N/A"),
            ("=EXPAND({1},2,2,0)", "1,0;0,0"),
            ("=EXPAND({1;2},,2,\"-\")", "1,\"-\";2,\"-\""),
            ("=EXPAND({1,2},1,1)", "#VALUE!"),
            ("=TRANSPOSE({1,2,3})", "1;2;3"),
            ("=TRANSPOSE(Data!A1:B2)", "10,20;\"apple\",\"banana\""),
            ("=TRANSPOSE(5)", "5"),
        ])
    }

    @Test func xmatch() throws {
        try check([
            ("=XMATCH(30,Data!A1:A6)", "3"),
            ("=XMATCH(25,Data!A1:A3,1)", "3"),
            ("=XMATCH(25,Data!A1:A3,-1)", "2"),
            ("=XMATCH(\"b*\",Data!B1:B6,2)", "2"),
            ("=XMATCH(10,{10,20,10},0,-1)", "3"),
            ("=XMATCH(99,Data!A1:A6)", "#N/A"),
            ("=XMATCH(1,Data!A1:B2)", "#VALUE!"),
            ("=XMATCH(1,Data!A1:A6,3)", "#VALUE!"),
        ])
    }

    /// A function given an array where it takes one value gives one result per element
    /// (`ParameterKinds`), as Excel 365 does.
    @Test func valueParametersLiftOverArrays() throws {
        try check([
            ("=COUNTIF(Data!C1:C6,{\"North\",\"South\"})", "2,2"),
            ("=SUM(COUNTIF(Data!C1:C6,{\"North\",\"South\",\"East\"}))", "5"),
            ("=VLOOKUP({\"cherry\";\"fig\"},Data!B1:D6,3,FALSE)", "-3;6"),
            ("=MATCH({30,20},Data!A1:A6,0)", "3,2"),
            ("=INDEX(Data!A1:A6,{1,3})", "10,30"),
            ("=LARGE(Data!A1:A6,{1,2})", "30,20"),
            ("=XLOOKUP({\"fig\";\"date\"},Data!B1:B6,Data!A1:A6)", "2.5;-5"),
            ("=SUMIFS(Data!A1:A6,Data!C1:C6,{\"North\";\"South\"})", "40;22.5"),
        ])
    }

    @Test func letBindsNames() throws {
        try check([
            ("=LET(x,2,x*3)", "6"),
            ("=LET(x,2,y,x+1,x*y)", "6"),
            ("=LET(x,Data!A1:A3,SUM(x))", "60"),
            ("=LET(x,Data!A1:A3,x*2)", "20;40;60"),
            ("=LET(x,1,LET(x,2,x)+x)", "3"),
            ("=LET(x,1,y)", "#NAME?"),
            ("=LET(x,1)", "#VALUE!"),
            ("=LET(A1,1,2)", "#VALUE!"),
        ])
    }
}
