import Testing
import KalkylEngine

/// Expected values follow Excel's documentation; each can be checked by hand from `dataCells`.
struct MathFunctionTests {
    @Test func sums() throws {
        try checkTable("""
            =SUM(Data!A1:A6) => 57.5  // 10+20+30-5+0+2.5
            =SUM(1,"2",TRUE) => 4  // typed text and TRUE count
            =SUM(Data!E1:E6) => 4  // in a range only numbers count: 1+3
            =SUM("x") => #VALUE!
            =SUM(Data!A1,#N/A) => #N/A
            =SUM() => 0
            =SUMPRODUCT(Data!A1:A3,Data!D1:D3) => -30  // 15+45-90
            =SUMPRODUCT({1,2,3},{4,5,6}) => 32
            =SUMPRODUCT(--(Data!A1:A6>5)) => 3
            =SUMPRODUCT(Data!A1:A2,Data!A1:A3) => #VALUE!
            =SUMIF(Data!C1:C6,"North",Data!A1:A6) => 40
            =SUMIF(Data!A1:A6,">=10") => 60
            =SUMIF(Data!B1:B6,"a*",Data!A1:A6) => 10  // apple and Apple: 10+0
            =SUMIF(Data!B1:B6,"?????",Data!A1:A6) => 10
            =SUMIFS(Data!A1:A6,Data!C1:C6,"South",Data!D1:D6,">3") => 2.5
            =PRODUCT(2,3,Data!D1) => 9
            =SUMSQ(3,4) => 25
            """)
    }

    @Test func rounding() throws {
        try checkTable("""
            =ROUND(1.005,2) => 1.01
            =ROUND(0.285,2) => 0.29
            =ROUND(-2.5,0) => -3
            =ROUND(21.9/0.2,0) => 110
            =ROUND(2.5,0) => 3
            =ROUND(1234.5678,-2) => 1200
            =ROUND(263500000*158876/10514719,0) => 3981450  // Region Blekinge, Bilaga 1
            =ROUNDUP(3.2,0) => 4
            =ROUNDUP(-3.2,0) => -4
            =ROUNDUP(0.1+0.2,1) => 0.3
            =ROUNDDOWN(3.9,0) => 3
            =ROUNDDOWN(4.35*100,0) => 435
            =ROUNDDOWN(-3.9,0) => -3
            =MROUND(10,3) => 9
            =MROUND(1.3,0.2) => 1.4
            =MROUND(2.5,1) => 3
            =MROUND(10,-3) => #NUM!
            =MROUND(5,0) => 0
            =INT(-2.5) => -3
            =INT(2.9) => 2
            =TRUNC(-2.5) => -2
            =TRUNC(3.14159,2) => 3.14
            =CEILING(2.5,1) => 3
            =CEILING(-2.5,-2) => -4
            =CEILING(-2.5,2) => -2
            =CEILING(2.5,-1) => #NUM!
            =CEILING(0.3,0.1) => 0.3
            =FLOOR(2.5,1) => 2
            =FLOOR(-2.5,-2) => -2
            =FLOOR(2.5,0) => #DIV/0!
            """)
    }

    @Test func arithmetic() throws {
        try checkTable("""
            =MOD(10,3) => 1
            =MOD(-1,3) => 2
            =MOD(1,-3) => -2
            =MOD(5,0) => #DIV/0!
            =MOD(10.5,1) => 0.5
            =ABS(-3) => 3
            =SIGN(-0.5) => -1
            =SIGN(0) => 0
            =SQRT(16) => 4
            =SQRT(-1) => #NUM!
            =POWER(2,10) => 1024
            =POWER(0,0) => #NUM!
            =POWER(0,-1) => #DIV/0!
            =POWER(-8,1/3) => #NUM!
            =POWER(-2,3) => -8
            =EXP(0) => 1
            =LN(EXP(2)) => 2
            =LN(0) => #NUM!
            =LOG(1000) => 3
            =LOG(8,2) => 3
            =LOG(-1) => #NUM!
            =LOG10(0.01) => -2
            =QUOTIENT(7,2) => 3
            =QUOTIENT(-7,2) => -3
            =QUOTIENT(1,0) => #DIV/0!
            =PI() => 3.141592653589793
            =1/0 => #DIV/0!
            ="a"*2 => #VALUE!
            =EVEN(1.5) => 2
            =ODD(2) => 3
            =FACT(5) => 120
            =GCD(12,18) => 6
            =LCM(4,6) => 12
            =SUBTOTAL(9,Data!A1:A3) => 60
            """)
    }

    @Test func randomNumbersStayInRange() throws {
        let workbook = try makeWorkbook(["A1": "=RAND()", "A2": "=RANDBETWEEN(1,6)", "A3": "=RANDBETWEEN(5,1)"])
        for _ in 0..<20 {
            guard case .number(let r) = try workbook.value("A1"), case .number(let die) = try workbook.value("A2") else {
                Issue.record("not numbers")
                return
            }
            #expect(r >= 0 && r < 1)
            #expect((1...6).contains(die) && die == die.rounded())
            workbook.recalculate()  // volatile: new numbers each time
        }
        #expect(try workbook.value("A3") == .error(.number))
    }
}
