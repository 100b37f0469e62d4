import KalkylEngine
import Testing

/// Excel tables and structured references: the table of the Bilaga 2 kind, Region | Belopp |
/// Moms | Summa over A1:D5 with a totals row (A5:D5); every expected value is summed by hand.
struct TableTests {
    static func workbook(totals: Bool = true) throws -> Workbook {
        let workbook = try makeWorkbook([
            "A1": "Region", "B1": "Belopp", "C1": "Moms", "D1": "Summa",
            "A2": "Gotland", "B2": "1000000", "A3": "Skåne", "B3": "2000000", "A4": "Värmland", "B4": "750000",
        ])
        try workbook.addTable(Table(name: "Tabell1", sheet: 0, range: CellRange("A1:D\(totals ? 5 : 4)")!, hasTotalsRow: totals,
                                    columns: ["Region", "Belopp", "Moms", "Summa"]))
        for row in 2...4 {
            try workbook.set(.formula("=Tabell1[[#This Row],[Belopp]]*0.25"), at: try workbook.location(of: "C\(row)"))
            try workbook.set(.formula("=B\(row)+C\(row)"), at: try workbook.location(of: "D\(row)"))
        }
        if totals { try workbook.set(.formula("=SUBTOTAL(109,Tabell1[Summa])"), at: try workbook.location(of: "D5")) }
        workbook.recalculate()
        return workbook
    }

    static let cases: [(formula: String, expected: Value)] = [
        ("=SUM(Tabell1[Belopp])", .number(3_750_000)),
        ("=SUM(tabell1[BELOPP])", .number(3_750_000)),  // names ignore case, as in Excel
        ("=SUM(Tabell1[[Belopp]:[Summa]])", .number(3_750_000 * 2.5)),
        ("=SUM(Tabell1[[Summa]:[Belopp]])", .number(3_750_000 * 2.5)),
        ("=COUNTA(Tabell1[#Headers])", .number(4)),
        ("=Tabell1[[#Headers],[Moms]]", .text("Moms")),
        ("=Tabell1[[#Totals],[Summa]]", .number(4_687_500)),
        ("=COUNTA(Tabell1[#All])", .number(16 + 1)),  // 4 headers, 3 regions, 3 × 3 numbers, the total
        ("=ROWS(Tabell1[[#Data],[#Totals],[Region]])", .number(4)),
        ("=ROWS(Tabell1)", .number(3)),
        ("=ROWS(Tabell1[])", .number(3)),
        ("=SUM(Tabell1[#Data])", .number(3_750_000 * 2.5)),
        ("=Tabell1[[#Headers],[#Totals],[Region]]", .error(.reference)),  // not side by side
        ("=SUM(Tabell1[Antal])", .error(.reference)),
        ("=SUM(Tabell2[Belopp])", .error(.name)),
    ]

    @Test(arguments: cases)
    func structuredReferenceGivesTheTablesCells(formula: String, expected: Value) throws {
        let workbook = try Self.workbook()
        try workbook.set(.formula(formula), at: try workbook.location(of: "F1"))
        workbook.recalculate()
        #expect(try workbook.value("F1") == expected, "\(formula)")
    }

    @Test func thisRowIsTheFormulasOwnRow() throws {
        let workbook = try Self.workbook()
        #expect(try ["C2", "C3", "C4", "D2", "D5"].map(workbook.value) == [.number(250_000), .number(500_000), .number(187_500), .number(1_250_000), .number(4_687_500)])
        // Filled down, the three are one formula, relative to their row.
        #expect(workbook.formula(at: try workbook.location(of: "C2")) === workbook.formula(at: try workbook.location(of: "C4")))
    }

    @Test func anEditRecalculatesWhatReadsTheTable() throws {
        let workbook = try Self.workbook()
        try workbook.set(.formula("=SUM(Tabell1[Belopp])"), at: try workbook.location(of: "F1"))
        workbook.recalculate()
        try workbook.set(.constant(.number(1_050_000)), at: try workbook.location(of: "B2"))
        let changes = workbook.recalculate().changes.map { workbook.name(of: $0.location) }
        #expect(Set(changes) == ["Sheet1!B2", "Sheet1!C2", "Sheet1!D2", "Sheet1!D5", "Sheet1!F1"])
        #expect(try workbook.value("F1") == .number(3_800_000))
        #expect(try workbook.value("D5") == .number(4_750_000))
    }

    @Test func printsAsExcelStoresIt() throws {
        for text in ["=SUM(Tabell1[Belopp])", "=Tabell1[[#This Row],[Belopp]]*2", "=Tabell1[#Totals]", "=SUM(Tabell1[[#Headers],[Belopp]:[Moms]])",
                     "=Tabell1[[Belopp, kr]]", "=Tabell1[[It'#1]]"] {
            let expression = try FormulaParser.parse(text, at: CellAddress("F1")!)
            #expect(FormulaPrinter.formula(expression, at: CellAddress("F1")!) == text)
        }
        // Excel's editor form `[@Belopp]` is the same reference as the stored form.
        #expect(try FormulaParser.parse("=Tabell1[@Belopp]", at: CellAddress("F1")!) == FormulaParser.parse("=Tabell1[[#This Row],[Belopp]]", at: CellAddress("F1")!))
    }

    @Test(arguments: ["=Tabell1[Belopp", "=Tabell1[[#Nonsense]]", "=Tabell1[[Belopp]x]", "=Tabell1[[Belopp],[Moms]]"])
    func aMalformedTableReferenceIsASyntaxError(text: String) {
        #expect(throws: FormulaSyntaxError.self) { try FormulaParser.parse(text, at: CellAddress("F1")!) }
    }

    @Test func aTableIsRefusedWhenItsColumnsDoNotFit() throws {
        let workbook = try Self.workbook()
        #expect(throws: WorkbookError.invalidTable("Tabell2", reason: "has 1 column names for 2 columns")) {
            try workbook.addTable(Table(name: "Tabell2", sheet: 0, range: CellRange("H1:I3")!, columns: ["A"]))
        }
        #expect(throws: WorkbookError.invalidTable("Tabell3", reason: "overlaps the table Tabell1")) {
            try workbook.addTable(Table(name: "Tabell3", sheet: 0, range: CellRange("D4:E6")!, columns: ["A", "B"]))
        }
    }

    @Test func aRowTypedRightBelowATableJoinsItAndGetsItsCalculatedColumns() throws {
        let workbook = try Self.workbook(totals: false)
        try workbook.set(.formula("=SUM(Tabell1[Summa])"), at: try workbook.location(of: "F1"))
        workbook.recalculate()
        let b5 = try workbook.location(of: "B5")
        try workbook.set(.constant(.number(400_000)), at: b5)
        let growth = workbook.growTables(toInclude: [b5])
        workbook.recalculate()
        #expect(growth.grown == ["Tabell1"])
        #expect(workbook.table(named: "Tabell1")?.range == CellRange("A1:D5"))
        // Moms (a structured reference) and Summa (B+C) are filled down; Region is no formula.
        #expect(growth.filled.map { workbook.name(of: $0.0) } == ["Sheet1!C5", "Sheet1!D5"])
        #expect(try workbook.value("C5") == .number(100_000) && workbook.value("D5") == .number(500_000))
        #expect(try workbook.value("F1") == .number(4_687_500 + 500_000))
        // Two rows below is not right below: nothing grows.
        let b7 = try workbook.location(of: "B7")
        try workbook.set(.constant(.number(1)), at: b7)
        #expect(workbook.growTables(toInclude: [b7]).grown.isEmpty)
        // Nor does a table with a totals row.
        let totals = try Self.workbook(totals: true)
        let b6 = try totals.location(of: "B6")
        try totals.set(.constant(.number(1)), at: b6)
        #expect(totals.growTables(toInclude: [b6]).grown.isEmpty)
    }
}
