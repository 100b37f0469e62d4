import Foundation
import KalkylEngine

/// Writes a worksheet part back with the workbook's edits, keeping every byte it need not
/// change: sheet views, merged cells, validation, conditional formats, print settings,
/// drawings, row heights, cell styles and extension blocks stay as the file had them. Only the
/// `<c>` of a cell that changed is written anew:
/// - same formula, new value: the original `<f>` (shared, array or plain) with the new `<v>`;
/// - new formula or constant: a new `<c>` keeping the cell's style;
/// - a new cell: inserted in order, with the style its row or column gives;
/// - a cleared cell: only its style stays (as Excel's Delete leaves it).
/// A formula Kalkyl does not compute (`UncomputedFormula`) is kept as it is until its cell is
/// edited. When the master of a shared formula changes, the cells that shared it get their
/// formula written out.
struct SheetPatcher {
    let data: Data
    let sheet: Int
    let workbook: Workbook
    let strings: XlsxCellXML.Strings
    let file: String
    let part: String
    /// Rows without changes copied without reading their cells (see `patch`); false reads every row.
    var copiesUnchangedRowsUnread = true

    /// What patching found, for the rest of the package.
    struct Outcome {
        /// Whether any byte differs from the part as the file had it.
        var changed = false
        /// A cell that had a formula has none now: Excel's calcChain would name a formula cell
        /// that no longer is one.
        var removedFormulas = false
        /// Some cell written has a dynamic-array formula (`cm="1"`), which needs xl/metadata.xml.
        var usesDynamicArrays = false
    }

    /// Writes the patched part to `output` as it goes (a million-row sheet is not held twice).
    func patch(comparing shared: inout CellBaseline.Comparison, into output: inout ZipArchiveWriter.PartOutput) throws -> Outcome {
        var comparison = shared  // the callbacks cannot capture an inout parameter
        defer { shared = comparison }
        var out = output  // likewise
        defer { output = out }
        let base = data.startIndex
        var copied = 0
        var changed = false
        var removedFormulas = false
        var usesDynamicArrays = false
        var writeFailure: Error? = nil
        func flush() {
            do { try out.flushIfFull() } catch { if writeFailure == nil { writeFailure = error } }
        }
        func copy(upTo offset: Int) {
            guard offset > copied else { return }
            // In pieces of a chunk, so what is held uncompressed stays small.
            while copied < offset {
                let end = min(offset, copied + ZipArchiveWriter.PartOutput.chunk)
                data[(base + copied)..<(base + end)].withUnsafeBytes { out.buffer.append(contentsOf: $0) }
                copied = end
                flush()
            }
        }
        func replace(_ range: Range<Int>, with text: String) {
            copy(upTo: range.lowerBound)
            out.buffer.append(contentsOf: text.utf8)
            if !changed { changed = !data[(base + range.lowerBound)..<(base + range.upperBound)].elementsEqual(text.utf8) }
            copied = range.upperBound
            flush()
        }
        func text(_ range: Range<Int>) -> String { String(decoding: data[(base + range.lowerBound)..<(base + range.upperBound)], as: UTF8.self) }

        // The addresses of the workbook's cells in row order (values and formulas are looked up
        // for the few written); `next` is the first not yet written or matched.
        var cells: [CellAddress] = []
        workbook.forEachCellByRow(inSheet: sheet) { address, _, _ in cells.append(address) }
        let texts = DynamicArrayXML.FormulaTexts()
        var next = 0
        var columnStyles: [(columns: ClosedRange<Int32>, style: String)] = []
        var rowStyle: String? = nil
        /// The namespace prefix of the sheet's elements (see `XlsxCellXML.element`).
        var prefix = ""

        // Legacy array formulas over several cells: their other cells hold values only.
        var arrays: [CellRange] = []
        func isArrayMember(_ address: CellAddress) -> Bool { arrays.contains { $0.contains(address) && $0.start != address } }
        // Of those, Excel 365's dynamic arrays (`cm` on the cell): their other cells are a spill,
        // which changes with the formula's result; the cell being read is one of them.
        var dynamicArrays: [CellRange] = []
        var isDynamicCell = false

        /// A cell the file does not have is written if it changed since the file was read (the
        /// cells of an array formula without a cell in the file are the workbook's own until then).
        func isNew(_ index: Int) -> Bool { comparison.change(at: CellLocation(sheet: sheet, address: cells[index])) != .none }

        // The styles of the row just above the one being written, by column: a new cell without
        // a row or column style takes the style of the cell above it, as Excel extends a list's
        // formats to a row typed below it.
        var above: (row: Int32, styles: [Int32: String]) = (-2, [:])
        var currentStyles: [Int32: String] = [:]

        func newCell(_ index: Int, rowStyle: String?) -> String {
            let location = CellLocation(sheet: sheet, address: cells[index])
            let cell = (address: location.address, value: workbook.value(at: location), formula: workbook.formula(at: location))
            var attributes = #" r="\#(cell.address)""#
            let style = rowStyle ?? columnStyles.last(where: { $0.columns.contains(cell.address.column) })?.style
                ?? (above.row == cell.address.row - 1 ? above.styles[cell.address.column] : nil)
            if let style {
                attributes += #" s="\#(style)""#
                currentStyles[cell.address.column] = style
            }
            var formula = ""
            if !isArrayMember(cell.address), let compiled = cell.formula {
                let written = DynamicArrayXML.formula(compiled, at: CellLocation(sheet: sheet, address: cell.address), in: workbook, prefix: prefix, texts: texts)
                formula = written.element
                if written.isDynamic { attributes += #" cm="1""#; usesDynamicArrays = true }
            }
            return XlsxCellXML.element(attributes: attributes, formula: formula, value: cell.value, strings: strings, prefix: prefix)
        }
        /// The new cells of row `row` left of `column` (all of them when nil).
        func newCells(inRow row: Int32, before column: Int32?) -> String {
            var result = ""
            while next < cells.count, cells[next].row == row, column.map({ cells[next].column < $0 }) ?? true {
                if isNew(next) { result += newCell(next, rowStyle: rowStyle) }
                next += 1
            }
            return result
        }
        /// Whole new rows above row `row` (all that are left when nil).
        func newRows(before row: Int32?) -> String {
            var result = ""
            while next < cells.count, row.map({ cells[next].row < $0 }) ?? true {
                let r = cells[next].row
                var row = ""
                let styles = currentStyles
                currentStyles = [:]
                while next < cells.count, cells[next].row == r {
                    if isNew(next) { row += newCell(next, rowStyle: nil) }
                    next += 1
                }
                if !row.isEmpty {
                    result += #"<\#(prefix)row r="\#(r + 1)">"# + row + "</\(prefix)row>"
                    above = (r, currentStyles)
                }
                currentStyles = styles
            }
            return result
        }

        var cursor = SheetCursor()
        var previousRow: Int32 = -1, previousColumn: Int32 = -1
        var sheetDataStart = -1..<(-1), rowStart = -1..<(-1)
        // The cell being read: where it starts, its start tag, its <f> element.
        var cellStart = -1..<(-1), address = CellAddress(row: 0, column: 0)
        var formulaRange: Range<Int>? = nil, formulaAttributes = XMLAttributes()
        // Shared formulas whose master was rewritten: their other cells must spell the formula out.
        var brokenShared: Set<String> = []
        var failure: XlsxError? = nil

        let events = XMLEvents()
        events.onStart = { element, attributes in
            switch element {
            case "dimension":
                let used = workbook.sheets[sheet]
                guard used.usedRowCount > 0, let ref = attributes["ref"] else { return }
                let original = CellRange(ref) ?? CellRange(CellAddress(ref) ?? CellAddress(row: 0, column: 0))
                let end = CellAddress(row: max(original.end.row, Int32(used.usedRowCount - 1)), column: max(original.end.column, Int32(used.usedColumnCount - 1)))
                if end != original.end {
                    var tag = StartTag(text(events.tagRange))
                    tag.set("ref", to: "\(CellRange(original.start, end))")
                    replace(events.tagRange, with: tag.text)
                }
            case "col":
                if let style = attributes["style"], let min = attributes["min"].flatMap(Int32.init), let max = attributes["max"].flatMap(Int32.init), 1 <= min, min <= max {
                    columnStyles.append((min - 1...max - 1, style))
                }
            case "sheetData":
                sheetDataStart = events.tagRange
                let head = StartTag(text(events.tagRange)).head
                prefix = String(head.dropFirst().dropLast("sheetData".count))
            case "row":
                do throws(SheetCursor.Invalid) { try cursor.enterRow(attributes) } catch { events.reject(error.message); return }
                guard cursor.row > previousRow else { failure = unordered("row \(cursor.row + 1)"); events.reject("out of order"); return }
                previousRow = cursor.row
                previousColumn = -1
                rowStart = events.tagRange
                let rows = newRows(before: cursor.row)
                if !rows.isEmpty { replace(events.tagRange.lowerBound..<events.tagRange.lowerBound, with: rows) }
                rowStyle = attributes["customFormat"] == "1" || attributes["customFormat"] == "true" ? attributes["s"] : nil
                currentStyles = [:]
            case "c":
                do throws(SheetCursor.Invalid) { address = try cursor.enterCell(attributes) } catch { events.reject(error.message); return }
                guard address.row == cursor.row || previousRow < 0, address.column > previousColumn else {
                    failure = unordered("cell \(address)")
                    events.reject("out of order")
                    return
                }
                previousColumn = address.column
                if let style = attributes["s"] { currentStyles[address.column] = style }
                isDynamicCell = attributes["cm"] != nil
                cellStart = events.tagRange
                formulaRange = nil
                formulaAttributes = [:]
                let before = newCells(inRow: address.row, before: address.column)
                if !before.isEmpty { replace(cellStart.lowerBound..<cellStart.lowerBound, with: before) }
                if next < cells.count, cells[next] == address { next += 1 }
            case "f":
                formulaRange = events.tagRange
                formulaAttributes = attributes
                if attributes["t"] == "array", let ref = attributes["ref"].flatMap(CellRange.init), !ref.isSingleCell {
                    arrays.append(ref)
                    if isDynamicCell { dynamicArrays.append(ref) }
                }
            default: break
            }
        }
        events.onEnd = { element in
            switch element {
            case "f":
                if let start = formulaRange { formulaRange = start.lowerBound..<events.tagRange.upperBound }
            case "c":
                let whole = cellStart.lowerBound..<events.tagRange.upperBound
                let location = CellLocation(sheet: sheet, address: address)
                var change = comparison.change(at: location)
                let isSharedFollower = formulaAttributes["t"] == "shared" && formulaAttributes["ref"] == nil
                if isSharedFollower, let si = formulaAttributes["si"], brokenShared.contains(si) { change = .input }
                guard change != .none else { return }
                let startTag = StartTag(text(cellStart))
                let array = arrays.last { $0.contains(address) }
                if let array, change == .input, !dynamicArrays.contains(array) {
                    failure = XlsxError(path: file, message: "\(workbook.name(of: location)) is part of the array formula in \(array), which Excel lets change only as a whole; Kalkyl cannot change array formulas yet, so nothing is saved: undo the edit, or save as .kalk")
                    events.reject("array")
                    return
                }
                if array != nil && formulaRange == nil {
                    // A cell of an array formula after its first: the new value only.
                    replace(whole, with: XlsxCellXML.element(attributes: #" r="\#(address)""# + startTag.attributeText(without: Self.rewrittenAttributes), formula: "",
                                                             value: workbook.value(at: location), strings: strings, prefix: prefix))
                    return
                }
                let formula = workbook.formula(at: location)
                if formulaRange != nil && formula == nil { removedFormulas = true }
                let value = workbook.value(at: location)
                if change == .value, let formulaRange {
                    // The same formula: its <f> as the file has it, with the new value.
                    let attributes = startTag.attributeText(without: Self.rewrittenAttributes)
                    replace(whole, with: XlsxCellXML.element(attributes: #" r="\#(address)""# + attributes, formula: text(formulaRange),
                                                             value: value, strings: strings, prefix: prefix))
                    return
                }
                if formulaAttributes["t"] == "shared", formulaAttributes["ref"] != nil, let si = formulaAttributes["si"] { brokenShared.insert(si) }
                let style = startTag.attributeText(only: Self.styleAttribute)
                if formula == nil, value == .empty {
                    replace(whole, with: style.isEmpty ? "" : #"<\#(prefix)c r="\#(address)"\#(style)/>"#)
                } else {
                    var attributes = #" r="\#(address)""# + style
                    var element = ""
                    if let formula {
                        let written = DynamicArrayXML.formula(formula, at: location, in: workbook, prefix: prefix, texts: texts)
                        element = written.element
                        if written.isDynamic { attributes += #" cm="1""#; usesDynamicArrays = true }
                    }
                    replace(whole, with: XlsxCellXML.element(attributes: attributes, formula: element, value: value, strings: strings, prefix: prefix))
                }
            case "row":
                let rest = newCells(inRow: cursor.row, before: nil)
                if !rest.isEmpty {
                    if events.tagRange == rowStart {
                        // <row …/> with cells to hold now.
                        var tag = StartTag(text(rowStart))
                        tag.isSelfClosing = false
                        replace(rowStart, with: tag.text + rest + "</\(prefix)row>")
                    } else {
                        replace(events.tagRange.lowerBound..<events.tagRange.lowerBound, with: rest)
                    }
                }
                rowStyle = nil
                above = (cursor.row, currentStyles)
            case "sheetData":
                let rows = newRows(before: nil)
                guard !rows.isEmpty else { return }
                if events.tagRange == sheetDataStart {
                    var tag = StartTag(text(sheetDataStart))
                    tag.isSelfClosing = false
                    replace(sheetDataStart, with: tag.text + rows + "</\(prefix)sheetData>")
                } else {
                    replace(events.tagRange.lowerBound..<events.tagRange.lowerBound, with: rows)
                }
            default: break
            }
        }
        // A row without a changed cell, and whose next row has none either (a new cell there
        // takes its style from the cell above), is copied as the file has it without its cells
        // being read: a one-cell edit of a million-row sheet reads a few rows. A row with an
        // array formula, a dynamic array's `cm`, a comment or CDATA is read as before, and so is
        // one with a shared formula once a shared formula's first cell was written anew.
        let changedRows = copiesUnchangedRowsUnread ? comparison.changedRows(sheet: sheet) : []
        if copiesUnchangedRowsUnread {
            events.onContent = { element, bytes, start in
                guard element == "row", !changedRows.contains(cursor.row), !changedRows.contains(cursor.row + 1),
                      let end = Self.endOfPlainRow(bytes, from: start, sharedFormulasMatter: !brokenShared.isEmpty) else { return nil }
                while next < cells.count, cells[next].row == cursor.row { next += 1 }
                return end
            }
        }
        do {
            try events.parse(data, part: part, file: file)
        } catch {
            throw failure ?? error
        }
        guard next >= cells.count else {
            throw XlsxError(path: file, message: "\(part): the sheet has no <sheetData>, so its cells cannot be written")
        }
        copy(upTo: data.count)
        if let writeFailure { throw writeFailure }
        return Outcome(changed: changed, removedFormulas: removedFormulas, usesDynamicArrays: usesDynamicArrays)
    }

    /// Where the end tag of the row whose content starts at `start` begins, when the content is
    /// plain elements the patcher may copy unread; nil for a row to read. One pass over the
    /// bytes; `cm=`, `array` and (when they matter) `shared` anywhere make a row one to read.
    static func endOfPlainRow(_ b: UnsafeBufferPointer<UInt8>, from start: Int, sharedFormulasMatter: Bool) -> Int? {
        func has(_ literal: StaticString, at k: Int) -> Bool {
            let p = literal.utf8Start, m = literal.utf8CodeUnitCount
            guard k + m <= b.count else { return false }
            for j in 1..<m where b[k + j] != p[j] { return false }
            return true
        }
        var i = start
        while i < b.count {
            switch b[i] {
            case UInt8(ascii: "c") where has("cm=", at: i): return nil
            case UInt8(ascii: "a") where has("array", at: i): return nil
            case UInt8(ascii: "s") where sharedFormulasMatter && has("shared", at: i): return nil
            case UInt8(ascii: "<"):
                guard i + 1 < b.count else { return nil }
                let next = b[i + 1]
                if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") { return nil }
                if next == UInt8(ascii: "/") {
                    var k = i + 2, local = k
                    while k < b.count, b[k] != UInt8(ascii: ">"), !(b[k] == 32 || b[k] == 9 || b[k] == 10 || b[k] == 13) {
                        if b[k] == UInt8(ascii: ":") { local = k + 1 }
                        k += 1
                    }
                    if k - local == 3, b[local] == UInt8(ascii: "r"), b[local + 1] == UInt8(ascii: "o"), b[local + 2] == UInt8(ascii: "w") { return i }
                }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// What a rewritten cell's start tag loses (its address, type and value metadata are written
    /// anew), and what a new constant keeps of it.
    private static let rewrittenAttributes: Set<String> = ["r", "t", "vm"], styleAttribute: Set<String> = ["s"]

    private func unordered(_ what: String) -> XlsxError {
        XlsxError(path: file, message: "\(part): \(what) is out of order (Excel writes rows and cells in order); Kalkyl cannot patch this sheet, so it is not saved: save as .kalk, or open and save the file in Excel or LibreOffice first")
    }
}
