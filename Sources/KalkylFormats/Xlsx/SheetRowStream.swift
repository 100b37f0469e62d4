import Foundation

/// Reads a worksheet part's rows as its chunks inflate: the bytes before `<sheetData>` and after
/// `</sheetData>` are kept (they are small: columns, views, merged cells), the rows are given
/// to `SheetDataScanner` a chunk's worth of whole rows at a time and then let go. So a sheet is
/// read holding a few chunks and their cells, not the whole part.
///
/// What the scanner does not read stops the stream, and the general reader reads the whole
/// part from the first row not read (as when the scanner stops in a part read whole); a part
/// whose start it does not recognise is read whole from the start.
enum SheetRowStream {
    enum Outcome {
        /// Every row was read. `outline` is the part without its rows: the general reader reads
        /// it for the columns and checks it. `</sheetData>` stands at `outlineRowsEnd` in the
        /// outline and at `rowsEnd` in the part.
        case complete(outline: Data, outlineRowsEnd: Int, rowsEnd: Int)
        /// The general reader goes on in the whole part (given when the stream kept it all)
        /// from `rowsFrom`, or reads it from the start when nil.
        case whole(Data?, rowsFrom: Int?)
        /// The reader rejected a cell: the error, and where the cell stands in the part.
        case rejected(String, offset: Int)
    }

    /// The rows are scanned on a thread of their own (`ChunkPipeline`: the part inflates on a
    /// third) while this one puts their cells into the workbook.
    static func read(_ source: SheetPartSource, reader: inout SheetCellReader, cursor: inout SheetCursor) throws -> Outcome {
        let scan = ScanEnd(cursor: cursor)
        var rejection: (message: String, offset: Int)?
        try ChunkPipeline<[SheetCell]>.run(producing: { put in
            var stream = State(), cursor = scan.cursor
            var outcome: Outcome?
            try source.chunks { chunk in
                stream.window.append(contentsOf: chunk)
                outcome = stream.advance(cursor: &cursor, isLast: false, put: put)
                return outcome == nil
            }
            scan.outcome = outcome ?? stream.advance(cursor: &cursor, isLast: true, put: put) ?? .whole(nil, rowsFrom: nil)
            scan.cursor = cursor
        }, consume: { cells in
            cells.withUnsafeBufferPointer { cells in
                for k in cells.indices {
                    if let message = reader.read(cells[k]) { rejection = (message, cells[k].offset); return false }
                }
                return true
            }
        })
        if let rejection { return .rejected(rejection.message, offset: rejection.offset) }
        cursor = scan.cursor
        return scan.outcome
    }

    /// What the scanning thread ends with, taken by the reading one once both are done.
    private final class ScanEnd: @unchecked Sendable {
        var cursor: SheetCursor
        var outcome: Outcome = .whole(nil, rowsFrom: nil)
        init(cursor: SheetCursor) { self.cursor = cursor }
    }

    private struct State {
        /// The bytes not yet read, from `base` in the part.
        var window: [UInt8] = []
        var base = 0
        /// The part up to and including the `<sheetData>` tag, once it has come.
        var prefix: [UInt8]?
        /// Cells per kilobyte of the last batch, so the next is made its size at once.
        var cellsPerKilobyte = 16

        /// Scans what the window holds, giving the cells of its whole rows to `put` (their
        /// offsets in the part); an outcome once the stream has one.
        mutating func advance(cursor: inout SheetCursor, isLast: Bool, put: ([SheetCell]) -> Bool) -> Outcome? {
            if prefix == nil {
                switch Self.sheetDataStart(in: window) {
                case .notYet: return isLast ? .whole(Data(window), rowsFrom: nil) : nil
                case .unusual: return .whole(isLast ? Data(window) : nil, rowsFrom: nil)
                case .at(let end):
                    prefix = Array(window[..<end])
                    drop(end)
                }
            }
            // Whole rows only, up to the last `</row>` (the last may still be coming), unless
            // this is the end of the part.
            let limit: Int
            if isLast {
                limit = window.count
            } else {
                guard let end = Self.lastRowEnd(in: window) else { return nil }
                limit = end
            }
            var batch: [SheetCell] = []
            batch.reserveCapacity(limit / 1024 * cellsPerKilobyte + 16)
            let stop = window.withUnsafeBufferPointer { bytes in
                SheetDataScanner.scan(UnsafeBufferPointer(rebasing: bytes[..<limit]), from: 0, cursor: &cursor, offsetBase: base, into: &batch) { _ in true }
            }
            if stop > 1024 { cellsPerKilobyte = batch.count / (stop / 1024) + 1 }
            // The reader stopped (it rejected a cell): so does the scan.
            if !batch.isEmpty && !put(batch) { return .whole(nil, rowsFrom: nil) }
            if stop < limit || isLast {
                // `</sheetData>`: the rest is the outline's end; anything else is the general reader's.
                if isLast, Self.startsWithSheetDataEnd(window[stop...]), let prefix {
                    return .complete(outline: Data(prefix + window[stop...]), outlineRowsEnd: prefix.count, rowsEnd: base + stop)
                }
                return .whole(nil, rowsFrom: base + stop)
            }
            drop(limit)
            return nil
        }

        mutating func drop(_ count: Int) {
            window.removeFirst(count)
            base += count
        }

        enum SheetDataStart { case notYet, unusual, at(Int) }

        /// Where the `<sheetData …>` tag ends. Before it an xlsx part has only tags: a comment,
        /// CDATA or a second processing instruction (where `<sheetData` could stand as text),
        /// an empty `<sheetData/>` or a prefixed `<x:sheetData>` are unusual, and read whole.
        static func sheetDataStart(in bytes: [UInt8]) -> SheetDataStart {
            var instructions = 0
            var k = 0
            while k < bytes.count {
                guard bytes[k] == UInt8(ascii: "<") else { k += 1; continue }
                // The tag's name, up to white space, `>` or `/`.
                var nameEnd = k + 1
                while nameEnd < bytes.count, case let c = bytes[nameEnd], c != 32, c != 9, c != 10, c != 13, c != UInt8(ascii: ">"), c != UInt8(ascii: "/") || nameEnd == k + 1 {
                    nameEnd += 1
                }
                guard nameEnd < bytes.count else { return .notYet }
                let name = bytes[(k + 1)..<nameEnd]
                if name.first == UInt8(ascii: "!") { return .unusual }
                if name.first == UInt8(ascii: "?") {
                    instructions += 1
                    if instructions > 1 { return .unusual }
                }
                if name.elementsEqual("sheetData".utf8) {
                    var end = nameEnd
                    while end < bytes.count && bytes[end] != UInt8(ascii: ">") { end += 1 }
                    guard end < bytes.count else { return .notYet }
                    return bytes[end - 1] == UInt8(ascii: "/") ? .unusual : .at(end + 1)
                }
                if let colon = name.firstIndex(of: UInt8(ascii: ":")), bytes[(colon + 1)..<nameEnd].elementsEqual("sheetData".utf8) {
                    return .unusual
                }
                k = nameEnd
            }
            return .notYet
        }

        /// Just after the last `</row>` in `bytes`, or nil.
        static func lastRowEnd(in bytes: [UInt8]) -> Int? {
            let tag = Array("</row>".utf8)
            var k = bytes.count - tag.count
            while k >= 0 {
                if bytes[k] == UInt8(ascii: "<") && bytes[k..<(k + tag.count)].elementsEqual(tag) { return k + tag.count }
                k -= 1
            }
            return nil
        }

        static func startsWithSheetDataEnd(_ bytes: ArraySlice<UInt8>) -> Bool {
            guard bytes.starts(with: "</sheetData".utf8) else { return false }
            let rest = bytes.dropFirst("</sheetData".utf8.count).drop { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
            return rest.first == UInt8(ascii: ">")
        }
    }
}
