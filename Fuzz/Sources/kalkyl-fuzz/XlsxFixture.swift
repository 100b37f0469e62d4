import Foundation
import ZIPFoundation

/// A minimal xlsx package around one worksheet part the fuzzer supplies.
enum XlsxFixture {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let fixed: [(String, Data)] = [
        ("xl/workbook.xml", Data("""
            <workbook xmlns="\(main)" xmlns:r="\(relationships)"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>
            """.utf8)),
        ("xl/_rels/workbook.xml.rels", Data("""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """.utf8)),
        ("xl/sharedStrings.xml", Data("<sst xmlns=\"\(main)\"><si><t>a</t></si><si><t>b</t></si></sst>".utf8)),
        ("xl/styles.xml", Data("<styleSheet xmlns=\"\(main)\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"3\"/></cellXfs></styleSheet>".utf8)),
    ]

    static func write(sheet: Data, to path: String) {
        try? FileManager.default.removeItem(atPath: path)
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .create) else { return }
        for (name, data) in fixed + [("xl/worksheets/sheet1.xml", sheet)] {
            try? archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
