import KalkylEngine

/// A range of a sheet as an aligned table: column letters above, row numbers at the left,
/// numbers right-aligned in their number formats, text left-aligned.
enum TableView {
    static let maximumWidth = 40
    /// Rows and columns shown at most; a larger range says how much more there is.
    static let maximumRows = 200, maximumColumns = 50

    /// The range as a table, cut to the sheet's used part (an empty cell past it shows nothing)
    /// and to `maximumRows` × `maximumColumns`, so `show A1:XFD1048576` is a screenful.
    /// `width`: the terminal's; the columns that do not fit are named on a last line instead.
    static func render(_ workbook: Workbook, sheet: Int, range requested: CellRange, locale: SpreadsheetLocale, width: Int? = nil) -> String {
        let layout = workbook.sheets[sheet]
        let lastRow = min(requested.end.row, max(requested.start.row, Int32(layout.usedRowCount) - 1), requested.start.row + Int32(maximumRows) - 1)
        let lastColumn = min(requested.end.column, max(requested.start.column, Int32(layout.usedColumnCount) - 1), requested.start.column + Int32(maximumColumns) - 1)
        let range = CellRange(requested.start, CellAddress(row: lastRow, column: lastColumn))
        var grid: [[String]] = [[""] + (range.start.column...range.end.column).map { A1.columnName(Int($0)) }]
        var numeric: [[Bool]] = [Array(repeating: false, count: range.columnCount + 1)]
        for row in range.start.row...range.end.row {
            var line = [String(row + 1)]
            var isNumber = [true]
            for column in range.start.column...range.end.column {
                let address = CellAddress(row: row, column: column)
                let value = workbook.value(at: CellLocation(sheet: sheet, address: address))
                var text = locale.text(of: value, format: layout.numberFormat(at: address))
                if text.count > maximumWidth { text = String(text.prefix(maximumWidth - 1)) + "…" }
                line.append(text)
                if case .number = value { isNumber.append(true) } else { isNumber.append(false) }
            }
            grid.append(line)
            numeric.append(isNumber)
        }
        var widths = Array(repeating: 0, count: range.columnCount + 1)
        for line in grid { for (i, cell) in line.enumerated() { widths[i] = max(widths[i], cell.count) } }
        // As many columns as fit (always one), left to right.
        var shown = widths.count
        if let width {
            var used = widths[0]
            shown = 1
            while shown < widths.count && (shown == 1 || used + 2 + widths[shown] <= width) {
                used += 2 + widths[shown]
                shown += 1
            }
        }
        var out = ""
        for (r, line) in grid.enumerated() {
            var cells: [String] = []
            for (i, cell) in line.prefix(shown).enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                cells.append(numeric[r][i] ? pad + cell : cell + pad)
            }
            out += cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        if shown < widths.count {
            let first = A1.columnName(Int(range.start.column) + shown - 1), last = A1.columnName(Int(range.end.column))
            let count = widths.count - shown
            out += "  … \(count) more column\(count == 1 ? "" : "s"): \(count == 1 ? first : first + "–" + last) (show --wide)\n"
        }
        let hiddenRows = requested.rowCount - range.rowCount, hiddenColumns = requested.columnCount - range.columnCount
        if hiddenRows > 0 || hiddenColumns > 0 {
            out += "  … \(hiddenRows) more rows and \(hiddenColumns) more columns of \(requested) (empty beyond row \(layout.usedRowCount), column \(A1.columnName(max(0, layout.usedColumnCount - 1))))\n"
        }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
