extension Workbook {
    /// Adds a table, or replaces the one of the same name; formulas that name it are compiled anew.
    public func addTable(_ table: Table) throws(WorkbookError) {
        guard DefinedName.isValid(table.name) else { throw .invalidTable(table.name, reason: "has no valid name (letters, digits, _ and ., not a cell address)") }
        guard table.sheet >= 0 && table.sheet < sheets.count else { throw .invalidTable(table.name, reason: "is on no sheet of the workbook") }
        guard table.columns.count == table.range.columnCount else {
            throw .invalidTable(table.name, reason: "has \(table.columns.count) column names for \(table.range.columnCount) columns")
        }
        guard Set(table.columns.map { $0.uppercased() }).count == table.columns.count, !table.columns.contains("") else {
            throw .invalidTable(table.name, reason: "has an empty or repeated column name")
        }
        let upper = table.name.uppercased()
        guard !names.contains(where: { $0.name.uppercased() == upper }) else { throw .invalidTable(table.name, reason: "has the name of a defined name") }
        if let other = tables.first(where: { $0.name.uppercased() != upper && $0.sheet == table.sheet && $0.range.overlaps(table.range) }) {
            throw .invalidTable(table.name, reason: "overlaps the table \(other.name)")
        }
        tables.removeAll { $0.name.uppercased() == upper }
        tables.append(table)
        if !formulas.isEmpty { rebuildFormulas() }
    }

    /// The table of that name (case-insensitive), as formulas look it up.
    public func table(named name: String) -> Table? {
        let upper = name.uppercased()
        return tables.first { $0.name.uppercased() == upper }
    }
}

extension Workbook {
    /// What growing tables did: their ranges before, and the calculated-column formulas it filled in.
    public struct TableGrowth {
        public var tablesBefore: [Table]
        /// The new rows' cells that got their column's formula.
        public var filled: [(CellLocation, CellInput)]
        /// The tables that took in a row, by name.
        public var grown: [String]
    }

    /// Grows the tables that a filled cell right below them touches, as Excel does when one types
    /// in the row under a table (without a totals row): the table takes the row in, formulas
    /// naming its columns cover it, and each calculated column — one whose data cells all hold
    /// the same formula — gets that formula in the new row. Call it after setting the cells.
    @discardableResult
    public func growTables(toInclude locations: [CellLocation]) -> TableGrowth {
        var growth = TableGrowth(tablesBefore: tables, filled: [], grown: [])
        var newRows: [(table: Int, row: Int32)] = []
        for (index, table) in tables.enumerated() where !table.hasTotalsRow && table.range.end.row + 1 < CellAddress.maxRows {
            let below = table.range.end.row + 1
            let row = CellRange(CellAddress(row: below, column: table.range.start.column), CellAddress(row: below, column: table.range.end.column))
            guard !tables.contains(where: { $0.sheet == table.sheet && $0.range.overlaps(row) }) else { continue }
            let touches = locations.contains { location in
                Int(location.sheet) == table.sheet && location.address.row == below
                    && location.address.column >= table.range.start.column && location.address.column <= table.range.end.column
                    && (formula(at: location) != nil || value(at: location) != .empty)
            }
            if touches { newRows.append((index, below)) }
        }
        guard !newRows.isEmpty else { return growth }
        // The calculated columns' formulas, read before the tables change (that recompiles formulas).
        var fills: [(CellLocation, Expression)] = []
        for (index, row) in newRows {
            let table = tables[index]
            guard let data = table.rows(.data) else { continue }
            for column in table.range.start.column...table.range.end.column {
                let target = CellLocation(sheet: table.sheet, address: CellAddress(row: row, column: column))
                guard formula(at: target) == nil, value(at: target) == .empty else { continue }
                var common: CompiledFormula? = nil
                var same = true
                for r in data.first...data.last {
                    guard let f = formula(at: CellLocation(sheet: table.sheet, address: CellAddress(row: r, column: column))),
                          common.map({ $0 === f }) ?? true else { same = false; break }
                    common = f
                }
                if same, let common { fills.append((target, common.expression)) }
            }
        }
        for (index, row) in newRows {
            tables[index].range = CellRange(tables[index].range.start, CellAddress(row: row, column: tables[index].range.end.column))
            growth.grown.append(tables[index].name)
        }
        if !formulas.isEmpty { rebuildFormulas() }
        for (location, expression) in fills {
            set(expression: expression, at: location)
            growth.filled.append((location, input(at: location)))
        }
        return growth
    }

    /// Puts tables back as they were (undo).
    public func restoreTables(_ tables: [Table]) {
        self.tables = tables
        if !formulas.isEmpty { rebuildFormulas() }
    }
}
