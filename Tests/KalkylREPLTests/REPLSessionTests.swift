import Foundation
import KalkylEngine
import KalkylFormats
import KalkylREPL
import Testing

/// Every REPL command through `REPLSession.execute`, as the loop runs it.
struct REPLSessionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func bilaga1() throws -> REPLSession {
        let session = try REPLSession.open(Self.root.appendingPathComponent("Workbooks/bilaga1-civilt-forsvar-2023.kalk").path)
        session.templates = TemplateLibrary(directory: Self.root.appendingPathComponent("Templates"))
        return session
    }

    func values(_ workbook: Workbook) -> [String] {
        workbook.sheets.indices.flatMap { sheet in workbook.cells(inSheet: sheet).map { "\(sheet)!\($0.address)=\($0.value)" } }
    }

    /// The README's spill demo: the regions ranked by their total, following a population edit.
    @Test func aSortedRankingSpillsAndFollowsAnEdit() throws {
        let session = try bilaga1()
        _ = session.execute("use Fördelning")
        let spilled = session.execute("H2 = =SORTERA(A2:F22;6;-1)").output
        #expect(spilled.contains("Fördelning!H2  (tom) → \"Region Stockholm\""))
        #expect(spilled.contains("126 changed, 1 recalculated in "))  // 21 × 6 cells
        let shown = session.execute("show H2").output
        #expect(shown.contains("formula: =SORTERA(A2:F22;6;-1)"))
        #expect(shown.contains("spills:  H2:M22 (21 × 6)"))
        #expect(shown.contains("22  Region Gotland"))
        let covered = session.execute("show M22").output
        #expect(covered.contains("spilled from Fördelning!H2  =SORTERA(A2:F22;6;-1)"))
        let edited = session.execute("B11 = 2500000").output
        #expect(edited.contains("Fördelning!H2  \"Region Stockholm\" → \"Region Norrbotten\""))
        #expect(edited.contains("Fördelning!H3  \"Västra Götalandsregionen\" → \"Region Stockholm\""))
        _ = session.execute("undo")
        #expect(session.workbook.value(at: try session.workbook.location(of: "Fördelning!H2")) == .text("Region Stockholm"))
        let blocked = session.execute("M10 = 1").output
        #expect(blocked.contains("Fördelning!H2  \"Region Stockholm\" → #SPILL!"))
        #expect(session.execute("show H2").output.contains("spill:   H2:M22 (21 × 6), blocked by M10"))
    }

    @Test func aRowTypedBelowATableGrowsItAndUndoShrinksItAgain() throws {
        let text = """
            kalkyl 1
            locale sv

            sheet Blad1
            table Tabell1 A1:C3 "Region" "Belopp" "Moms"
            A1 "Region"
            B1 "Belopp"
            C1 "Moms"
            A2 "Gotland"
            B2 100
            C2 =Tabell1[[#This Row],[Belopp]]*0.25
            A3 "Skåne"
            B3 200
            C3 =Tabell1[[#This Row],[Belopp]]*0.25
            E1 =SUM(Tabell1[Moms])

            """
        let session = REPLSession(document: try KalkReader.read(text, file: "t.kalk"), path: nil)
        let original = values(session.workbook)
        let edit = session.execute("B4 = 400")
        #expect(edit.output.hasPrefix("  table Tabell1 now A1:C4\n"))
        #expect(edit.output.contains("  Blad1!C4  (tom) → 100\n"))
        #expect(edit.output.contains("  Blad1!E1  75 → 175\n"))
        #expect(session.workbook.table(named: "Tabell1")?.range == CellRange("A1:C4"))
        _ = session.execute("undo")
        #expect(session.workbook.table(named: "Tabell1")?.range == CellRange("A1:C3"))
        #expect(values(session.workbook) == original)
        _ = session.execute("redo")
        #expect(session.workbook.table(named: "Tabell1")?.range == CellRange("A1:C4"))
        #expect(try session.workbook.value(at: session.workbook.location(of: "E1")) == .number(175))
    }

    @Test func raisingTheBaseAmountListsTheChangesAndUndoRestoresEverything() throws {
        let session = try bilaga1()
        let original = values(session.workbook)
        session.changeLimit = 100
        let edit = session.execute("Parametrar!B2 = 7000000")
        #expect(!edit.failed)
        let lines = edit.output.split(separator: "\n")
        // Each region's base amount, amount and total, the remainder, the column totals: 67 cells.
        #expect(lines.last?.hasPrefix("67 changed, 67 recalculated in ") == true)
        #expect(lines.contains("  Fördelning!D2  6 500 000 → 7 000 000"))
        #expect(lines.contains("  Fördelning!E13  61 075 444 → 58 641 698"))
        #expect(lines.contains("  Fördelning!D23  136 500 000 → 147 000 000"))
        #expect(!edit.output.contains("Fördelning!F23"))  // the grand total does not move
        #expect(session.execute("eval Fördelning!F23").output == "400000000\n")  // General format, as Excel
        let undo = session.execute("undo")
        #expect(undo.output.hasPrefix("undo: Parametrar!B2 = 7000000\n"))
        #expect(values(session.workbook) == original)
        #expect(session.execute("redo").output.contains("Fördelning!D2  6 500 000 → 7 000 000"))
        #expect(session.execute("undo").output.contains("67 changed"))
        #expect(session.execute("undo").warning == "nothing to undo")
    }

    @Test func listsAtMostNChangesThenACount() throws {
        let session = try bilaga1()
        session.changeLimit = 5
        let output = session.execute("Parametrar!B1 = 410000000").output
        #expect(output.split(separator: "\n").count == 7)
        #expect(output.contains("  … and "))
    }

    @Test func fillsAFormulaDownARangeWithRelativeReferences() throws {
        let session = try REPLSession.open(nil)
        session.askedLocale = .swedish
        #expect(!session.execute("A1:A3 = 10").failed)
        #expect(!session.execute("B1:B3 = =A1*2").failed)
        #expect(session.workbook.formulaText(at: try session.workbook.location(of: "B3")) == "=A3*2")
        #expect(session.execute("show B3").output == "Blad1!B3\n  formula: =A3*2\n  value:   20 (number)\n")
        #expect(session.execute("undo").output.contains("Blad1!B3  20 → (tom)"))
        #expect(session.workbook.formula(at: try session.workbook.location(of: "B1")) == nil)
    }

    @Test func aSyntaxErrorChangesNothingAndPointsAtThePlace() throws {
        let session = try bilaga1()
        let before = values(session.workbook)
        let outcome = session.execute("C2 = =SUM(B2:B3")
        #expect(outcome.error == "  C2 = =SUM(B2:B3\n                 ^ expected ';' or ')' in the arguments of SUM, found the end of the formula")
        #expect(values(session.workbook) == before)
        #expect(session.execute("undo").warning == "nothing to undo")
        #expect(session.execute("eval 1+").error == "  eval 1+\n         ^ expected a value, reference or function, found the end of the formula")
    }

    @Test func aCycleShowsItsPathAndTheWorkbookStaysUsable() throws {
        let session = try REPLSession.open(nil)
        _ = session.execute("A1 = 1")
        _ = session.execute("B1 = =A1+1")
        let cycle = session.execute("A1 = =B1+1")
        #expect(cycle.output.contains("  circular reference: Blad1!A1 → Blad1!B1 → Blad1!A1\n"))
        #expect(session.execute("eval A1").output == "#CYCLE!\n")
        _ = session.execute("C1 = 5")
        #expect(session.execute("eval C1*2").output == "10\n")
        _ = session.execute("undo 2")
        #expect(session.execute("eval B1").output == "2\n")
    }

    @Test func showsCellsRangesAndSheets() throws {
        let session = try bilaga1()
        #expect(session.execute("show Fördelning!C2").output == """
            Fördelning!C2
              formula: =B2/$B$23
              value:   1,5 % (number)
              format:  0,0%

            """)
        #expect(session.execute("show Fördelning!A1:C2").output == """
               A                B           C
            1  Region           Befolkning  Andel
            2  Region Blekinge     158 876  1,5 %

            """)
        let sheet = session.execute("show Parametrar").output
        #expect(sheet.hasPrefix("Parametrar\n"))
        #expect(sheet.contains("6  Kontroll: fördelat − totalbelopp (ska v…            0\n"))  // long text is cut at 40
        #expect(session.execute("use Fördelning").output == "current sheet: Fördelning\n")
        #expect(session.execute("show F23").output.contains("value:   400 000 000 (number)"))
        #expect(session.execute("sheets").output == "  Parametrar  (6 rows × 2 columns)\n* Fördelning  (23 rows × 6 columns)\n")
        #expect(session.execute("names").output == "  Grundbelopp =Parametrar!$B$2\n  Totalbelopp =Parametrar!$B$1\n")
        #expect(session.execute("use Nope").error == "no sheet named 'Nope'")
    }

    @Test func whyShowsPrecedentsDownToTheInputsAndDepsTheDependents() throws {
        let session = try bilaga1()
        #expect(session.execute("why Fördelning!F2").output == """
            Fördelning!F2 = 10 481 450   =D2+E2
            ├─ Fördelning!D2 = 6 500 000   =Grundbelopp
            │  └─ Parametrar!B2 = 6 500 000
            └─ Fördelning!E2 = 3 981 450   =FÖRDELA(Parametrar!$B$5;$B$2:$B$22)
               ├─ Parametrar!B5 = 263 500 000   =Totalbelopp-Grundbelopp*ANTALV(Fördelning!A2:A22)
               │  ├─ Parametrar!B1 = 400 000 000
               │  ├─ Parametrar!B2 = 6 500 000
               │  └─ Fördelning!A2:A22  (21 cells)
               └─ Fördelning!B2:B22  (21 cells)

            """)
        let deps = session.execute("deps Parametrar!B5").output
        #expect(deps.split(separator: "\n").count == 21)
        #expect(deps.hasPrefix("  Fördelning!E2 = 3 981 450   =FÖRDELA(Parametrar!$B$5;$B$2:$B$22)\n"))
        #expect(session.execute("deps Fördelning!F23").output == "  Parametrar!B6 = 0   =Fördelning!F23-Totalbelopp\n")
        #expect(session.execute("deps Fördelning!A1").output == "no cell depends on Fördelning!A1\n")
    }

    @Test func evalDoesNotChangeTheWorkbook() throws {
        let session = try bilaga1()
        #expect(session.execute("eval SUM(Fördelning!E2:E22)/2").output == "131750000\n")
        #expect(session.execute("eval =Fördelning!C13").output == "0,231785366779654\n")  // 2 437 158 / 10 514 719
        #expect(session.execute("undo").warning == "nothing to undo")
    }

    @Test func evalShowsAWholeArrayOrRange() throws {
        let session = try bilaga1()
        #expect(session.execute("eval SEKVENS(2;3)*10").output == "10  20  30\n40  50  60\n")
        #expect(session.execute("eval Fördelning!A2:B3").output == "Region Blekinge  158876\nRegion Dalarna   288343\n")
        let tall = try #require(session.execute("eval SEKVENS(25)").output)
        #expect(tall.hasSuffix("20\n… and 5 more rows (25 × 1)\n"))
    }

    @Test func savesAtomicallyAndWarnsOnceAboutUnsavedChanges() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("b.kalk").path
        let session = try bilaga1()
        _ = session.execute("Parametrar!B2 = 7000000")
        // The first quit warns (no failure); the second leaves.
        let first = session.execute("quit")
        #expect(first.warning == "the workbook has unsaved changes: save it, or repeat the command to discard them" && !first.failed && !first.quit)
        #expect(session.execute("quit").quit)

        let second = try bilaga1()
        _ = second.execute("Parametrar!B2 = 7000000")
        #expect(second.execute("save as \(path)").output == "saved \(path)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["b.kalk"])
        #expect(second.execute("quit").quit)  // nothing unsaved now
        let reopened = try REPLSession.open(path)
        #expect(reopened.execute("eval Fördelning!D2").output == "7000000\n")
        _ = reopened.execute("Parametrar!B2 = 6500000")
        #expect(reopened.execute("save").output == "saved \(path)\n")
        #expect(try REPLSession.open(nil).execute("save").error == "the workbook has no file yet: use 'save as FILE'")
    }

    @Test func exportsOpensAndMakesWorkbooks() throws {
        let session = try bilaga1()
        let csv = session.execute("export csv --sheet Fördelning --swedish --formatted").output
        #expect(csv.hasSuffix("Totalsumma;10 514 719;100,0%;136 500 000;263 500 000;400 000 000\r\n"))
        #expect(session.execute("export json").output.contains(#""cell":"F23","type":"number","value":400000000"#))
        #expect(session.execute("export xml").error == "The value 'xml' is invalid for '--format <format>'. Please provide one of 'csv', 'json' or 'xlsx'.")
        // The options are kalkyl export's: a sheet name may be quoted.
        #expect(session.execute("export csv --sheet 'Fördelning'").output.hasPrefix("Region,Befolkning,Andel"))

        let opened = session.execute("open \(Self.root.appendingPathComponent("Workbooks/vardkapacitet-2024.kalk").path)")
        #expect(opened.output.hasSuffix(": Parametrar, Fördelning\n"))
        #expect(session.execute("eval Fördelning!C25").output == "12000000\n")

        let made = session.execute("new lika-fordelning totalbelopp=13500000")
        #expect(made.output == "new workbook from lika-fordelning: Parametrar, Fördelning (save as FILE to keep it)\n")
        #expect(session.execute("eval Fördelning!C2").output == "571429\n")  // 12 000 000 / 21 = 571 428.57…, largest remainder
        #expect(session.execute("eval SUM(Fördelning!C2:C22)").output == "12000000\n")
        #expect(session.execute("new nosuch").error == "the workbook has unsaved changes: save it, or repeat the command to discard them")
        #expect(session.execute("new nosuch").error?.hasPrefix("no template 'nosuch' in ") == true)
        #expect(session.execute("new lika-fordelning totalbelopp=-1").error?.hasPrefix("parameter 'totalbelopp'") == true)
    }

    @Test func helpAndUnknownCommands() throws {
        let session = try REPLSession.open(nil)
        session.askedLocale = .swedish
        #expect(session.execute("help").output.contains("why CELL"))
        #expect(session.execute("help undo").output == "undo [N]\n  undo the last edit (or N edits), structural ones included\n")
        #expect(session.execute("help nope").error == "no command 'nope' (type 'help' for the list)")
        // Every command of the table has its help, clear among them.
        #expect(session.execute("help clear").output.hasPrefix("clear CELL | RANGE\n"))
        #expect(session.execute("frobnicate").error == "unknown command 'frobnicate' (type 'help'; to set a cell write CELL = VALUE)")
        #expect(session.execute("# a comment").output.isEmpty)
        #expect(!session.execute("A1 = 1").failed)
        #expect(session.execute("clear A1").output.contains("Blad1!A1  1 → (tom)"))
    }

    @Test func aSaveOverAnotherProgramsChangeIsRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("b.kalk").path
        try FileManager.default.copyItem(atPath: Self.root.appendingPathComponent("Workbooks/exempel-fordelning.kalk").path, toPath: path)
        let session = try REPLSession.open(path)
        #expect(!session.execute("Parametrar!B1 = 33000000").failed)
        // Meanwhile a colleague changes the file.
        let theirDocument = try KalkReader.load(path: path)
        let theirs = theirDocument.workbook
        try theirs.set(.typed("1"), at: try theirs.location(of: "Parametrar!B2"))
        try KalkWriter.save(theirDocument, to: path)
        let refused = session.execute("save")
        #expect(refused.error == "\(path) was changed by another program since it was opened: 'save!' overwrites that change, 'save as FILE' keeps both")
        #expect(try KalkReader.load(path: path).workbook.value(at: try theirs.location(of: "Parametrar!B2")) == .number(1))
        #expect(session.execute("save!").output == "saved \(path)\n")
        #expect(try KalkReader.load(path: path).workbook.value(at: try theirs.location(of: "Parametrar!B1")) == .number(33_000_000))
        // After its own save the session saves again without complaint.
        #expect(!session.execute("Parametrar!B1 = 34000000").failed)
        #expect(session.execute("save").output == "saved \(path)\n")
        #expect(session.execute("save --force").output == "saved \(path)\n")
    }

    /// A whole sheet is 17 billion cells: shown, it is the used part and a count; edited, an error.
    @Test func wholeSheetRangesAreShownCutAndRefusedAsEdits() throws {
        let session = try REPLSession.open(Self.root.appendingPathComponent("Workbooks/exempel-fordelning.kalk").path)
        let shown = session.execute("show A1:XFD1048576")
        #expect(shown.output.hasSuffix("  … 1048572 more rows and 16382 more columns of A1:XFD1048576 (empty beyond row 4, column B)\n"))
        #expect(shown.output.hasPrefix("   A                       B\n1  Totalt belopp           30 000 000\n"))
        let before = values(session.workbook)
        #expect(session.execute("A1:XFD1048576 = 1").error == "A1:XFD1048576 is 17179869184 cells; one edit sets at most 1048576 (a whole column)")
        #expect(session.execute("A1:XFD1048576 = =B1").failed)
        #expect(values(session.workbook) == before)
        #expect(!session.hasUnsavedChanges)
        #expect(!session.execute("clear A1:XFD1048576").failed)
        #expect(session.execute("show").output == "(Parametrar is empty)\n")
    }
}
