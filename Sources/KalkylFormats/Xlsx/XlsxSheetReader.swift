import Foundation
import KalkylEngine

/// Reads one worksheet part into the workbook, cell by cell as the XML streams past. The rows
/// of `<sheetData>` are read by `SheetDataScanner` straight from the bytes; where it meets what
/// it does not read (rich text, comments, an unusual attribute), the general `XMLEvents` reads
/// them. Either gives `SheetCell`s to one `SheetCellReader`.
enum SheetReader {
    /// Reads a part in memory (tests: `chunkSize` cuts it as an inflating zip would).
    static func read(_ data: Data, into document: inout XlsxDocument, sheet: Int, strings: [String], formats: [String?],
                     file: String, part: String, fastPath: Bool = true, chunkSize: Int = 1 << 18, keepingCachedValues: Bool = true) throws {
        try read(SheetPartSource(data, chunkSize: chunkSize), into: &document, sheet: sheet, strings: strings, formats: formats,
                 file: file, part: part, fastPath: fastPath, keepingCachedValues: keepingCachedValues)
    }

    /// Reads one worksheet part. On the fast path the rows are read as the part inflates
    /// (`SheetRowStream`); the general reader reads the rest of the part, and all of it
    /// when the stream stops.
    static func read(_ source: SheetPartSource, into document: inout XlsxDocument, sheet: Int, strings: [String], formats: [String?],
                     file: String, part: String, fastPath: Bool = true, keepingCachedValues: Bool = true) throws {
        var reader = SheetCellReader(workbook: document.workbook, sheet: sheet, strings: strings, formats: formats, file: file,
                                     keepsCachedValues: keepingCachedValues)
        var widths: [Int32: Double] = [:]
        var cursor = SheetCursor()
        func parse(_ data: Data, rowsFrom: Int?, scanning: Bool) throws {
            try SheetReader.parse(data, reader: &reader, cursor: &cursor, widths: &widths, file: file, part: part, rowsFrom: rowsFrom, scanning: scanning)
        }
        if fastPath {
            switch try SheetRowStream.read(source, reader: &reader, cursor: &cursor) {
            case .complete(let outline, let outlineRowsEnd, let rowsEnd):
                do {
                    try parse(outline, rowsFrom: outlineRowsEnd, scanning: false)
                } catch {
                    // Said again from the whole part, for the line the error names.
                    try parse(try source.whole(), rowsFrom: rowsEnd, scanning: false)
                }
            case .whole(let data, let rowsFrom):
                try parse(try data ?? source.whole(), rowsFrom: rowsFrom, scanning: rowsFrom == nil)
            case .rejected(let message, let offset):
                let line = try source.whole().prefix(offset).reduce(1) { $1 == 10 ? $0 + 1 : $0 }
                throw XlsxError(path: file, message: "\(part) line \(line): \(message)")
            }
        } else {
            try parse(try source.whole(), rowsFrom: nil, scanning: false)
        }
        if let failure = reader.failure { throw failure }
        if let stray = cursor.cellOutsideItsRow { document.source.cellsOutsideTheirRows[sheet] = stray }
        reader.finish(into: &document, widths: widths)
    }

    /// The general reader over a whole part. `rowsFrom`: the rows before it were read (from the
    /// chunks), the reader goes on there; `scanning`: `SheetDataScanner` reads the rows first.
    private static func parse(_ data: Data, reader givenReader: inout SheetCellReader, cursor givenCursor: inout SheetCursor,
                              widths givenWidths: inout [Int32: Double], file: String, part: String, rowsFrom: Int?, scanning: Bool) throws {
        // The handlers are closures the parser keeps: they work on these, given back at the end.
        var reader = consume givenReader, cursor = givenCursor, widths = givenWidths
        defer {
            givenReader = reader
            givenCursor = cursor
            givenWidths = widths
        }
        var cell = SheetCell(address: CellAddress(row: 0, column: 0))
        var inValue = false, inFormula = false, inInline = false
        let events = XMLEvents()
        events.onStart = { element, attributes in
            switch element {
            case "col":
                guard let min = attributes["min"].flatMap(Int32.init), let max = attributes["max"].flatMap(Int32.init),
                      1 <= min, min <= max, max <= CellAddress.maxColumns else {
                    events.reject("<col min=\"\(attributes["min"] ?? "")\" max=\"\(attributes["max"] ?? "")\"> is not a range of columns (1 to 16 384)")
                    return
                }
                // Excel's widths are 0 to 255 characters; anything else is not kept.
                if let width = attributes["width"].flatMap(Double.init), width >= 0, width <= 255, max - min < 100 {
                    for c in min...max { widths[c - 1] = (width * 100).rounded() / 100 }
                }
            case "row":
                do throws(SheetCursor.Invalid) { try cursor.enterRow(attributes) } catch { events.reject(error.message) }
            case "c":
                let address: CellAddress
                do throws(SheetCursor.Invalid) { address = try cursor.enterCell(attributes) } catch { events.reject(error.message); return }
                let style = attributes["s"].flatMap(Int.init) ?? 0
                guard style >= 0 else { events.reject("<c s=\"\(style)\"> is not a style index"); return }
                cell = SheetCell(address: address, type: SheetCell.Kind(attributes["t"]), style: style, hasCellMetadata: attributes["cm"] != nil,
                                 offset: events.tagRange.lowerBound)
                inFormula = false
                inValue = false
            case "f":
                inFormula = true
                cell.formula = ""
                cell.formulaKind = SheetCell.FormulaKind(attributes["t"])
                cell.formulaRef = attributes["ref"]
                cell.sharedIndex = nil
                if let si = attributes["si"] {
                    cell.sharedIndex = Int(si)
                    if cell.formulaKind == .shared && cell.sharedIndex == nil {
                        events.reject("<f si=\"\(si.prefix(40))\"> is not a shared formula's index (a whole number)")
                    }
                }
            case "v": inValue = true; cell.sawValue = true
            case "is": inInline = true; cell.sawValue = true
            case "t" where inInline: inValue = true
            default: break
            }
        }
        events.onText = { text in
            if inFormula { cell.formula = (cell.formula ?? "") + text } else if inValue { cell.value += text }
        }
        events.onEnd = { element in
            switch element {
            case "f": inFormula = false
            case "v": inValue = false
            case "t" where inInline: inValue = false
            case "is": inInline = false
            case "c": if let rejection = reader.read(cell) { events.reject(rejection) }
            default: break
            }
        }
        events.onContent = { element, bytes, start in
            guard element == "sheetData" else { return nil }
            // The rows before `rowsFrom` were read from the chunks.
            if let rowsFrom { return max(rowsFrom, start) }
            guard scanning else { return nil }
            // The rows, straight from the bytes, as far as the scanner reads them; the general
            // reader goes on from there.
            var cells: [SheetCell] = []
            return SheetDataScanner.scan(bytes, from: start, cursor: &cursor, into: &cells) { cells in
                defer { cells.removeAll(keepingCapacity: true) }
                return cells.withUnsafeBufferPointer { cells in
                    for k in cells.indices {
                        if let rejection = reader.read(cells[k]) { events.reject(rejection, at: cells[k].offset); return false }
                    }
                    return true
                }
            }
        }
        try events.parse(data, part: part, file: file)
    }

    /// Addresses grouped into vertical runs per column, so a formatted column is one range.
    static func runs(_ addresses: [CellAddress]) -> [CellRange] {
        var result: [CellRange] = []
        for address in addresses.sorted(by: { ($0.column, $0.row) < ($1.column, $1.row) }) {
            if let last = result.last, last.start.column == address.column, last.end.row + 1 == address.row {
                result[result.count - 1] = CellRange(last.start, address)
            } else {
                result.append(CellRange(address))
            }
        }
        return result
    }
}
