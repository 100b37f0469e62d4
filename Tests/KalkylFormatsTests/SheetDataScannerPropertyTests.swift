import Foundation
import PropertyBased
import Testing
@testable import KalkylEngine
@testable import KalkylFormats

/// The fast path that reads `<sheetData>` from the bytes gives the workbook the general XML
/// reader gives, for any sheet part: numbers, shared and inline strings, booleans, errors,
/// formulas with entities, shared and array formulas, styles, namespace prefixes, cells and
/// rows without `r`, and what the fast path leaves to the general reader (rich text,
/// comments, CDATA, unknown entities, malformed tags) — errors included, with the same message.
struct SheetDataScannerPropertyTests {
    static let strings = ["Region", "Belopp", "Gotland & Fårö"]
    static let formats: [String?] = [nil, "0.0%", "#,##0"]

    /// One cell's XML (without its `r`, which the row gives or not); `%R` stands for ` r="…"`.
    static let cells = [
        #"<c%R><v>42</v></c>"#, #"<c%R s="1"><v>0.25</v></c>"#, #"<c%R t="s"><v>2</v></c>"#, #"<c%R t="s"><v>7</v></c>"#,
        #"<c%R t="b"><v>1</v></c>"#, #"<c%R t="e"><v>#DIV/0!</v></c>"#, #"<c%R t="inlineStr"><is><t>Fårö &amp; Gotland</t></is></c>"#,
        #"<c%R t="inlineStr"><is><r><t>rich</t></r><r><t> text</t></r></is></c>"#, #"<c%R s="2"/>"#, #"<c%R><v>1e999</v></c>"#,
        #"<c%R><f>1+2</f><v>3</v></c>"#, #"<c%R><f>IF(A1&lt;2,"a&amp;b","c")</f><v>c</v></c>"#, #"<c%R t="str"><f>"x"&amp;"y"</f><v>xy</v></c>"#,
        #"<c%R><f t="shared" ref="B1:B9" si="0">A1*2</f><v>2</v></c>"#, #"<c%R><f t="shared" si="0"/><v>4</v></c>"#,
        #"<c%R><f t="array" ref="C1:C2">A1:A2*2</f><v>2</v></c>"#, #"<c%R><f>SUM(</f><v>7</v></c>"#, #"<c%R><f>NOSUCHFN(1)</f><v>5</v></c>"#,
        #"<c%R><!-- a comment --><v>1</v></c>"#, #"<c%R><v><![CDATA[12]]></v></c>"#, #"<c%R><v>&unknown;</v></c>"#,
        #"<c%R s="-1"><v>1</v></c>"#, #"<c%R cm="1"><f t="array" ref="D1:D3">SEQUENCE(3)</f><v>1</v></c>"#,
        #"<x:c%R><x:v>9</x:v></x:c>"#, #"<c%R>  <v> 8 </v>  </c>"#, #"<c%R t='s'><v>0</v></c>"#, #"<c%R><v>1</v><v>2</v></c>"#,
        #"<c%R><v>1</c>"#, #"<c%R><f>1+2</v><v>3</f></c>"#, #"<c%R t="s" s="x"><v>1</v></c>"#, #"<c%R s="01"><v>1</v></c>"#, #"<c%R s="+2"><v>1</v></c>"#,
        #"<c%R s="9999999999"><v>1</v></c>"#,
        // Whole numbers the scanner reads without a String, and the forms it leaves as text.
        #"<c%R><v>-0</v></c>"#, #"<c%R><v>007</v></c>"#, #"<c%R><v>-12</v></c>"#, #"<c%R><v>123456789012345</v></c>"#,
        #"<c%R><v>1234567890123456</v></c>"#, #"<c%R t="s"><v>01</v></c>"#, #"<c%R t="s"><v>-1</v></c>"#, #"<c%R t="s"><v>3</v></c>"#,
        #"<c%R t="b"><v>0</v></c>"#, #"<c%R t="str"><f>1+1</f><v>2</v></c>"#, #"<c%R t="e"><v>7</v></c>"#, #"<c%R><v>5</v><v>-0</v></c>"#,
        #"<c%R t="inlineStr"><v>5</v><is><t>x</t></is></c>"#,
        // Shared formula indexes the scanner leaves to the general reader (an error or a number
        // it reads as one), and an index on a formula that is not shared.
        #"<c%R><f t="shared" si="x"/><v>4</v></c>"#, #"<c%R><f si="+0" t="shared"/><v>4</v></c>"#, #"<c%R><f si="y">1+1</f><v>2</v></c>"#,
        #"<c%R><f si="0" ref="B1:B9" t="shared">A1*5</f><v>5</v></c>"#, #"<c%R ><f t = "shared" si='0' /><v>4</v ></c >"#,
        // A second first cell of shared formula 0: the cells after it follow it.
        #"<c%R><f t="shared" ref="B1:B9" si="0">A1*3</f><v>3</v></c>"#,
    ]

    /// The `r` of a cell in column `column` of row `row`, as Excel writes it (1) or as other
    /// writers or a damaged file might: lowercase, a leading zero, dollars, off the sheet.
    static func reference(_ form: Int, column: Int, row: Int) -> String {
        let name = A1.columnName(column)
        switch form {
        case 0: return ""
        case 2: return " r=\"\(name.lowercased())\(row)\""
        case 3: return " r=\"\(name)0\(row)\""
        case 4: return " r=\"$\(name)$\(row)\""
        case 5: return row % 2 == 0 ? " r=\"XFE\(row)\"" : " r=\"\(name)1048577\""
        default: return " r=\"\(name)\(row)\""
        }
    }

    @Test func theFastPathReadsWhatTheGeneralReaderReads() async {
        let row = zip(Gen.int(in: 1...8), Gen.bool, zip(Gen.int(in: 0...(Self.cells.count - 1)), Gen.int(in: 0...9)).array(of: 0...5))
        // The fast path reads the part in chunks, as it inflates: of a few bytes up to all of it.
        await propertyCheck(count: 400, input: zip(row.array(of: 0...6), Gen.int(in: 1...400))) { rows, chunkSize in
            var xml = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="2" width="12"/></cols><sheetData>"#
            var rowNumber = 0
            for (step, numbered, cells) in rows {
                rowNumber += step
                xml += numbered ? "<row r=\"\(rowNumber)\">" : "<row>"
                for (column, (cell, form)) in cells.enumerated() {
                    // Mostly none or Excel's own form; now and then another.
                    let r = Self.reference(form < 2 ? form : form < 6 ? 1 : form - 4, column: column, row: rowNumber)
                    xml += "\n  " + Self.cells[cell].replacingOccurrences(of: "%R", with: r)
                }
                xml += "</row>"
            }
            xml += "</sheetData><pageMargins left=\"0.7\"/></worksheet>"
            let fast = Self.read(xml, fastPath: true, chunkSize: chunkSize), general = Self.read(xml, fastPath: false)
            #expect(fast == general, "chunks of \(chunkSize): \(xml)")
        }
    }

    /// What reading gives: each cell's formula and value, the stored values, the formulas
    /// Kalkyl does not compute, the layout, or the error.
    static func read(_ xml: String, fastPath: Bool, chunkSize: Int = 1 << 18) -> [String] {
        let workbook = Workbook()
        _ = try? workbook.addSheet(named: "S")
        var document = XlsxDocument(workbook: workbook, cachedValues: [:], uncomputed: [:],
                                    source: XlsxSource(bytes: Data(), sheetParts: [], names: [], tables: [], tableParts: [:],
                                                       baseline: workbook.baseline(), sharedStringCount: 0))
        do {
            try workbook.load {
                try SheetReader.read(Data(xml.utf8), into: &document, sheet: 0, strings: strings, formats: formats,
                                     file: "t.xlsx", part: "xl/worksheets/sheet1.xml", fastPath: fastPath, chunkSize: chunkSize)
            }
        } catch {
            return ["error: \(error)"]
        }
        // A number's sign too: -0 is not 0.
        func shown(_ value: Value) -> String { if case .number(let n) = value { "\(value) \(n.sign)" } else { "\(value)" } }
        var out = workbook.cells(inSheet: 0).map { "\($0.address) \(workbook.formulaText(at: CellLocation(sheet: 0, address: $0.address)) ?? "") \(shown($0.value))" }
        out += document.cachedValues.sorted { $0.key < $1.key }.map { "cached \($0.key.address) \($0.value)" }
        out += document.uncomputed.sorted { $0.key < $1.key }.map { "uncomputed \($0.key.address) \($0.value.formula) \($0.value.reason)" }
        out += workbook.sheets[0].numberFormats.map { "format \($0.range) \($0.format)" }
        out += workbook.sheets[0].columnWidths.sorted { $0.key < $1.key }.map { "width \($0.key) \($0.value)" }
        return out
    }
}
