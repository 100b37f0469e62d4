extension Workbook {
    /// Copies another workbook's sheets (cells, formats, widths), tables and names into this one, so a
    /// template can work on an existing workbook's tables: a requisition reads the allocation
    /// sheet, a financial report the activity table. A sheet that already exists here is an
    /// error, found before anything is copied; a workbook-wide name that exists here already
    /// keeps this workbook's definition.
    public func include(_ other: Workbook) throws(WorkbookError) {
        for sheet in other.sheets where sheetIndex(named: sheet.name) != nil {
            throw WorkbookError.duplicateSheet(sheet.name)
        }
        let firstNew = sheets.count
        for sheet in other.sheets {
            try addSheet(named: sheet.name)
            updateLayout(ofSheet: sheets.count - 1) {
                $0.columnWidths = sheet.columnWidths
                $0.numberFormats = sheet.numberFormats
            }
        }
        for table in other.tables {
            var moved = table
            moved.sheet += firstNew
            try addTable(moved)
        }
        let existing = Set(names.filter { $0.scope == nil }.map { $0.name.uppercased() })
        for name in other.names where name.scope != nil || !existing.contains(name.name.uppercased()) {
            try defineName(name.name, formula: name.formula, scope: name.scope.map { $0 + firstNew })
        }
        for (index, _) in other.sheets.enumerated() {
            for cell in other.cells(inSheet: index, inputsOnly: true) {
                let source = CellLocation(sheet: index, address: cell.address)
                try set(other.input(at: source), at: CellLocation(sheet: firstNew + index, address: cell.address))
            }
        }
        recalculateAll()
    }
}
