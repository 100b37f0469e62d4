import Foundation
import KalkylEngine
import KalkylFormats
import KalkylTestSupport
import Testing

/// What a writer writes loads again, with the same values: random workbooks of awkward sheet
/// names, extreme numbers, texts with quotes, line breaks, control characters and emoji,
/// errors, formulas with line breaks, widths and formats, through .kalk and through xlsx.
struct WriteReadPropertyTests {
    static let sheetNames = ["Blad1", "My sheet", "Data 2", "O'Brien", "Fördelning", "Å-ä ö"]
    static let numbers: [Double] = [0, -0.0, 1, -2.5, 0.1, 1.0 / 3, 1e308, -1e308, .leastNonzeroMagnitude, 2.2250738585072014e-308, 123_456_789_012_345_680, 1e15, 1e-15]
    static let texts = ["", "a\"b", "line\nbreak", "cr\rlf", "tab\there", "\u{1}ctl", "_x0041_", "=not a formula", "'quoted", "😀 smile", "TRUE", "#N/A", "back\\slash", "  spaced  "]
    static let formulas = ["=A1+1", "=SUM(A:A)", "=\"a\nb\"&A2", "=LEN(\"x\ry\")", "=IF(A1>0,\"pos\",\"neg\")", "=1E+308*10", "=B1/0", "={1,2;3,4}", "=A1:A3", "=NOSUCH(1)", "=-A1%"]

    static func randomWorkbook(_ random: inout SeededRandom) throws -> Workbook {
        let workbook = Workbook()
        let names = sheetNames.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))
        for name in names { try workbook.addSheet(named: name) }
        for sheet in 0..<names.count {
            for _ in 0..<Int.random(in: 0...25, using: &random) {
                let location = CellLocation(sheet: sheet, address: CellAddress(row: Int32.random(in: 0..<30, using: &random), column: Int32.random(in: 0..<8, using: &random)))
                let input: CellInput
                switch Int.random(in: 0..<5, using: &random) {
                case 0: input = .constant(.number(numbers.randomElement(using: &random)!))
                case 1: input = .constant(.text(texts.randomElement(using: &random)!))
                case 2: input = .constant(.boolean(Bool.random(using: &random)))
                case 3: input = .constant(.error([FormulaError.notAvailable, .divisionByZero, .reference, .value, .name, .number].randomElement(using: &random)!))
                default: input = .formula(formulas.randomElement(using: &random)!)
                }
                try workbook.set(input, at: location)
            }
            let widths = Double(Int.random(in: 0...2550, using: &random)) / 10
            let format = ["0.0%", "#,##0", "yyyy-mm-dd", "0.00E+00"].randomElement(using: &random)!
            workbook.updateLayout(ofSheet: sheet) {
                $0.columnWidths = [Int32.random(in: 0..<8, using: &random): widths]
                $0.numberFormats = [(range: CellRange(CellAddress(row: 0, column: 0), CellAddress(row: 3, column: 1)), format: format)]
            }
        }
        workbook.recalculate()
        return workbook
    }

    static func values(_ workbook: Workbook) -> [String] {
        workbook.sheets.indices.flatMap { sheet in
            workbook.cells(inSheet: sheet).map { "\(workbook.sheets[sheet].name)!\($0.address) \($0.value.kindName) \($0.value)" }
        }
    }

    @Test func kalkTextLoadsAgainWithTheSameValuesAndText() throws {
        var random = SeededRandom(seed: 11)
        for _ in 0..<300 {
            let workbook = try Self.randomWorkbook(&random)
            let text = KalkWriter.text(of: workbook)
            let back = try KalkReader.read(text, file: "written.kalk").workbook
            back.recalculate()
            #expect(Self.values(back) == Self.values(workbook))
            #expect(KalkWriter.text(of: back) == text)
        }
    }

    @Test func xlsxLoadsAgainWithTheSameValues() throws {
        var random = SeededRandom(seed: 12)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-prop-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for _ in 0..<60 {
            let workbook = try Self.randomWorkbook(&random)
            try XlsxWriter.save(workbook, to: path)
            let back = try XlsxReader.load(path: path).workbook
            back.recalculate()
            #expect(Self.values(back) == Self.values(workbook))
            // And what came from xlsx saves as a .kalk that loads.
            #expect(throws: Never.self) { try KalkReader.read(KalkWriter.text(of: back)) }
        }
    }
}
