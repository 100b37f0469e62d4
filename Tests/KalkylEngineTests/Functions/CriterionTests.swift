import Testing

/// The criteria of COUNTIF, SUMIF and their relatives, as Criterion.swift writes them down.
/// Values computed by LibreOffice for the same cells, except where Excel's documented rules
/// differ (marked): LibreOffice treats truth values as numbers and lets wildcards match numbers.
struct CriterionTests {
    ///       A                  B
    ///   1   23                 1
    ///   2   "23" (text)        2
    ///   3   24                 3
    ///   4   (blank)            4
    ///   5   ="" (empty text)   5
    ///   6   TRUE               6
    ///   7   #N/A               7
    ///   8   apple              8
    ///   9   a*b                9
    ///  10   2024-01-01         10
    ///  11   2024-02-01         11
    ///  12   Apple pie          12
    ///  13   0                  13
    ///  14   FALSE              14
    ///  15   "TRUE" (text)      15
    static let cells: [String: String] = {
        var cells: [String: String] = [
            "A1": "23", "A2": "'23", "A3": "24", "A5": "=\"\"", "A6": "TRUE", "A7": "=NA()", "A8": "apple", "A9": "a*b",
            "A10": "=DATE(2024,1,1)", "A11": "=DATE(2024,2,1)", "A12": "Apple pie", "A13": "0", "A14": "FALSE", "A15": "'TRUE",
        ]
        for i in 1...15 { cells["B\(i)"] = "\(i)" }
        return cells
    }()

    @Test(arguments: [
        ("=COUNTIF(A1:A15,\"<>23\")", 13.0),
        ("=COUNTIF(A1:A15,\"23\")", 2), ("=COUNTIF(A1:A15,\"=23\")", 2),
        ("=COUNTIF(A1:A15,23)", 2),  // LibreOffice: 1; Excel matches text "23" for a number criterion too
        ("=COUNTIF(A1:A15,\">\"&\"\")", 0), ("=COUNTIF(A1:A15,\"<\"&\"\")", 0),  // LibreOffice: 5 and 0
        ("=SUMIF(A1:A15,\">\"&\"\",B1:B15)", 0),
        ("=COUNTIF(A1:A15,\"=\")", 1), ("=SUMIF(A1:A15,\"=\",B1:B15)", 4),
        ("=COUNTIF(A1:A15,\"<>\")", 14), ("=COUNTIF(A1:A15,\"<>\"&\"\")", 14), ("=COUNTIF(A1:A15,\"\")", 2),
        ("=COUNTIF(A1:A15,TRUE)", 1), ("=COUNTIF(A1:A15,FALSE)", 1), ("=COUNTIF(A1:A15,0)", 1),  // LibreOffice: FALSE is 0
        ("=COUNTIF(A1:A15,\"<=0\")", 1), ("=COUNTIF(A1:A15,\"<24\")", 2),
        ("=COUNTIF(A1:A15,\"#N/A\")", 1),
        ("=COUNTIF(A1:A15,\"a*\")", 3), ("=COUNTIF(A1:A15,\"a~*b\")", 1), ("=COUNTIF(A1:A15,\"<>a*\")", 12),
        ("=COUNTIF(A1:A15,\"?????\")", 1), ("=COUNTIF(A1:A15,\"*\")", 6), ("=COUNTIF(A1:A15,\"*e*\")", 3),  // wildcards: text only
        ("=COUNTIF(A1:A15,\">2024-01-15\")", 1), ("=COUNTIF(A1:A15,\">=23\")", 4), ("=COUNTIF(A1:A15,\"> 23\")", 3),
        ("=COUNTIF(A1:A15,\">apple\")", 2), ("=COUNTIF(A1:A15,\"<b\")", 5), ("=COUNTIF(A1:A15,\"APPLE\")", 1),
        ("=SUMIF(A1:A15,\"<>23\",B1:B15)", 117), ("=COUNTIFS(A1:A15,\"<>\",B1:B15,\">5\")", 10),
        ("=AVERAGEIF(A1:A15,\">=23\",B1:B15)", 6.25), ("=MAXIFS(B1:B15,A1:A15,\"<>\")", 15),
    ])
    func criterion(formula: String, expected: Double) throws {
        #expect(try evaluate(formula, Self.cells) == .number(expected), "\(formula)")
    }
}
