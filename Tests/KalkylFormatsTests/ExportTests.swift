import KalkylEngine
import KalkylFormats
import Testing

struct ExportTests {
    private func workbook() throws -> Workbook {
        try KalkReader.read("""
            kalkyl 1

            sheet Data
            format B2 "#,##0"
            format C2 "0.0%"
            A1 "Name, with comma"
            B1 "Say \\"hi\\""
            C1 "two\\nlines"
            A2 TRUE
            B2 1234567.5
            C2 0.256
            D2 =1/0
            E2 =1/3

            """).workbook
    }

    @Test func csvFollowsRFC4180() throws {
        let csv = CSVWriter().text(of: try workbook(), sheet: 0)
        #expect(csv == "\"Name, with comma\",\"Say \"\"hi\"\"\",\"two\nlines\",,\r\nTRUE,1234567.5,0.256,#DIV/0!,0.3333333333333333\r\n")
    }

    @Test func swedishFormattedCSV() throws {
        var writer = CSVWriter.swedish
        writer.formatted = true
        let csv = writer.text(of: try workbook(), sheet: 0)
        #expect(csv.hasPrefix("\u{FEFF}Name, with comma;"))
        #expect(csv.hasSuffix("SANT;1 234 568;25,6%;#DIVISION/0!;0,333333333333333\r\n"))
        writer.byteOrderMark = false
        #expect(writer.text(of: try workbook(), sheet: 0).hasPrefix("Name, with comma;"))
    }

    @Test func jsonListsEveryCell() throws {
        let json = JSONExporter.text(of: try workbook())
        #expect(json.contains(##"{"sheet":"Data","cell":"B2","type":"number","value":1234567.5,"format":"#,##0"}"##))
        #expect(json.contains(##"{"sheet":"Data","cell":"D2","type":"error","value":"#DIV/0!","formula":"=1/0"}"##))
        #expect(json.contains(##"{"sheet":"Data","cell":"C1","type":"text","value":"two\nlines"}"##))
        #expect(json.contains(##""cell":"A2","type":"boolean","value":true"##))
    }
}
