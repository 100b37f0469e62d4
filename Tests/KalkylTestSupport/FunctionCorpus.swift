import Foundation
import KalkylEngine

/// The function corpus (Tests/KalkylEngineTests/Functions/Corpus): formulas with the values
/// LibreOffice computed for them, or Excel's documented value where a case says LibreOffice
/// differs (made by scripts/function-corpus.py). The engine's tests check the values, the
/// formats' tests an xlsx round trip.
public struct FunctionCorpus: Decodable, Sendable {
    public struct Expected: Decodable, Sendable {
        public var type: String
        public var value: JSONValue
    }
    public struct Case: Decodable, Sendable {
        public var family: String
        public var formula: String
        public var line: Int
        public var libreoffice: Expected
        public var excel: Expected?
        public var why: String?
    }
    public var data: [String: String]
    public var xlfn: [String]
    public var cases: [Case]

    public enum JSONValue: Decodable, Sendable {
        case number(Double), text(String), boolean(Bool)
        public init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .boolean(b) }
            else if let n = try? c.decode(Double.self) { self = .number(n) }
            else { self = .text(try c.decode(String.self)) }
        }
    }

    public static let shared: FunctionCorpus = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../KalkylEngineTests/Functions/Corpus/cases.json")
        return try! JSONDecoder().decode(FunctionCorpus.self, from: Data(contentsOf: url))
    }()

    /// One sheet, Cases, with the corpus's data in columns A–H and each case in column J of its
    /// own row, as LibreOffice computed them; recalculated.
    public func workbook() throws -> Workbook {
        let workbook = Workbook()
        try workbook.addSheet(named: "Cases")
        for (cell, text) in data {
            let input: CellInput = text.hasPrefix("\"") ? .constant(.text(String(text.dropFirst().dropLast()))) : .typed(text)
            try workbook.set(input, at: try workbook.location(of: cell))
        }
        for (row, c) in cases.enumerated() {
            try workbook.set(.formula("=" + c.formula), at: try workbook.location(of: "J\(row + 1)"))
        }
        workbook.recalculate()
        return workbook
    }
}
