import Foundation
import KalkylEngine

/// Reads one worksheet part into the workbook, cell by cell as the XML streams past. The rows
/// of `<sheetData>` are read by `SheetDataScanner` straight from the bytes; where it meets what
/// it does not read (rich text, comments, an unusual attribute), the general `XMLEvents` reads
/// them. Either gives `SheetCell`s to one `SheetCellReader`.
enum SheetReader {
    static func read(_ data: Data, into document: inout XlsxDocument, sheet: Int, strings: [String], formats: [String?],
                     file: String, part: String, fastPath: Bool = true, keepingCachedValues: Bool = true) throws {
        var reader = SheetCellReader(workbook: document.workbook, sheet: sheet, strings: strings, formats: formats, file: file,
                                     keepsCachedValues: keepingCachedValues)
        var widths: [Int32: Double] = [:]
        var cell = SheetCell(address: CellAddress(row: 0, column: 0))
        var inValue = false, inFormula = false, inInline = false
        var cursor = SheetCursor()

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
                cell.formulaType = attributes["t"]
                cell.sharedIndex = attributes["si"]
                cell.formulaRef = attributes["ref"]
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
        if fastPath {
            // The rows, straight from the bytes, as far as the scanner reads them; the general
            // reader goes on from there.
            events.onContent = { element, bytes, start in
                guard element == "sheetData" else { return nil }
                return SheetDataScanner.scan(bytes, from: start, cursor: &cursor) { cells in
                    for cell in cells {
                        if let rejection = reader.read(cell) { events.reject(rejection, at: cell.offset); return false }
                    }
                    return true
                }
            }
        }
        try events.parse(data, part: part, file: file)
        if let failure = reader.failure { throw failure }
        reader.finish(into: &document, widths: widths)
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
