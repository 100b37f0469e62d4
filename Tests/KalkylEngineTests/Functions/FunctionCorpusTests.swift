import Foundation
import KalkylEngine
import KalkylTestSupport
import Testing

/// The function corpus (`Corpus/cases.txt`): formulas, mostly the examples of Excel's function
/// reference, with the values LibreOffice computed for them (`Corpus/cases.json`, made by
/// `scripts/function-corpus.py`), or Excel's documented value where a case says LibreOffice
/// differs. Every case runs in one sheet with the corpus's data in columns A–H, as it did in
/// LibreOffice.
struct FunctionCorpusTests {
    static let corpus = FunctionCorpus.shared

    /// Numbers agree to 1e-9 relative (the issue's bar for Excel's accuracy), or 1e-15 absolute near zero.
    static func matches(_ value: Value, _ expected: FunctionCorpus.Expected) -> Bool {
        switch (expected.type, expected.value, value) {
        case ("n", .number(let e), .number(let v)): return abs(v - e) <= max(1e-15, abs(e) * 1e-9)
        case ("s", .text(let e), .text(let v)): return v == e
        case ("b", .boolean(let e), .boolean(let v)): return v == e
        case ("e", .text(let e), .error(let v)): return v.code == e
        default: return false
        }
    }

    static func computed() throws -> [Value] {
        let workbook = try corpus.workbook()
        return try corpus.cases.indices.map { try workbook.value("J\($0 + 1)") }
    }

    @Test func everyCaseHasExcelsValue() throws {
        let values = try Self.computed()
        var failures: [String] = []
        var passedByFamily: [String: (passed: Int, all: Int)] = [:]
        for (c, value) in zip(Self.corpus.cases, values) {
            let expected = c.excel ?? c.libreoffice
            let ok = Self.matches(value, expected)
            passedByFamily[c.family, default: (0, 0)].all += 1
            if ok { passedByFamily[c.family]!.passed += 1 } else {
                failures.append("cases.txt:\(c.line): =\(c.formula) gave \(value), expected \(expected.value)\(c.excel != nil ? " (Excel)" : "")")
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) of \(values.count) cases differ:\n" + failures.joined(separator: "\n")))
        print(passedByFamily.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.passed)/\($0.value.all)" }.joined(separator: "\n"))
    }

    /// Excel 365 functions newer than XlsxWriter's list, which Excel also writes with `_xlfn.`.
    static let prefixedBeyondXlsxWriter: Set<String> = ["REGEXTEST", "REGEXEXTRACT", "REGEXREPLACE"]

    @Test func xlsxPrefixesEveryFunctionAsExcelDoes() {
        let expected = Set(Self.corpus.xlfn).union(Self.prefixedBeyondXlsxWriter)
        for name in FunctionRegistry.names {
            #expect(XlsxFunctionNames.prefixed(name).hasPrefix("_xlfn.") == expected.contains(name), "\(name)")
        }
    }

    /// Every function Kalkyl knows is called in at least three test cases: in the corpus or in
    /// the engine's other tests (counted as `NAME(` in their sources).
    @Test func everyFunctionHasThreeCases() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        var text = ""
        let files = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" || url.lastPathComponent == "cases.txt" {
            text += try String(contentsOf: url, encoding: .utf8).uppercased() + "\n"
        }
        let calls = Self.callCounts(in: text)
        let few = FunctionRegistry.names.filter { calls[$0, default: 0] < 3 }
        #expect(few.isEmpty, Comment(rawValue: "fewer than three cases: " + few.joined(separator: ", ")))
        // Issue 14's bar: Excel's breadth, at least 400 names.
        #expect(FunctionRegistry.names.count >= 400)
        print("kalkyl knows \(FunctionRegistry.names.count) function names")
    }

    /// How often each name is followed by `(`, not as the tail of a longer name.
    static func callCounts(in text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "(" else { i += 1; continue }
            var start = i
            while start > 0, Self.isNameScalar(scalars[start - 1]) { start -= 1 }
            if start < i {
                var name = String(String.UnicodeScalarView(scalars[start..<i]))
                if name.hasPrefix("_XLFN.") { name.removeFirst(6) }
                counts[name, default: 0] += 1
            }
            i += 1
        }
        return counts
    }

    static func isNameScalar(_ s: Unicode.Scalar) -> Bool {
        (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "." || s == "_" || s == "Ä" || s == "Å" || s == "Ö"
    }
}
