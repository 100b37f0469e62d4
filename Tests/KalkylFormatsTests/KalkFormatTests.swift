import Foundation
import KalkylEngine
import KalkylFormats
import Testing

struct KalkFormatTests {
    /// A file using every kind of line, in canonical form.
    static let full = """
        # Fördelning av bidrag
        kalkyl 1
        title "Fördelning, exempel"
        param total number cell=Parametrar!B1 default=400000000 min=0 required "Totalt belopp att fördela"
        param datum date cell=Parametrar!B3 default=2022-11-01 "Befolkning per"
        # workbook name
        name Total = Parametrar!$B$1

        sheet Parametrar
        width A 24
        format B1 "#,##0"
        A1 "Totalt \\"belopp\\""
        B1 400000000
        A2 "rad 1\\nrad 2\\u0001"
        B2 0.1
        B3 1e+20
        C3 TRUE
        D3 #N/A

        # the key
        sheet Fördelning i år
        width A 28
        width B 12.5
        format C2:C3 "0.0%"
        format B2:B3 "# ##0"
        name Lokal = Fördelning i år!$B$2
        A1 "Region"
        B1 "Befolkning"
        C1 "Andel"
        A2 "Region Blekinge"
        B2 158876
        # a share
        C2 =B2/SUM($B$2:$B$3)
        A3 "Region Gotland"
        B3 61167
        C3 =B3/SUM($B$2:$B$3)
        D3 =Total*C3+Lokal-Lokal
        E3 ='Fördelning i år'!C3

        # end

        """

    @Test func loadingThenSavingGivesTheSameBytes() throws {
        let workbook = try KalkReader.read(Self.full, file: "full.kalk")
        #expect(KalkWriter.text(of: workbook) == Self.full)
    }

    @Test func valuesSurviveTheRoundTrip() throws {
        let document = try KalkReader.read(Self.full)
        let againDocument = try KalkReader.read(KalkWriter.text(of: document))
        let again = againDocument.workbook
        #expect(again.value(at: try again.location(of: "Parametrar!A1")) == .text("Totalt \"belopp\""))
        #expect(again.value(at: try again.location(of: "Parametrar!A2")) == .text("rad 1\nrad 2\u{1}"))
        #expect(again.value(at: try again.location(of: "Parametrar!B3")) == .number(1e20))
        #expect(again.value(at: try again.location(of: "Parametrar!D3")) == .error(.notAvailable))
        let share = 158876.0 / (158876 + 61167)
        #expect(again.value(at: try again.location(of: "'Fördelning i år'!C2")) == .number(share))
        #expect(again.value(at: try again.location(of: "'Fördelning i år'!E3")) == .number(1 - share))
        #expect(againDocument.parameters.count == 2)
        #expect(againDocument.parameters[0].isRequired && againDocument.parameters[0].minimum == 0)
        #expect(againDocument.parameters[1].defaultValue == "2022-11-01")
        #expect(again.sheets[1].numberFormat(at: CellAddress("C2")!) == "0.0%")
        #expect(again.sheets[1].columnWidths[1] == 12.5)
    }

    /// `iterate` turns on Excel's iterative calculation; the xlsx writer and reader keep it in calcPr.
    @Test func anIterateLineComputesCyclesByIteration() throws {
        let text = "kalkyl 1\niterate 50 0.0001\n\nsheet Blad1\nA1 =100+B1\nB1 =A1*0.1\n"
        let document = try KalkReader.read(text)
        #expect(document.workbook.iterativeCalculation == IterativeCalculation(maximumIterations: 50, maximumChange: 0.0001))
        guard case .number(let a1) = document.workbook.value(at: try document.workbook.location(of: "A1")) else {
            Issue.record("A1 is not a number")
            return
        }
        #expect(abs(a1 - 100 / 0.9) < 0.0001)
        #expect(KalkWriter.text(of: document) == text)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-iterate-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try XlsxWriter.save(document.workbook, to: path)
        #expect(try XlsxDocumentWriterTests.parts(of: path)["xl/workbook.xml"]?.contains(#"iterate="1" iterateCount="50" iterateDelta="0.0001""#) == true)
        #expect(try WorkbookFile.load(path).iterativeCalculation == IterativeCalculation(maximumIterations: 50, maximumChange: 0.0001))
        #expect { try KalkReader.read("kalkyl 1\niterate many\n") } throws: { "\($0)".contains(":2:9: expected 'iterate MAXIMUM-ITERATIONS MAXIMUM-CHANGE'") }
    }

    @Test func aTableLineDefinesATableFormulasNameByItsColumns() throws {
        let text = """
            kalkyl 1

            sheet Fördelning
            table Tabell1 A1:B4 totals "Region" "Belopp, kr"
            A1 "Region"
            B1 "Belopp, kr"
            A2 "Gotland"
            B2 1000000
            C2 =Tabell1[[#This Row],[Belopp, kr]]*2
            A3 "Skåne"
            B3 2000000
            B4 =SUBTOTAL(109,Tabell1[[Belopp, kr]])

            """
        let document = try KalkReader.read(text, file: "t.kalk")
        let workbook = document.workbook
        workbook.recalculate()
        #expect(workbook.tables == [Table(name: "Tabell1", sheet: 0, range: CellRange("A1:B4")!, hasTotalsRow: true, columns: ["Region", "Belopp, kr"])])
        #expect(workbook.value(at: try workbook.location(of: "B4")) == .number(3_000_000))
        #expect(workbook.value(at: try workbook.location(of: "C2")) == .number(2_000_000))
        #expect(KalkWriter.text(of: document) == text)
    }

    @Test(arguments: ["Workbooks", "Templates"])
    func shippedFilesRoundTripByteForByte(folder: String) throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../\(folder)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".kalk") }
        #expect(files.count >= 3)
        for file in files {
            let path = directory.appendingPathComponent(file).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(KalkWriter.text(of: try KalkReader.load(path: path)) == text, "\(file)")
        }
    }

    @Test(arguments: [
        ("sheet S\nA1 1\n", 1, 1, "expected the header 'kalkyl 1' before anything else"),
        ("kalkyl 2\n", 1, 8, "this is format version 2; Kalkyl reads version 1"),
        ("kalkyl 1\nA1 1\n", 2, 1, "expected a 'sheet' line before the first cell"),
        ("kalkyl 1\nsheet S\nA1 =SUM(1,\n", 3, 11, "expected a value, reference or function, found the end of the formula"),
        ("kalkyl 1\nsheet S\nA1 12abc\n", 3, 4, "expected a number, \"text\", TRUE, FALSE, an error such as #N/A, or a formula starting with '=', found '12abc'"),
        ("kalkyl 1\nsheet S\nA1 \"open\n", 3, 4, "text has no closing quote"),
        ("kalkyl 1\nsheet S\nA1 \"a\\q\"\n", 3, 6, "unknown escape '\\q' (use \\\" \\\\ \\n \\t \\r \\uXXXX)"),
        ("kalkyl 1\nsheet S\nA1 \"a\\u12\"\n", 3, 6, "expected four hexadecimal digits after '\\u'"),
        ("kalkyl 1\nsheet S\nA1 \"a\" b\n", 3, 7, "unexpected text after the closing quote"),
        ("kalkyl 1\nsheet S\nA1 1\nA1 2\n", 4, 1, "cell A1 is given twice (first on line 3)"),
        ("kalkyl 1\nsheet S\nfoo 1\n", 3, 1, "expected a cell (A1 …), 'sheet', 'name', 'table', 'param', 'title', 'width' or 'format', found 'foo'"),
        ("kalkyl 1\nsheet S\ntable T1x A1:B3 \"a\" wide\n", 3, 21, "expected 'table NAME RANGE [noheader] [totals] \"COLUMN\" …', e.g. 'table Tabell1 A1:C9 \"Region\" \"Belopp\" \"Moms\"'"),
        ("kalkyl 1\nsheet S\ntable Tabell1 A1:B3 \"a\"\n", 3, 7, "the table 'Tabell1' has 1 column names for 2 columns"),
        ("kalkyl 1\ntable Tabell1 A1:B3 \"a\" \"b\"\n", 2, 1, "expected a 'sheet' line before 'table'"),
        ("kalkyl 1\nsheet S\nwidth A wide\n", 3, 9, "expected a width from 0 to 255 characters"),
        ("kalkyl 1\nsheet S\nformat A1 0.0\n", 3, 11, "expected the number format in double quotes, e.g. \"#,##0\""),
        ("kalkyl 1\nsheet S\nsheet s\n", 3, 7, "sheet 's' is already defined on line 2"),
        ("kalkyl 1\nsheet A:B\n", 2, 7, "invalid sheet name 'A:B': it contains ':'"),
        ("kalkyl 1\nname 1x = 5\n", 2, 6, "'1x' is not a valid name (letters, digits, _ and ., not a cell address)"),
        ("kalkyl 1\nparam x money \"d\"\n", 2, 9, "expected 'param NAME TYPE [key=value …] \"description\"' with TYPE one of number, integer, text, date, boolean"),
        ("", 1, 1, "the file is empty: expected the header 'kalkyl 1'"),
    ])
    func malformedLinesNameFileLineAndColumn(text: String, line: Int, column: Int, message: String) {
        #expect(throws: KalkSyntaxError(file: "bad.kalk", line: line, column: column, message: message)) {
            try KalkReader.read(text, file: "bad.kalk")
        }
    }

    @Test func unknownFunctionsLoadAndShowNameError() throws {
        let workbook = try KalkReader.read("kalkyl 1\nsheet S\nA1 =NOSUCH(1)\nA2 =A1\n").workbook
        #expect(workbook.value(at: try workbook.location(of: "A1")) == .error(.name))
        #expect(workbook.formula(at: try workbook.location(of: "A1"))?.diagnostics == ["unknown function NOSUCH"])
    }

    @Test func savingIsAtomic() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("a.kalk").path
        try KalkWriter.save(try KalkReader.read(Self.full), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.full)
        // Only the file itself is left: the temporary file was renamed over it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.kalk"])
        // A directory that does not exist gives an error and writes nothing.
        #expect(throws: FileError.self) { try KalkWriter.save(WorkbookDocument(workbook: Workbook()), to: directory.path + "/missing/b.kalk") }
    }
}
