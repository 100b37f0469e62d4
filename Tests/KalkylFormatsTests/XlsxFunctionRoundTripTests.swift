import Foundation
import KalkylEngine
import KalkylFormats
import KalkylTestSupport
import Testing
import ZIPFoundation

/// Every formula of the function corpus (Tests/KalkylEngineTests/Functions/Corpus) saved as
/// xlsx and opened again: each reads back as the same formula with the same value, and the
/// sheet part names each newer function with Excel's `_xlfn.` prefix.
struct XlsxFunctionRoundTripTests {
    @Test func everyCorpusFormulaSurvivesAnXlsxRoundTrip() throws {
        let corpus = FunctionCorpus.shared
        let workbook = try corpus.workbook()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try WorkbookFile.save(workbook, to: path)
        let reopened = try WorkbookFile.load(path)
        var differences: [String] = []
        for row in corpus.cases.indices {
            let location = try workbook.location(of: "J\(row + 1)")
            let before = workbook.formulaText(at: location), after = reopened.formulaText(at: location)
            if before != after { differences.append("J\(row + 1): \(before ?? "-") became \(after ?? "-")") }
            let (v, w) = (workbook.value(at: location), reopened.value(at: location))
            // Volatile cases (RAND, NOW) may differ; every other value must be the same.
            if v != w, !(before ?? "").contains("RAND"), !(before ?? "").contains("NOW") {
                differences.append("J\(row + 1): \(before ?? "") gave \(v), then \(w)")
            }
        }
        #expect(differences.isEmpty, Comment(rawValue: differences.joined(separator: "\n")))

        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var sheet = Data()
        _ = try archive.extract(try #require(archive["xl/worksheets/sheet1.xml"])) { sheet.append($0) }
        let xml = String(decoding: sheet, as: UTF8.self)
        for name in ["NORM.DIST", "PERCENTILE.INC", "TEXTBEFORE", "BITAND", "IMCOSH", "CONCAT", "FORMULATEXT"] {
            #expect(xml.contains("_xlfn.\(name)("), "\(name) without _xlfn.")
        }
        for name in ["NORMDIST", "PERCENTILE", "DSUM", "PRICE", "CONVERT", "BESSELJ"] {
            #expect(xml.contains(">\(name)(") || xml.contains("(\(name)(") || xml.contains(",\(name)("), "\(name) as written")
            #expect(!xml.contains("_xlfn.\(name)("), "\(name) needs no prefix")
        }
    }
}
