import Foundation
import Testing
import ZIPFoundation
@testable import KalkylFormats

/// Kalkyl writes xlsx containers itself (deflating each part as it is made); ZIPFoundation, a
/// separate implementation, and Info-ZIP's `unzip -t` read them back: the names, folders,
/// order, contents and CRC-32 checksums.
struct ZipArchiveWriterTests {
    private func archive(writing body: (inout ZipArchiveWriter) throws -> Void) throws -> (path: String, data: Data) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-zip-\(UUID().uuidString).zip").path
        var writer = ZipArchiveWriter(for: path)
        try body(&writer)
        try AtomicFile.write(to: path) { try writer.write(to: $0) }
        return (path, try #require(FileManager.default.contents(atPath: path)))
    }

    @Test func partsReadBackAsWritten() throws {
        // A part larger than a chunk, written in uneven pieces; an empty part; a name in UTF-8.
        var large: [UInt8] = []
        for row in 1...40_000 { large += Array("<row r=\"\(row)\"><c r=\"A\(row)\"><v>\(row * 7)</v></c></row>".utf8) }
        let (path, data) = try archive { zip in
            try zip.addFile("b.xml", "second")
            try zip.addFile("a.xml", "first")
            zip.addDirectory("xl/")
            try zip.addFile("xl/large.xml") { output in
                var offset = 0
                while offset < large.count {
                    let end = min(large.count, offset + 1 + offset % 9973)
                    output.buffer += large[offset..<end]
                    try output.flushIfFull()
                    offset = end
                }
            }
            try zip.addFile("xl/empty.xml", "")
            try zip.addFile("xl/Välkommen.xml", Data("å".utf8))
            zip.order(by: ["a.xml", "b.xml"])
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let read = try Archive(data: data, accessMode: .read)
        #expect(read.map(\.path) == ["a.xml", "b.xml", "xl/", "xl/large.xml", "xl/empty.xml", "xl/Välkommen.xml"])
        func content(_ name: String) throws -> [UInt8] {
            let entry = try #require(read[name])
            var bytes: [UInt8] = []
            _ = try read.extract(entry, skipCRC32: false) { bytes += $0 }  // checks the CRC-32
            return bytes
        }
        #expect(try content("a.xml") == Array("first".utf8))
        #expect(try content("b.xml") == Array("second".utf8))
        #expect(try content("xl/large.xml") == large)
        #expect(try content("xl/empty.xml") == [])
        #expect(try content("xl/Välkommen.xml") == Array("å".utf8))
        #expect(read["xl/"]?.type == .directory)
        #expect(try #require(read["xl/large.xml"]).compressedSize < UInt64(large.count / 4))

        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        unzip.arguments = ["-tq", path]
        unzip.standardOutput = FileHandle.nullDevice
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") {
            try unzip.run()
            unzip.waitUntilExit()
            #expect(unzip.terminationStatus == 0)
        }
    }

    /// Parts added in any order are put in a package's order; ones it does not name stay last.
    @Test func partsArePutInTheOrderGiven() throws {
        let (path, data) = try archive { zip in
            for name in ["xl/worksheets/sheet2.xml", "extra.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml", "more.xml"] { try zip.addFile(name, name) }
            zip.order(by: ["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Archive(data: data, accessMode: .read).map(\.path) == ["[Content_Types].xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "extra.xml", "more.xml"])
    }

    @Test func timesAreInMSDOSForm() {
        var parts = DateComponents()
        (parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second) = (2026, 12, 3, 14, 5, 59)
        let moment = Calendar.current.date(from: parts)!
        let (time, date) = ZipArchiveWriter.dosTimeAndDate(moment)
        #expect(time == 14 << 11 | 5 << 5 | 29)
        #expect(date == (2026 - 1980) << 9 | 12 << 5 | 3)
    }
}
