/// Inserting and deleting rows and columns, as Excel does it: the cells move, and every formula,
/// defined name, table, number format and column width in the workbook follows them (see
/// `StructuralShift` for the rules). Spills are computed anew where their anchors went.
extension Workbook {
    /// What a structural edit did, for the change list.
    public struct StructuralEdit {
        /// The rows or columns inserted or deleted; nil for a move.
        public var shift: StructuralShift?
        /// Cells of the shifted sheet that moved, and cells deleted with their rows or columns.
        public var movedCells = 0, deletedCells = 0
        /// Formulas whose text changed, at the cell they are in now, with their text before.
        public var rewrittenFormulas: [(location: CellLocation, old: String, new: String)] = []
        /// Defined names whose definition changed.
        public var rewrittenNames: [(name: String, old: String, new: String)] = []
        /// Tables that moved, grew, shrank (nil: deleted with their rows or columns).
        public var resizedTables: [(name: String, old: CellRange, new: CellRange?)] = []
        /// Values that differ, at the cell they are in now, after the recalculation.
        public var changes: [RecalculationResult.Change] = []
        public var cycles: [[RecalculationResult.PathStep]] = []
    }

    public func insertRows(at row: Int32, count: Int32 = 1, inSheet sheet: Int) throws(WorkbookError) -> StructuralEdit {
        try apply(StructuralShift(sheet: sheet, axis: .rows, start: row, count: count, isInsertion: true))
    }

    public func deleteRows(at row: Int32, count: Int32 = 1, inSheet sheet: Int) throws(WorkbookError) -> StructuralEdit {
        try apply(StructuralShift(sheet: sheet, axis: .rows, start: row, count: count, isInsertion: false))
    }

    public func insertColumns(at column: Int32, count: Int32 = 1, inSheet sheet: Int) throws(WorkbookError) -> StructuralEdit {
        try apply(StructuralShift(sheet: sheet, axis: .columns, start: column, count: count, isInsertion: true))
    }

    public func deleteColumns(at column: Int32, count: Int32 = 1, inSheet sheet: Int) throws(WorkbookError) -> StructuralEdit {
        try apply(StructuralShift(sheet: sheet, axis: .columns, start: column, count: count, isInsertion: false))
    }

    /// Inserts or deletes rows or columns; refused (nothing changes) when cells would be pushed
    /// off the sheet or a table would lose its header row.
    public func apply(_ shift: StructuralShift) throws(WorkbookError) -> StructuralEdit {
        guard shift.sheet >= 0 && shift.sheet < sheets.count else { throw .noSuchSheet("\(shift.sheet + 1)") }
        guard shift.count >= 1, shift.start >= 0, shift.start < shift.limit, shift.count <= shift.limit - shift.start else {
            // (Not `shift.description`: its last index would overflow.)
            throw .invalidEdit("\(shift.count) \(shift.axis.rawValue) from index \(shift.start) do not fit on the sheet")
        }
        let sheetName = sheets[shift.sheet].name
        if shift.isInsertion {
            let used = shift.axis == .rows ? sheets[shift.sheet].usedRowCount : sheets[shift.sheet].usedColumnCount
            guard Int32(used) + shift.count <= shift.limit else {
                throw .invalidEdit("inserting \(shift.description) in \(sheetName) would push cells off the end of the sheet")
            }
        }
        var newTables: [Table] = []
        var edit = StructuralEdit(shift: shift)
        for table in tables {
            guard table.sheet == shift.sheet else { newTables.append(table); continue }
            let moved = try shifted(table, by: shift)
            if moved?.range != table.range { edit.resizedTables.append((table.name, table.range, moved?.range)) }
            if let moved { newTables.append(moved) }
        }
        var (contents, valuesBefore) = rearranged(into: &edit, moving: { s, address in s == shift.sheet ? shift.moved(address) : address }) { sheet, shape, range in
            guard sheet == shift.sheet else { return range }
            switch (shift.axis, shape) {
            case (.rows, .columns), (.columns, .rows): return range
            case (_, .cell): return shift.moved(range.start).map { CellRange($0) }
            default: return shift.moved(range)
            }
        }
        contents.tables = newTables
        contents.layouts[shift.sheet] = shifted(contents.layouts[shift.sheet], by: shift)
        contents.shifts.append(shift)
        load(contents, valuesBefore: valuesBefore, into: &edit)
        return edit
    }

    /// Moves a range's cells to another place on the same sheet, as Excel's cut and paste does:
    /// formulas anywhere that read the moved cells follow them (a reference must lie wholly in
    /// the moved range to follow), the moved formulas keep reading what they read, and a
    /// reference to a cell the move overwrote becomes `#REF!`.
    public func move(_ source: CellRange, inSheet sheet: Int, to destination: CellAddress) throws(WorkbookError) -> StructuralEdit {
        let rows = destination.row - source.start.row, columns = destination.column - source.start.column
        let target = CellRange(destination, CellAddress(row: source.end.row + rows, column: source.end.column + columns))
        guard target.start.isValid && target.end.isValid else { throw .invalidEdit("\(source) moved to \(destination) would leave the sheet") }
        if let table = tables.first(where: { $0.sheet == sheet && ($0.range.overlaps(source) || $0.range.overlaps(target)) }) {
            throw .invalidEdit("the move touches the table \(table.name); Kalkyl does not move cells in and out of tables")
        }
        func translated(_ a: CellAddress) -> CellAddress { CellAddress(row: a.row + rows, column: a.column + columns) }
        var edit = StructuralEdit(shift: nil)
        let (contents, valuesBefore) = rearranged(into: &edit, moving: { s, address in
            guard s == sheet else { return address }
            if source.contains(address) { return translated(address) }
            return target.contains(address) ? nil : address
        }) { s, shape, range in
            guard s == sheet, shape == .cell || shape == .area else { return range }
            if source.contains(range.start) && source.contains(range.end) { return CellRange(translated(range.start), translated(range.end)) }
            if shape == .cell && target.contains(range.start) { return nil }
            return range
        }
        load(contents, valuesBefore: valuesBefore, into: &edit)
        return edit
    }

    /// The workbook's contents with every cell where `moving` puts it (nil: gone) and every
    /// formula's and name's references where `references` maps them; counts what moved. With
    /// it, the values now, by the cell they will be in.
    private func rearranged(into edit: inout StructuralEdit, moving: (Int, CellAddress) -> CellAddress?,
                            references: @escaping (Int?, Reference.Shape, CellRange) -> CellRange?) -> (Contents, [CellLocation: Value]) {
        var contents = self.contents()
        var valuesBefore: [CellLocation: Value] = [:]
        for s in sheets.indices {
            for (address, value, _) in cells(inSheet: s) {
                if let new = moving(s, address) { valuesBefore[CellLocation(sheet: s, address: new)] = value }
            }
        }
        func mapper(host: Int?) -> (String?, Reference.Shape, CellRange) -> CellRange? {
            { name, shape, range in references(name.map { self.sheetIndex(named: $0) ?? -1 } ?? host, shape, range) }
        }
        for s in contents.cells.indices {
            var kept: [Contents.Cell] = []
            kept.reserveCapacity(contents.cells[s].count)
            let map = mapper(host: s)
            for var cell in contents.cells[s] {
                guard let address = moving(s, cell.address) else { edit.deletedCells += 1; continue }
                if address != cell.address { edit.movedCells += 1 }
                if let expression = cell.expression {
                    let new = ReferenceRewriter.rewrite(expression, from: cell.address, to: address, map: map)
                    let oldText = FormulaPrinter.formula(expression, at: cell.address)
                    let newText = FormulaPrinter.formula(new, at: address)
                    if oldText != newText { edit.rewrittenFormulas.append((CellLocation(sheet: s, address: address), oldText, newText)) }
                    cell.expression = new
                }
                cell.address = address
                kept.append(cell)
            }
            contents.cells[s] = kept.sorted { $0.address < $1.address }
        }
        // Names are written as if in A1; an unqualified reference in one is to its own sheet.
        let origin = CellAddress(row: 0, column: 0)
        contents.names = names.map { name in
            var name = name
            let new = ReferenceRewriter.rewrite(name.expression, from: origin, to: origin, map: mapper(host: name.scope))
            if new != name.expression {
                edit.rewrittenNames.append((name.name, name.formula, FormulaPrinter.formula(new, at: origin)))
                name.expression = new
            }
            return name
        }
        return (contents, valuesBefore)
    }

    /// Loads rearranged contents and lists the values that differ from before.
    private func load(_ contents: Contents, valuesBefore: [CellLocation: Value], into edit: inout StructuralEdit) {
        let result = restore(contents)
        for (location, value) in valuesBefore where value != self.value(at: location) {
            edit.changes.append(.init(location: location, oldValue: value, newValue: self.value(at: location)))
        }
        for s in sheets.indices {
            for (address, value, _) in cells(inSheet: s) where valuesBefore[CellLocation(sheet: s, address: address)] == nil {
                edit.changes.append(.init(location: CellLocation(sheet: s, address: address), oldValue: .empty, newValue: value))
            }
        }
        edit.changes.sort { $0.location < $1.location }
        edit.cycles = result.cycles
    }

    private func shifted(_ table: Table, by shift: StructuralShift) throws(WorkbookError) -> Table? {
        var table = table
        guard let range = shift.moved(table.range) else { return nil }
        if !shift.isInsertion && shift.axis == .rows {
            if table.hasHeaderRow && shift.moved(table.range.start.row) == nil {
                throw .invalidEdit("deleting \(shift.description) would delete the header row of the table \(table.name) but not the whole table")
            }
            if table.hasTotalsRow && shift.moved(table.range.end.row) == nil {
                throw .invalidEdit("deleting \(shift.description) would delete the totals row of the table \(table.name) but not the whole table")
            }
        }
        if shift.axis == .columns {
            var names: [String] = []
            for (i, name) in table.columns.enumerated() {
                let column = table.range.start.column + Int32(i)
                if shift.isInsertion && column == shift.start && column > table.range.start.column {
                    // Columns inserted inside a table become its columns, named as Excel names them.
                    for _ in 0..<shift.count {
                        var n = 1
                        while (table.columns + names).contains(where: { $0.uppercased() == "COLUMN\(n)" }) { n += 1 }
                        names.append("Column\(n)")
                    }
                }
                if shift.isInsertion || shift.moved(column) != nil { names.append(name) }
            }
            table.columns = names
        }
        table.range = range
        return table
    }

    private func shifted(_ layout: Contents.Layout, by shift: StructuralShift) -> Contents.Layout {
        var layout = layout
        layout.numberFormats = layout.numberFormats.compactMap { entry in shift.moved(entry.range).map { ($0, entry.format) } }
        if shift.axis == .columns {
            var widths: [Int32: Double] = [:]
            for (column, width) in layout.columnWidths { if let moved = shift.moved(column) { widths[moved] = width } }
            layout.columnWidths = widths
        }
        return layout
    }
}
