import Foundation
import Testing

/// `kalkyl new` and the shipped templates and workbooks, as a user runs them.
struct TemplateCommandTests {
    @Test func listsTheTemplatesWithTitles() throws {
        let outcome = try KalkylProcess.run(["new", "--list"])
        #expect(outcome.status == 0)
        let names = outcome.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(names == ["aktivitetstabell", "befolkningsandel", "ekonomisk-redovisning", "grundbelopp-befolkningsandel", "lika-fordelning", "mottagare", "rekvisition"])
        #expect(outcome.stdout.contains("Grundbelopp per region + resten efter befolkningsandel (Bilaga 1, civilt försvar 2023)"))
    }

    @Test func describesATemplatesParameters() throws {
        let outcome = try KalkylProcess.run(["new", "lika-fordelning", "--parameters"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("totalbelopp             Totalt belopp, kr (number, default 12000000, min 0, cell Parametrar!B1)"))
        #expect(outcome.stdout.contains("eget_arbete"))
    }

    @Test func makesAWorkbookWithGivenParameters() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ny.kalk").path
        let made = try KalkylProcess.run(["new", "grundbelopp-befolkningsandel", "-o", path, "--set", "grundbelopp=7 000 000"])
        #expect(made.status == 0)
        #expect(try KalkylProcess.run(["eval", path, "Fördelning!D2"]).stdout == "7000000\n")
        #expect(try KalkylProcess.run(["eval", path, "Fördelning!F23"]).stdout == "400000000\n")
        // An existing file is not overwritten unless asked.
        let again = try KalkylProcess.run(["new", "grundbelopp-befolkningsandel", "-o", path])
        #expect(again.status == 2 && again.stderr == "kalkyl: \(path) exists (use --force to overwrite it)\n")
    }

    @Test func badParametersAreAllNamedAndNothingIsWritten() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("fel.kalk").path
        let outcome = try KalkylProcess.run(["new", "grundbelopp-befolkningsandel", "-o", path,
                                             "--set", "totalbelopp=-5", "--set", "befolkning_gotland=61167.5", "--set", "befolkningsdatum=1 nov"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("kalkyl: parameter 'totalbelopp' (Totalt belopp att fördela, kr): must be at least 0, got -5\n"))
        #expect(outcome.stderr.contains("kalkyl: parameter 'befolkning_gotland' (Region Gotland, invånare): must be a whole number, got '61167.5'\n"))
        #expect(outcome.stderr.contains("kalkyl: parameter 'befolkningsdatum' (Befolkningen per datum): must be a date written yyyy-mm-dd, got '1 nov'\n"))
        #expect(!FileManager.default.fileExists(atPath: path))

        // The 850 Mkr key has no populations in the seeds: every region must be given.
        let missing = try KalkylProcess.run(["new", "befolkningsandel", "-o", path, "--set", "befolkning_stockholm=2500000", "--set", "antal=3"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("kalkyl: parameter 'befolkning_blekinge' (Region Blekinge, invånare): is required\n"))
        #expect(!missing.stderr.contains("befolkning_stockholm' (Region Stockholm"))
        #expect(missing.stderr.contains("kalkyl: parameter 'antal' (unknown): no such parameter"))
        #expect(missing.stderr.split(separator: "\n").count == 22)  // 20 regions missing + 1 unknown name + "nothing written"
        #expect(missing.stderr.hasSuffix("kalkyl: nothing written\n"))

        let unknown = try KalkylProcess.run(["new", "no-such-template", "-o", path])
        #expect(unknown.status == 2 && unknown.stderr.hasPrefix("kalkyl: no template 'no-such-template' in "))
    }

    @Test func theShippedWorkbooksAreWhatTheTemplatesMake() throws {
        let directory = try KalkylProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = KalkylProcess.packageRoot.appendingPathComponent("scripts/make-workbooks.sh").path
        #expect(try KalkylProcess.runTool("/bin/bash", [script, directory.path, KalkylProcess.executable.path]) == 0)
        for name in ["bilaga1-civilt-forsvar-2023.kalk", "vardkapacitet-2024.kalk", "aktiviteter-jamtland-harjedalen-2025.kalk"] {
            let made = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            let shipped = try String(contentsOf: KalkylProcess.packageRoot.appendingPathComponent("Workbooks/\(name)"), encoding: .utf8)
            #expect(made == shipped, "\(name)")
        }
    }

    @Test func checkPassesAndExportPrintsEveryShippedWorkbook() throws {
        let folder = KalkylProcess.packageRoot.appendingPathComponent("Workbooks")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".kalk") }.sorted()
        #expect(files.count == 4)
        for file in files {
            let path = "Workbooks/\(file)"
            let check = try KalkylProcess.run(["check", path])
            #expect(check.status == 0 && check.stdout.hasPrefix("ok: "), "\(file): \(check.stdout)\(check.stderr)")
            let csv = try KalkylProcess.run(["export", path, "--format", "csv", "--sheet", file.hasPrefix("aktiviteter") ? "Aktiviteter" : "Fördelning", "--formatted", "--swedish"])
            #expect(csv.status == 0)
            #expect(csv.stdout.split(separator: "\r\n").count >= 5)
        }
        let bilaga1 = try KalkylProcess.run(["export", "Workbooks/bilaga1-civilt-forsvar-2023.kalk", "--format", "csv", "--sheet", "Fördelning", "--formatted", "--swedish"])
        #expect(bilaga1.stdout.contains("Region Västerbotten;276 136;2,6%;6 500 000;6 919 998;13 419 998\r\n"))
        #expect(bilaga1.stdout.hasSuffix("Totalsumma;10 514 719;100,0%;136 500 000;263 500 000;400 000 000\r\n"))
    }
}
