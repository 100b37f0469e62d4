import KalkylEngine
import Testing

/// LAMBDA and its helpers, each result the whole array it spills (`1,2;3,4`). Values follow the
/// examples of Excel's reference for MAP, REDUCE, SCAN, BYROW, BYCOL, MAKEARRAY and LAMBDA.
struct LambdaTests {
    @Test(arguments: [
        ("=MAP({1,2;3,4},LAMBDA(x,x*2))", "2,4;6,8"),
        ("=MAP({1,2,3},{10,20,30},LAMBDA(a,b,a+b))", "11,22,33"),
        ("=MAP({1,2,3},LAMBDA(x,IF(x>1,x,\"small\")))", "\"small\",2,3"),
        ("=MAP(Data!A1:A3,LAMBDA(v,v/10))", "1;2;3"),
        ("=MAP({1,2},LAMBDA(a,b,a+b))", "#VALUE!"),
        ("=REDUCE(0,{1,2,3},LAMBDA(total,v,total+v))", "6"),
        ("=REDUCE(1,{1,2,3,4},LAMBDA(a,b,a*b))", "24"),
        ("=REDUCE(,{1,2,3},LAMBDA(a,v,a+v))", "6"),
        ("=REDUCE(0,Data!A1:A6,LAMBDA(a,v,IF(v>5,a+1,a)))", "3"),
        ("=SCAN(0,{1,2,3},LAMBDA(a,v,a+v))", "1,3,6"),
        ("=SCAN(\"\",{\"a\",\"b\",\"c\"},LAMBDA(t,i,t&i))", "\"a\",\"ab\",\"abc\""),
        ("=SCAN(1,{1,2;3,4},LAMBDA(a,v,a*v))", "1,2;6,24"),
        ("=SCAN(0,{1,2},LAMBDA(a,a))", "#VALUE!"),
        ("=BYROW({1,2;3,4},LAMBDA(r,SUM(r)))", "3;7"),
        ("=BYCOL({1,2;3,4},LAMBDA(c,MAX(c)))", "3,4"),
        ("=BYCOL(Data!A1:B2,LAMBDA(c,COUNTA(c)))", "2,2"),
        ("=BYCOL({1,2},LAMBDA(c,{1,2}))", "#CALC!,#CALC!"),
        ("=BYROW(Data!D1:D3,LAMBDA(r,r*2))", "3;4.5;-6"),
        ("=BYROW({1,2;3,4},LAMBDA(r,r*2))", "#CALC!;#CALC!"),
        ("=MAKEARRAY(2,3,LAMBDA(r,c,r*c))", "1,2,3;2,4,6"),
        ("=MAKEARRAY(0,3,LAMBDA(r,c,r*c))", "#VALUE!"),
        ("=MAKEARRAY(2,2,LAMBDA(r,c,IF(r=c,1,0)))", "1,0;0,1"),
        ("=LET(f,LAMBDA(a,b,IF(ISOMITTED(b),-a,a*b)),f(3)+f(3,2))", "3"),
        ("=LET(f,LAMBDA(a,ISOMITTED(a)),f())", "TRUE"),
        ("=ISOMITTED(1)", "FALSE"),
        ("=MAP(SEQUENCE(3),LAMBDA(x,REDUCE(0,SEQUENCE(x),LAMBDA(a,b,a+b))))", "1;3;6"),
        ("=LET(double,LAMBDA(x,x*2),double(4)+double(1))", "10"),
        ("=LET(f,LAMBDA(x,y,x-y),f(10,3))", "7"),
        ("=LAMBDA(x,x+1)", "#CALC!"),
        ("=LET(f,LAMBDA(x,x),f)", "#CALC!"),
    ])
    func helpers(_ formula: String, _ expected: String) throws {
        #expect(try spilled(formula) == expected, "\(formula)")
    }

    @Test func aDefinedNameCanBeALambdaCalledLikeAFunction() throws {
        let names = ["Moms": "=LAMBDA(amount,amount*0.25)", "Plus": "=LAMBDA(a,b,IF(ISOMITTED(b),a,a+b))",
                     "Self": "=LAMBDA(n,IF(n<=1,1,n*Self(n-1)))"]
        #expect(try spilled("=Moms(100)", names: names) == "25")
        #expect(try spilled("=Plus(1)", names: names) == "1")
        #expect(try spilled("=Plus(1,2)", names: names) == "3")
        #expect(try spilled("=MAP({1,2},LAMBDA(x,Moms(x*4)))", names: names) == "1,2")
        #expect(try spilled("=Plus(1,2,3)", names: names) == "#VALUE!")
        // Kalkyl expands names in place, so a LAMBDA that calls itself is refused.
        #expect(try spilled("=Self(3)", names: names) == "#VALUE!")
    }

    @Test func xlsxFilesMarkTheBoundNames() throws {
        let expression = try FormulaParser.parse("=LET(x,2,MAP({1,2},LAMBDA(y,x*y)))", at: CellAddress(row: 0, column: 0))
        let xlsx = FormulaPrinter.xlsxFormula(expression, at: CellAddress(row: 0, column: 0))
        #expect(xlsx == "_xlfn.LET(_xlpm.x,2,_xlfn.MAP({1,2},_xlfn.LAMBDA(_xlpm.y,_xlpm.x*_xlpm.y)))")
        #expect(try FormulaParser.parse("=" + xlsx, at: CellAddress(row: 0, column: 0)) == expression)
    }
}
