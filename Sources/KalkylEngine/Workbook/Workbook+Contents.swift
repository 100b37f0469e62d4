/// Everything a person put into a workbook, as plain data: a structural edit rewrites it and
/// loads it back, and undo of one puts back the contents taken before it, exactly.
extension Workbook {
    public struct Contents {
        struct Cell {
            var address: CellAddress
            /// The constant, or the formula's last value.
            var value: Value
            var expression: Expression?
        }

        struct Layout {
            var columnWidths: [Int32: Double]
            var numberFormats: [(range: CellRange, format: String)]
        }

        /// Each sheet's inputs (cells a spill covers are not inputs).
        var cells: [[Cell]]
        var names: [DefinedName]
        var tables: [Table]
        var layouts: [Layout]
        var shifts: [StructuralShift]
    }

    /// The workbook's contents now.
    public func contents() -> Contents {
        var cells: [[Contents.Cell]] = []
        for s in sheets.indices {
            cells.append(self.cells(inSheet: s, inputsOnly: true).map { .init(address: $0.address, value: $0.value, expression: $0.formula?.expression) })
        }
        return Contents(cells: cells, names: names, tables: tables,
                        layouts: sheets.map { .init(columnWidths: $0.columnWidths, numberFormats: $0.numberFormats) },
                        shifts: structuralShifts)
    }

    /// Makes the workbook hold `contents` (taken from it, on the same sheets) and computes it anew.
    @discardableResult
    public func restore(_ contents: Contents) -> RecalculationResult {
        precondition(contents.cells.count == sheets.count, "contents of another workbook")
        removeAllCells()
        names = contents.names
        tables = contents.tables
        structuralShifts = contents.shifts
        for (s, layout) in contents.layouts.enumerated() {
            updateLayout(ofSheet: s) {
                $0.columnWidths = layout.columnWidths
                $0.numberFormats = layout.numberFormats
            }
        }
        return load {
            for (s, cells) in contents.cells.enumerated() {
                for cell in cells {
                    let location = CellLocation(sheet: s, address: cell.address)
                    if let expression = cell.expression { set(expression: expression, at: location) } else { try? set(.constant(cell.value), at: location) }
                }
            }
        }
    }
}
