import Testing

struct TextFunctionTests {
    @Test func pieces() throws {
        try checkTable("""
            =LEFT("Kalkyl",3) => "Kal"
            =LEFT("abc") => "a"
            =RIGHT("Kalkyl",2) => "yl"
            =MID("Kalkyl",2,3) => "alk"
            =MID("abc",5,1) => ""
            =MID("abc",0,1) => #VALUE!
            =LEN("Västerbotten") => 12
            =LEN(Data!E4) => 0
            =LEN(1/4) => 4  // "0.25"
            =LEN(1/3) => 17  // "0.333333333333333": 15 significant digits
            =UPPER("åäö") => "ÅÄÖ"
            =LOWER("ABC") => "abc"
            =PROPER("region västra götaland") => "Region Västra Götaland"
            =TRIM("  a   b  ") => "a b"
            =SUBSTITUTE("a-b-c","-","+") => "a+b+c"
            =SUBSTITUTE("a-b-c","-","+",2) => "a-b+c"
            =REPLACE("abcdef",2,3,"X") => "aXef"
            =REPT("ab",3) => "ababab"
            =REPT("x",-1) => #VALUE!
            =REPT(REPT("x",10000),9.99E+14) => #VALUE!  // too long; the length once overflowed
            =EXACT("a","A") => FALSE
            =EXACT("a","a") => TRUE
            =CHAR(65) => "A"
            =CODE("A") => 65
            =CODE("é") => 233
            =T("x") => "x"
            =T(1) => ""
            =N(TRUE) => 1
            =N("x") => 0
            """)
    }

    @Test func searching() throws {
        try checkTable("""
            =FIND("l","Kalkyl") => 3
            =FIND("L","Kalkyl") => #VALUE!  // FIND is case-sensitive
            =FIND("l","Kalkyl",4) => 6
            =FIND("","abc") => 1
            =SEARCH("L","Kalkyl") => 3
            =SEARCH("k?l","Kalkyl") => 1
            =SEARCH("y*","Kalkyl") => 5
            =SEARCH("z","Kalkyl") => #VALUE!
            """)
    }

    @Test func joining() throws {
        try checkTable("""
            =CONCATENATE("a","b",1) => "ab1"
            =CONCAT(Data!A1:B2) => "10apple20banana"  // row by row
            =TEXTJOIN("-",TRUE,"a","","b") => "a-b"
            =TEXTJOIN(",",FALSE,Data!E4:E6) => ",3,"
            ="a"&TRUE => "aTRUE"
            ="v"&1/3 => "v0.333333333333333"
            ="n"&1E+20 => "n1E+20"
            ="x"&Data!E4 => "x"
            """)
    }

    @Test func numbersAsText() throws {
        try checkTable(#"""
            =VALUE("1,234.5") => 1234.5
            =VALUE("10%") => 0.1
            =VALUE("abc") => #VALUE!
            =VALUE("12:30") => 0.5208333333333334
            =TEXT(1234.5,"#,##0.00") => "1,234.50"
            =TEXT(0.256,"0.0%") => "25.6%"
            =TEXT(45382,"yyyy-mm-dd") => "2024-03-31"
            =TEXT(12.5,"0") => "13"
            =TEXT(-1234.5,"#,##0") => "-1,235"
            =TEXT(3.14159,"0.00") => "3.14"
            =TEXT(-5,"0;(0)") => "(5)"
            =TEXT(0,"0.00;-0.00;""zero""") => "zero"
            =TEXT(1500000,"#,##0,") => "1,500"
            =TEXT(45382,"d mmm yyyy") => "31 Mar 2024"
            =TEXT(0.5,"hh:mm") => "12:00"
            =TEXT(0.5,"#.##") => ".5"
            =TEXT(7,"000") => "007"
            =FIXED(1234.567,1) => "1,234.6"
            =FIXED(1234.567,1,TRUE) => "1234.6"
            =FIXED(-0.5,0) => "-1"
            """#)
    }

    /// TEXT's format codes as Excel's documentation describes them: literals stay where they are
    /// among the digits, fractions, elapsed time, conditions, sections and the exponent's case.
    @Test func formatCodes() throws {
        try checkTable(#"""
            =TEXT(12,"00-00-00-00") => "00-00-00-12"
            =TEXT(123456789,"000-00-0000") => "123-45-6789"
            =TEXT(12,"##-##-##") => "--12"
            =TEXT(5,"(000)") => "(005)"
            =TEXT(7,"??0") => "  7"
            =TEXT(1234567,"0.0,") => "1234.6"
            =TEXT(1234567,"#,##0") => "1,234,567"
            =TEXT(0.75,"# ?/?") => " 3/4"
            =TEXT(1.25,"# ?/?") => "1 1/4"
            =TEXT(1.25,"?/?") => "5/4"
            =TEXT(0.3333,"# ??/??") => "  1/3 "
            =TEXT(1.3,"# ?/4") => "1 1/4"
            =TEXT(2,"# ?/?") => "2    "
            =TEXT(3.14159,"# ???/???") => "3  16/113"
            =TEXT(1.5,"[h]:mm") => "36:00"
            =TEXT(2.25,"[mm]") => "3240"
            =TEXT(0.75,"h:mm AM/PM") => "6:00 PM"
            =TEXT(12345,"0.00e+00") => "1.23e+04"
            =TEXT(12345,"0.00E+00") => "1.23E+04"
            =TEXT(1500,"[>=1000]0.0,""k"";0") => "1.5k"
            =TEXT(500,"[>=1000]0.0,""k"";0") => "500"
            =TEXT(50,"[<10]""small"";""big""") => "big"
            =TEXT(150,"[Red][<=100]0;[Blue][>100]0.0") => "150.0"
            =TEXT(-5,"#,##0;[Red]-#,##0;""-""") => "-5"
            =TEXT(0,"#,##0;[Red]-#,##0;""-""") => "-"
            =TEXT("abc","@""!""") => "abc!"
            """#)
    }
}
