import Testing

struct InformationFunctionTests {
    @Test func predicates() throws {
        try checkTable("""
            =ISBLANK(Data!E4) => TRUE
            =ISBLANK(Data!E6) => FALSE  // "" from a formula is not blank
            =ISBLANK("") => FALSE
            =ISNUMBER(Data!A1) => TRUE
            =ISNUMBER("5") => FALSE
            =ISTEXT(Data!B1) => TRUE
            =ISNONTEXT(1) => TRUE
            =ISLOGICAL(Data!E3) => TRUE
            =ISERROR(1/0) => TRUE
            =ISERROR(1) => FALSE
            =ISERR(NA()) => FALSE
            =ISERR(1/0) => TRUE
            =ISNA(NA()) => TRUE
            =NA() => #N/A
            =ERROR.TYPE(1/0) => 2
            =ISEVEN(4) => TRUE
            =ISODD(3) => TRUE
            =NOSUCHFUNCTION(1) => #NAME?
            =undefined_name+1 => #NAME?
            """)
    }

    @Test func emptyCells() throws {
        try checkTable("""
            =Data!Z1 => 0
            =Data!Z1+1 => 1
            =Data!Z1&"x" => "x"
            =Data!Z1="" => TRUE
            =Data!Z1=0 => TRUE
            =Data!Z1=FALSE => TRUE
            =Data!E6="" => TRUE
            =Data!E6+1 => #VALUE!
            =Data!E6 => ""
            =#N/A => #N/A
            =1/0+NA() => #DIV/0!  // the left error wins
            =NA()+1/0 => #N/A
            =SUM(Data!A1:A6,1/0) => #DIV/0!
            """)
    }
}
