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
