import KalkylEngine

/// The `--sheet` option of several commands: a sheet by name, or the first.
enum SheetOption {
    static func index(_ name: String?, in workbook: Workbook) throws -> Int {
        guard let name else {
            guard !workbook.sheets.isEmpty else { throw CommandFailure.input("the workbook has no sheets") }
            return 0
        }
        guard let index = workbook.sheetIndex(named: name) else {
            throw CommandFailure.input("no sheet named '\(name)' (sheets: \(workbook.sheetNames.joined(separator: ", ")))")
        }
        return index
    }
}
