import Testing
import KalkylEngine

@Test func smoke() throws {
    #expect(try evaluate("1+2*3") == .number(7))
    #expect(try evaluate("-2^2") == .number(4))
    #expect(try evaluate("SUM(A1:A3)", ["A1": "1", "A2": "2", "A3": "3"]) == .number(6))
    #expect(try evaluate("ROUND(1.005,2)") == .number(1.01))
    #expect(try evaluate("ROUND(21.9/0.2,0)") == .number(110))
    #expect(try evaluate("TEXT(1234.5,\"#,##0.00\")") == .text("1,234.50"))
    #expect(try evaluate("VLOOKUP(2,{1,\"one\";2,\"two\"},2,FALSE)") == .text("two"))
}
