import KalkylEngine
import KalkylFormats
import Testing

/// CSV into a workbook: RFC 4180, and Swedish Excel's `;` CSV with decimal commas.
struct CSVReaderTests {
    func cells(_ document: WorkbookDocument) -> [String] {
        document.workbook.cells(inSheet: 0).map { "\($0.address)=\($0.value.kindName):\($0.value)" }
    }

    @Test func englishCSVFollowsRFC4180() throws {
        let text = "Region,Belopp,Note\r\n\"Gotland, Visby\",\"1,500\",\"said \"\"hi\"\"\"\r\nSkåne,2500.5,\"two\nlines\"\r\n,TRUE,=1+1\r\n"
        let document = try CSVReader.read(text)
        #expect(document.locale == .english)
        #expect(cells(document) == [
            "A1=text:Region", "B1=text:Belopp", "C1=text:Note",
            "A2=text:Gotland, Visby", "B2=number:1500", "C2=text:said \"hi\"",
            "A3=text:Skåne", "B3=number:2500.5", "C3=text:two\nlines",
            // A formula in a CSV file is not run: it stays text.
            "B4=boolean:TRUE", "C4=text:=1+1",
        ])
    }

    @Test func swedishCSVIsToldApartAndReadAsSwedishExcelWritesIt() throws {
        let text = "\u{FEFF}Region;Befolkning;Andel;Datum\r\nRegion Blekinge;158 876;45,1%;2022-11-01\r\nRegion Gotland;61 167;17,4 %;SANT\r\n"
        let document = try CSVReader.read(text)
        #expect(document.locale == .swedish)
        #expect(cells(document) == [
            "A1=text:Region", "B1=text:Befolkning", "C1=text:Andel", "D1=text:Datum",
            "A2=text:Region Blekinge", "B2=number:158876", "C2=number:0.451", "D2=number:44866",
            "A3=text:Region Gotland", "B3=number:61167", "C3=number:0.174", "D3=boolean:TRUE",
        ])
        // Typed percents and dates keep the format their typing implies.
        #expect(document.workbook.sheets[0].numberFormat(at: CellAddress("C2")!) == "0.00%")
        #expect(document.workbook.sheets[0].numberFormat(at: CellAddress("D2")!) == "yyyy-mm-dd")
    }

    @Test func whatKalkylWritesReadsBack() throws {
        let workbook = try KalkReader.read("kalkyl 1\nsheet Blad1\nA1 \"Namn; med semikolon\"\nB1 1234.5\nA2 \"rad\\nbrytning\"\nB2 -0.25\n").workbook
        for writer in [CSVWriter(), CSVWriter.swedish] {
            let back = try CSVReader.read(writer.text(of: workbook, sheet: 0), locale: writer.locale)
            #expect(cells(back) == ["A1=text:Namn; med semikolon", "B1=number:1234.5", "A2=text:rad\nbrytning", "B2=number:-0.25"])
        }
    }

    @Test func anUnclosedQuoteIsAnErrorWithItsLine() {
        #expect(throws: FileError.self) { try CSVReader.read("a,b\n\"open,c\nd\n", file: "x.csv") }
        do { _ = try CSVReader.read("a,b\n\"open,c\nd\n", file: "x.csv") } catch {
            #expect("\(error)" == "x.csv: cannot read: line 2: a quoted field has no closing quote")
        }
    }
}
