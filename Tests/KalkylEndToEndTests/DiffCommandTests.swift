import Foundation
import Testing

/// `kalkyl diff` as a script uses it: exit 0 when equal, 1 when different, 2 on bad input;
/// JSON with every differing cell. The figures: 7 000 000 + 253 000 000 × population /
/// 10 514 719 against 6 500 000 + 263 500 000 × population / 10 514 719, rounded.
struct DiffCommandTests {
    static let bilaga1 = "Workbooks/bilaga1-civilt-forsvar-2023.kalk"

    func raisedBaseAmount(in directory: URL) throws -> String {
        let raised = directory.appendingPathComponent("bilaga1-7.kalk").path
        let set = try KalkylProcess.run(["set", Self.bilaga1, "Parametrar!B2=7000000", "-o", raised])
        #expect(set.status == 0, "\(set.stderr)")
        return raised
    }

    @Test func differencesAreListedByCellWithTheirLabelsAndExitOne() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let raised = try raisedBaseAmount(in: directory)
        let diff = try KalkylProcess.run(["diff", Self.bilaga1, raised])
        #expect(diff.status == 1)
        let lines = diff.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("  F13 ") && $0.contains("Region Stockholm · Totalt") && $0.hasSuffix("67 575 444  →   65 641 698   −1 933 746") })
        #expect(lines.contains { $0.hasPrefix("  F4 ") && $0.contains("Region Gotland · Totalt") && $0.hasSuffix("+438 918") })
        #expect(lines.contains { $0.hasPrefix("  B2  input  Grundbelopp per region") })
        #expect(lines.last == "Fördelning: 65 computed values differ in 22 rows; unchanged: F23 (Totalsumma · Totalt) at 400 000 000")

        let same = try KalkylProcess.run(["diff", Self.bilaga1, Self.bilaga1])
        #expect(same.status == 0)
        #expect(same.stdout == "no differences between \(Self.bilaga1) and \(Self.bilaga1)\n")
        #expect(try KalkylProcess.run(["diff", Self.bilaga1, "nope.kalk"]).status == 2)
        #expect(try KalkylProcess.run(["diff", Self.bilaga1, raised, "--format", "xml"]).status == 2)
    }

    @Test func jsonAndCSVForScripts() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let raised = try raisedBaseAmount(in: directory)
        let json = try KalkylProcess.run(["diff", Self.bilaga1, raised, "--format", "json", "--sheet", "Fördelning"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["equal"] as? Bool == false)
        let sheets = try #require(object["sheets"] as? [[String: Any]])
        #expect(sheets.map { $0["sheet"] as? String } == ["Fördelning"])  // --sheet
        let cells = try #require(sheets.first?["cells"] as? [[String: Any]])
        #expect(cells.count == 65)
        let stockholm = try #require(cells.first { $0["cell"] as? String == "F13" })
        #expect(stockholm["difference"] as? Double == -1_933_746)
        #expect((stockholm["old"] as? [String: Any])?["formula"] as? String == "=D13+E13")
        #expect(stockholm["kind"] as? String == "computed")

        let csv = try KalkylProcess.run(["diff", Self.bilaga1, raised, "--format", "csv"])
        let rows = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.first == "sheet,cell,kind,label,old,new,difference,old formula,new formula")
        #expect(rows.contains("Fördelning,F4,computed,Region Gotland · Totalt,8032852,8471770,438918,'=D4+E4,'=D4+E4"))
        #expect(rows.count == 1 + 2 + 65)
    }

    /// Two versions of one file, as git keeps them: the old one from a pipe.
    @Test func theOldVersionMayComeFromAPipe() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let raised = try raisedBaseAmount(in: directory)
        let script = "\"\(KalkylProcess.executable.path)\" diff <(cat \(Self.bilaga1)) \"\(raised)\" --sheet Parametrar"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = KalkylProcess.packageRoot
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(text.contains("B2  input  Grundbelopp per region                6 500 000  →    7 000 000     +500 000"))
    }
}
