extension Workbook {
    /// Copies another workbook's sheets (cells, formats, widths) and names into this one, so a
    /// template can work on an existing workbook's tables: a requisition reads the allocation
    /// sheet, a financial report the activity table. A sheet or name that already exists here
    /// is an error; nothing is copied then.
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
        for name in other.names where definedName(name.name, fromSheet: name.scope.map { $0 + firstNew } ?? 0) == nil || name.scope != nil {
            try defineName(name.name, formula: name.formula, scope: name.scope.map { $0 + firstNew })
        }
        for (index, _) in other.sheets.enumerated() {
            for cell in other.cells(inSheet: index) {
                let source = CellLocation(sheet: index, address: cell.address)
                try set(other.input(at: source), at: CellLocation(sheet: firstNew + index, address: cell.address))
            }
        }
        recalculateAll()
    }
}
