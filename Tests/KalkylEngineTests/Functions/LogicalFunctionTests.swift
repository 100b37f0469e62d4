import Testing

struct LogicalFunctionTests {
    @Test func conditions() throws {
        try checkTable("""
            =IF(Data!A1>5,"big","small") => "big"
            =IF(FALSE,1) => FALSE
            =IF(FALSE,1,) => 0
            =IF(1/0,1,2) => #DIV/0!
            =SUM(IF(Data!A1:A6>5,Data!A1:A6,0)) => 60
            =IFS(Data!A1>20,"a",Data!A1>5,"b") => "b"
            =IFS(FALSE,1) => #N/A
            =IFERROR(1/0,"x") => "x"
            =IFERROR(5,"x") => 5
            =IFNA(NA(),"na") => "na"
            =IFNA(1/0,"na") => #DIV/0!
            =SWITCH(2,1,"one",2,"two","other") => "two"
            =SWITCH(3,1,"one","other") => "other"
            =SWITCH(3,1,"one") => #N/A
            =CHOOSE(2,"a","b","c") => "b"
            =CHOOSE(4,"a","b") => #VALUE!
            =SUM(CHOOSE(1,Data!A1:A3,Data!D1:D3)) => 60
            """)
    }

    @Test func connectives() throws {
        try checkTable("""
            =AND(TRUE,1,Data!A1>5) => TRUE
            =AND(TRUE,0) => FALSE
            =AND("x") => #VALUE!
            =OR(FALSE,Data!A4>0) => FALSE
            =OR(Data!B1:B6) => #VALUE!  // text in a range is skipped: no truth values at all
            =OR(Data!A1:A6>25) => TRUE
            =XOR(TRUE,TRUE,TRUE) => TRUE
            =XOR(TRUE,FALSE,TRUE) => FALSE
            =NOT(0) => TRUE
            =TRUE() => TRUE
            =FALSE() => FALSE
            =TRUE+1 => 2
            =TRUE>1 => TRUE  // booleans sort after numbers in Excel
            ="a"<"B" => TRUE
            ="abc"="ABC" => TRUE
            =1<"1" => TRUE  // numbers sort before text
            """)
    }
}
