import KalkylEngine
import Testing

/// The financial and trigonometric functions, against LibreOffice's values for the same formulas
/// (each written into an xlsx with XlsxWriter and recalculated by LibreOffice 7 headless, 15
/// significant digits). Many are the examples of Excel's documentation: PMT(0.08/12,10,10000) =
/// −1 037,03, NPV(0.1,−10000,3000,4200,6800) = 1 188,44, IRR 8,7 %, XIRR 37,34 %, DDB 1,32 … 22,12.
struct FinancialFunctionTests {
    static let cases: [(String, Double)] = [
        ("=PMT(0.08/12,10,10000)", -1037.03208935915),
        ("=PMT(0.06/12,18*12,0,50000)", -129.081160867991),
        ("=PMT(0,10,1000)", -100),
        ("=PMT(0.05,10,1000,100,1)", -130.909554725717),
        ("=PV(0.08/12,12*20,500,,0)", -59777.1458511878),
        ("=PV(0,10,-100)", 1000),
        ("=PV(0.05,10,-100,1000,1)", 196.868914023647),
        ("=FV(0.06/12,10,-200,-500,1)", 2581.40337406014),
        ("=FV(0.12/12,12,-1000)", 12682.503013197),
        ("=FV(0,10,-100,-1000)", 2000),
        ("=FV(0.11/12,35,-2000,,1)", 82846.2463719006),
        ("=NPER(0.12/12,-100,-1000,10000,1)", 59.6738656742946),
        ("=NPER(0.12/12,-100,-1000,10000)", 60.0821228537617),
        ("=NPER(0.12/12,-100,-1000)", -9.57859403981317),
        ("=NPER(0,-100,1000)", 10),
        ("=RATE(4*12,-200,8000)", 0.00770147248823279),
        ("=RATE(4*12,-200,8000)*12", 0.0924176698587934),
        ("=RATE(10,-100,800)", 0.042774978035111794),
        ("=RATE(10,-100,800,0,1)", 0.0534461673930379),
        ("=NPV(0.1,-10000,3000,4200,6800)", 1188.44341233522),
        ("=NPV(0.08,8000,9200,10000,12000,14500)+(-40000)", 1922.06155493236),
        ("=NPV(0.08,8000,9200,10000,12000,14500,-9000)+(-40000)", -3749.46508701557),
        ("=IRR({-70000,12000,15000,18000,21000})", -0.021244848273411),
        ("=IRR({-70000,12000,15000,18000,21000,26000})", 0.0866309480365316),
        ("=IRR({-70000,12000,15000},-0.1)", -0.443506941334741),
        ("=EFFECT(0.0525,4)", 0.0535426673707582),
        ("=NOMINAL(0.053543,4)", 0.052500319868355995),
        ("=SLN(30000,7500,10)", 2250),
        ("=SYD(30000,7500,10,1)", 4090.90909090909),
        ("=SYD(30000,7500,10,10)", 409.090909090909),
        ("=DDB(2400,300,10*365,1)", 1.31506849315065),
        ("=DDB(2400,300,10*12,1,2)", 40),
        ("=DDB(2400,300,10,1,2)", 480),
        ("=DDB(2400,300,10,2,1.5)", 306),
        ("=DDB(2400,300,10,10)", 22.1225472000002),
        ("=IPMT(0.1/12,1,3*12,8000)", -66.6666666666667),
        ("=IPMT(0.1,3,3,8000)", -292.447129909365),
        ("=IPMT(0.1,2,3,8000,0,1)", -507.552870090635),
        ("=PPMT(0.1/12,1,2*12,2000)", -75.6231860083664),
        ("=PPMT(0.08,10,10,200000)", -27598.0534624214),
        ("=CUMIPMT(0.09/12,30*12,125000,13,24,0)", -11135.2321307508),
        ("=CUMIPMT(0.09/12,30*12,125000,1,1,0)", -937.5),
        ("=CUMPRINC(0.09/12,30*12,125000,13,24,0)", -934.107123420898),
        ("=CUMPRINC(0.09/12,30*12,125000,1,1,0)", -68.2782711809783),
        ("=FVSCHEDULE(1,{0.09,0.11,0.1})", 1.33089),
        ("=ISPMT(0.1/12,1,3*12,8000000)", -64814.8148148148),
        ("=ISPMT(0.1,1,3,8000000)", -533333.333333333),
        ("=PDURATION(0.025,2000,2200)", 3.85986616262265),
        ("=RRI(96,10000,11000)", 0.00099330737629133),
        ("=XNPV(0.09,{-10000,2750,4250,3250,2750},{39448,39508,39751,39859,39904})", 2086.64760203154),
        ("=XIRR({-10000,2750,4250,3250,2750},{39448,39508,39751,39859,39904})", 0.373362533518832),
        ("=SIN(PI()/6)", 0.5),
        ("=COS(1)", 0.54030230586814),
        ("=TAN(0.5)", 0.546302489843791),
        ("=ASIN(0.5)", 0.523598775598299),
        ("=ACOS(-0.5)", 2.0943951023932),
        ("=ATAN(1)", 0.785398163397448),
        ("=ATAN2(1,1)", 0.785398163397448),
        ("=ATAN2(-1,-1)", -2.35619449019235),
        ("=SINH(1)", 1.1752011936438),
        ("=COSH(1)", 1.54308063481524),
        ("=TANH(0.5)", 0.46211715726001),
        ("=ASINH(1)", 0.881373587019543),
        ("=ACOSH(2)", 1.31695789692482),
        ("=ATANH(0.5)", 0.549306144334055),
        ("=DEGREES(PI())", 180),
        ("=RADIANS(270)", 4.71238898038469),
        ("=SQRTPI(2)", 2.506628274631),
        ("=SEC(1)", 1.85081571768093),
        ("=CSC(1)", 1.18839510577812),
        ("=COT(1)", 0.642092615934331),
        ("=SECH(1)", 0.648054273663886),
        ("=CSCH(1)", 0.850918128239322),
        ("=COTH(2)", 1.03731472072755),
        ("=ACOT(2)", 0.463647609000806),
        ("=ACOTH(3)", 0.346573590279973),
    ]

    @Test(arguments: cases)
    func agreesWithLibreOffice(formula: String, expected: Double) throws {
        let value = try evaluate(formula)
        guard case .number(let n) = value else { Issue.record("\(formula): \(value)"); return }
        #expect(abs(n - expected) <= max(1e-12, abs(expected) * 1e-9), "\(formula): \(n), LibreOffice \(expected)")
    }

    /// Excel's errors for arguments outside each function's domain.
    @Test(arguments: [
        ("=PMT(0.1,0,100)", FormulaError.number), ("=IRR({1,2,3})", .number), ("=RATE(10,100,100)", .number),
        ("=SYD(100,0,5,6)", .number), ("=DDB(100,0,5,6)", .number), ("=NPV(-1,1)", .divisionByZero),
        ("=EFFECT(0,4)", .number), ("=NOMINAL(0.05,0)", .number), ("=PDURATION(0,1,2)", .number), ("=SLN(1,0,0)", .divisionByZero),
        ("=CUMIPMT(0.1,10,100,5,2,0)", .number), ("=CUMPRINC(0.1,10,100,1,2,2)", .number), ("=IPMT(0.1,11,10,100)", .number),
        ("=XNPV(0.1,{1,2},{2,1})", .number), ("=XIRR({-1,2},{1,2,3})", .number),
        ("=ASIN(2)", .number), ("=ACOS(-1.5)", .number), ("=ATAN2(0,0)", .divisionByZero), ("=COT(0)", .divisionByZero),
        ("=CSCH(0)", .divisionByZero), ("=ACOSH(0.5)", .number), ("=ATANH(1)", .number), ("=ACOTH(0.5)", .number), ("=SQRTPI(-1)", .number),
    ])
    func outsideTheDomainIsExcelsError(formula: String, error: FormulaError) throws {
        #expect(try evaluate(formula) == .error(error), "\(formula)")
    }

    /// A monthly loan paid off: the interest and principal of every month add up to the payments.
    @Test func aLoansInterestAndPrincipalAddUpToItsPayments() throws {
        let months = 24.0, rate = 0.05 / 12
        let pmt = try evaluate("=PMT(\(rate),\(months),100000)")
        let interest = try evaluate("=CUMIPMT(\(rate),\(months),100000,1,\(Int(months)),0)")
        let principal = try evaluate("=CUMPRINC(\(rate),\(months),100000,1,\(Int(months)),0)")
        guard case .number(let p) = pmt, case .number(let i) = interest, case .number(let q) = principal else { Issue.record("not numbers"); return }
        #expect(abs(q + 100000) < 1e-6)  // the whole loan is paid back
        #expect(abs((i + q) - p * months) < 1e-6)
    }
}
