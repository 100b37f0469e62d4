import Foundation
import KalkylEngine
import KalkylFormats
import KalkylREPL
import Testing

/// Inserting and deleting rows, sorting, copying, moving and filling in the Bilaga 1 workbook,
/// as an economist does it. Every figure is checked by hand: with a 22nd region of 100 000
/// people, 22 × 6 500 000 = 143 000 000 is the base and 257 000 000 is split over 10 614 719
/// people; the new region gets 257 000 000 × 100 000 / 10 614 719 = 2 421 166.3 → 2 421 166.
struct REPLRearrangingTests {
    func bilaga1() throws -> REPLSession {
        let session = try REPLSessionTests().bilaga1()
        _ = session.execute("use Fördelning")
        return session
    }

    func formula(_ session: REPLSession, _ cell: String) throws -> String? {
        session.workbook.formulaText(at: try session.workbook.location(of: cell, defaultSheet: 1))
    }

    func value(_ session: REPLSession, _ cell: String) throws -> Value {
        session.workbook.value(at: try session.workbook.location(of: cell, defaultSheet: 1))
    }

    @Test func a22ndRegionInsertedInsideTheTableIsCoveredByEveryRange() throws {
        let session = try bilaga1()
        let original = REPLSessionTests().values(session.workbook)
        let inserted = session.execute("insert rows 22")
        #expect(!inserted.failed)
        #expect(inserted.output.hasPrefix("inserted row 22 in Fördelning\n  12 cells moved, 50 formulas rewritten\n"))
        // The totals, COUNTA and ALLOCATE's weights cover the new row without edits.
        #expect(try formula(session, "F24") == "=SUM(F2:F23)")
        #expect(try formula(session, "E2") == "=ALLOCATE(Parametrar!$B$5,$B$2:$B$23)")
        #expect(try formula(session, "Parametrar!B5") == "=Totalbelopp-Grundbelopp*COUNTA(Fördelning!A2:A23)")
        #expect(try formula(session, "C23") == "=B23/$B$24")  // Östergötland moved down, its share too
        for line in ["A22 = Region Nya", "B22 = 100 000", "fill down C21:F22"] { #expect(!session.execute(line).failed, "\(line)") }
        #expect(try ["D24", "E24", "F24", "F22", "F13", "F4"].map { try value(session, $0) }
                == [143_000_000, 257_000_000, 400_000_000, 8_921_166, 65_507_648, 7_980_955].map { .number($0) })
        #expect(try value(session, "Parametrar!B6") == .number(0))
        // Undo takes back the fill, the two cells and the insertion: every value as it was.
        for _ in 0..<4 { #expect(!session.execute("undo").failed) }
        #expect(REPLSessionTests().values(session.workbook) == original)
        #expect(session.execute("redo").output.hasPrefix("redo: insert row 22 in Fördelning"))
        #expect(try formula(session, "F24") == "=SUM(F2:F23)")
    }

    @Test func aRowInsertedBelowTheLastRegionIsNotInTheRanges() throws {
        let session = try bilaga1()
        _ = session.execute("insert rows 23")  // at the totals row, right below A2:A22
        #expect(try formula(session, "F24") == "=SUM(F2:F22)")
        #expect(try formula(session, "Parametrar!B5") == "=Totalbelopp-Grundbelopp*COUNTA(Fördelning!A2:A22)")
        _ = session.execute("A23 = Region Nya")
        _ = session.execute("B23 = 100000")
        #expect(try value(session, "F24") == .number(400_000_000))  // unchanged: the row is outside
        // Deleting it again gives back the workbook's formulas; deleting a region breaks what read it.
        _ = session.execute("delete rows 23")
        #expect(try formula(session, "F23") == "=SUM(F2:F22)")
        let deleted = session.execute("delete rows 13")  // Region Stockholm
        #expect(deleted.output.contains("name") == false)
        #expect(try formula(session, "F22") == "=SUM(F2:F21)")
        #expect(try value(session, "F22") == .number(400_000_000))  // ALLOCATE splits the rest over 20
    }

    @Test func sortingByTheAmountMovesWholeRows() throws {
        let session = try bilaga1()
        #expect(!session.execute("sort A2:F22 by F desc").failed)
        #expect(try ["A2", "A3", "A22"].map { try value(session, $0) } == [.text("Region Stockholm"), .text("Västra Götalandsregionen"), .text("Region Gotland")])
        #expect(try value(session, "F2") == .number(67_575_444))
        #expect(try formula(session, "C2") == "=B2/$B$23")  // its own row, the same total
        #expect(try value(session, "F23") == .number(400_000_000))
        // By name in Swedish: Ö after Z, so Östergötland is the last "Region …".
        _ = session.execute("sort A2:F22 by A")
        #expect(try ["A21", "A22"].map { try value(session, $0) } == [.text("Region Östergötland"), .text("Västra Götalandsregionen")])
        _ = session.execute("locale en")
        _ = session.execute("sort A2:F22 by A")
        #expect(try value(session, "A12") == .text("Region Örebro län"))  // Ö as O in English, after Norrbotten
        #expect(session.execute("sort A2:F22 by G").error == "column G is not in A2:F22")
        // Two keys: equal base amounts, then the names backwards.
        _ = session.execute("sort A2:F22 by D, A desc")
        #expect(try value(session, "A2") == .text("Västra Götalandsregionen"))
        _ = session.execute("sort A2:F22 by B fallande")  // as Swedish Excel's Sort says it
        #expect(try value(session, "A2") == .text("Region Stockholm"))
    }

    @Test func copyMoveAndFill() throws {
        let session = try bilaga1()
        // The table copied beside itself: its formulas read the copy's own cells, as pasted in Excel.
        _ = session.execute("copy A2:F22 H2")
        #expect(try formula(session, "M22") == "=K22+L22")
        #expect(try formula(session, "L4") == "=ALLOCATE(Parametrar!$B$5,$B$2:$B$22)")  // absolute: the same weights
        #expect(try value(session, "M4") == .number(8_032_852))
        #expect(session.execute("copy A2:A3 K1:K3").error?.contains("must be the copy's size or a multiple of it") == true)
        // Moved along its rows (ALLOCATE gives a row its part only on a row of the weights).
        _ = session.execute("move H2:M22 O2")
        #expect(try formula(session, "T22") == "=R22+S22")
        #expect(try value(session, "T4") == .number(8_032_852) && value(session, "M4") == .empty)
        _ = session.execute("G2 = =F2/$F$23")
        _ = session.execute("fill down G2:G22")
        #expect(try formula(session, "G22") == "=F22/$F$23")
        _ = session.execute("H1 = 1")
        _ = session.execute("fill right H1:J1")
        #expect(try value(session, "J1") == .number(1))
        // A move that a total reads follows: F23 moves, and the check in Parametrar reads it there.
        _ = session.execute("move F23 F30")
        #expect(try formula(session, "Parametrar!B6") == "=Fördelning!F30-Totalbelopp")
        #expect(try value(session, "Parametrar!B6") == .number(0))
        _ = session.execute("undo")
        #expect(try formula(session, "Parametrar!B6") == "=Fördelning!F23-Totalbelopp")
    }

    @Test func namesFormatsAndWidths() throws {
        let session = try bilaga1()
        #expect(session.execute("name Andel = C2:C22").output == "  Andel stands for Fördelning!$C$2:$C$22\n")
        #expect(session.execute("eval SUMMA(Andel)").output == "1\n")
        #expect(!session.execute("Grundbelopp = 7500000").failed)
        #expect(session.execute("show Grundbelopp").output.hasPrefix("Parametrar!B2\n  value:   7 500 000"))
        #expect(session.execute("why Grundbelopp").output.hasPrefix("Parametrar!B2"))
        let deps = session.execute("deps Parametrar!B1:B2").output
        #expect(deps.contains("Parametrar!B5") && deps.contains("Fördelning!D22"))
        #expect(session.execute("unname Andel").output.hasPrefix("  Andel removed"))
        #expect(session.execute("eval SUMMA(Andel)").output == "#NAMN?\n")
        _ = session.execute("undo")  // the name is back
        #expect(session.execute("eval SUMMA(Andel)").output == "1\n")
        _ = session.execute("format C2:C22 \"0,00%\"")
        #expect(session.workbook.sheets[1].numberFormat(at: CellAddress("C2")!) == "0.00%")
        _ = session.execute("width A 40")
        #expect(session.workbook.sheets[1].columnWidths[0] == 40)
        _ = session.execute("undo")
        #expect(session.workbook.sheets[1].columnWidths[0] == 28)
    }

    @Test func theWholeChangeListAndWideTables() throws {
        let session = try bilaga1()
        let edit = session.execute("Grundbelopp = 7000000").output
        #expect(edit.contains("… and 47 more ('changes' lists them all)"))
        let all = session.execute("changes").output.split(separator: "\n")
        #expect(all.count == 67 + 1 && all.last?.hasPrefix("67 changed") == true)
        #expect(session.execute("eval 'Fördelning!F2:F4'").output == "10822796\n13937968\n 8471770\n")
        session.displayWidth = 60
        let narrow = session.execute("show A1:F3").output
        #expect(narrow.contains("… 2 more columns: E–F (show --wide)"))
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 60 })
        #expect(!session.execute("show --wide A1:F3").output.contains("more columns"))
    }

    @Test func scenariosAreComparedCellByCell() throws {
        let session = try bilaga1()
        _ = session.execute("scenario save grund-6,5")
        _ = session.execute("Grundbelopp = 7000000")
        _ = session.execute("scenario save grund-7")
        #expect(session.execute("scenario list").output == "  grund-6,5\n  grund-7\n")
        let diff = session.execute("scenario diff grund-6,5").output
        let line = { (label: String) in diff.split(separator: "\n").first { $0.contains(label) }.map(String.init) ?? "" }
        // 7 000 000 + 253 000 000 × population / 10 514 719, against 6 500 000 + 263 500 000 × …
        #expect(line("Region Stockholm · Totalt").hasSuffix("67 575 444  →   65 641 698   −1 933 746"))
        #expect(line("Region Gotland · Totalt").hasSuffix("8 032 852  →    8 471 770     +438 918"))
        #expect(diff.hasSuffix("Fördelning: 65 computed values differ in 22 rows; unchanged: F23 (Totalsumma · Totalt) at 400 000 000\n"))
        #expect(session.execute("scenario diff grund-7").output == "no differences between grund-7 and now\n")
        let json = session.execute("scenario diff grund-6,5 grund-7 --format json").output
        #expect(json.contains(#"{"cell":"F13","kind":"computed","label":"Region Stockholm · Totalt","old":{"value":67575444,"formula":"=D13+E13"},"new":{"value":65641698,"formula":"=D13+E13"},"difference":-1933746}"#))
        #expect(session.execute("scenario diff nope").error == "no scenario 'nope' (scenario list)")
    }
}
