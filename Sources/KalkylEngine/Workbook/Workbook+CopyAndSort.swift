/// Copying and sorting cells give new inputs for cells, which the caller sets as one edit (so
/// undo takes them back as any edit): nothing else in the workbook changes.
extension Workbook {
    /// The most cells one paste or sort gives inputs for: a whole column.
    public static let maximumRearrangedCells = 1_048_576

    /// The inputs pasting a copy of `source` onto `destination` gives, as Excel pastes: a
    /// formula is the same relative to its new cell (`=B2*2` copied down a row is `=B3*2`;
    /// absolute references stay), and a destination that is a whole multiple of the source's
    /// size gets it repeated. A one-cell destination is the source's size.
    public func copyInputs(from source: CellRange, sheet sourceSheet: Int, to destination: CellRange, sheet destinationSheet: Int) throws(WorkbookError) -> [(CellLocation, CellInput)] {
        var target = destination
        if destination.isSingleCell {
            target = CellRange(destination.start, CellAddress(row: destination.start.row + Int32(source.rowCount) - 1,
                                                              column: destination.start.column + Int32(source.columnCount) - 1))
            guard target.end.isValid else { throw .invalidEdit("\(source) pasted at \(destination) would leave the sheet") }
        }
        guard target.cellCount <= Self.maximumRearrangedCells else {
            throw .invalidEdit("the paste onto \(target) is \(target.cellCount) cells; one paste sets at most \(Self.maximumRearrangedCells) (a whole column)")
        }
        guard target.rowCount % source.rowCount == 0, target.columnCount % source.columnCount == 0 else {
            throw .invalidEdit("\(source) is \(source.rowCount) × \(source.columnCount) cells and \(destination) is \(target.rowCount) × \(target.columnCount): the paste area must be the copy's size or a multiple of it")
        }
        var inputs: [(CellLocation, CellInput)] = []
        inputs.reserveCapacity(target.cellCount)
        for address in target.addresses {
            let from = CellAddress(row: source.start.row + (address.row - target.start.row) % Int32(source.rowCount),
                                   column: source.start.column + (address.column - target.start.column) % Int32(source.columnCount))
            inputs.append((CellLocation(sheet: destinationSheet, address: address), input(of: CellLocation(sheet: sourceSheet, address: from), placedAt: address)))
        }
        return inputs
    }

    /// A cell's input as it would be in another cell: a formula keeps its relative references
    /// relative (see `Expression`); a cell a spill covers has none.
    func input(of location: CellLocation, placedAt address: CellAddress) -> CellInput {
        if let formula = formula(at: location) { return .formula(FormulaPrinter.formula(formula.expression, at: address)) }
        return input(at: location)
    }

    /// A sort key: a column of the sheet, and the direction.
    public struct SortKey: Hashable, Sendable {
        public var column: Int32
        public var descending: Bool
        public init(column: Int32, descending: Bool = false) {
            self.column = column
            self.descending = descending
        }
    }

    /// The inputs that sort the rows of `range` by `keys`, as Excel's Sort does: by the values
    /// the cells show, numbers before text before logicals before errors, empty cells last in
    /// either direction, text without regard to case in the locale's collation (å, ä, ö after
    /// z in Swedish), equal rows in their order. Each row moves whole, its formulas the same
    /// relative to their new cells: a reference to the row's own cells (`=B5/$B$23`) still
    /// reads its row, one to another row reads the row that lands there. Formulas outside the
    /// range keep reading the same cells (they do not follow the rows, as in Excel).
    public func sortInputs(_ range: CellRange, sheet: Int, by keys: [SortKey], locale: SpreadsheetLocale) throws(WorkbookError) -> [(CellLocation, CellInput)] {
        guard !keys.isEmpty else { throw .invalidEdit("a sort needs a column to sort by") }
        guard range.cellCount <= Self.maximumRearrangedCells else {
            throw .invalidEdit("\(range) is \(range.cellCount) cells; one sort moves at most \(Self.maximumRearrangedCells) (a whole column)")
        }
        for key in keys where key.column < range.start.column || key.column > range.end.column {
            throw .invalidEdit("column \(A1.columnName(Int(key.column))) is not in \(range)")
        }
        let lines = range.rowCount
        let keyValues = keys.map { key in
            (values: (0..<lines).map { value(at: CellLocation(sheet: sheet, address: CellAddress(row: range.start.row + Int32($0), column: key.column))) },
             descending: key.descending)
        }
        let order = ArraySort.order(lines: lines, keys: keyValues, locale: locale)
        var inputs: [(CellLocation, CellInput)] = []
        inputs.reserveCapacity(range.cellCount)
        for (offset, from) in order.enumerated() {
            let row = range.start.row + Int32(offset)
            for column in range.start.column...range.end.column {
                let address = CellAddress(row: row, column: column)
                let source = CellLocation(sheet: sheet, address: CellAddress(row: range.start.row + Int32(from), column: column))
                inputs.append((CellLocation(sheet: sheet, address: address), input(of: source, placedAt: address)))
            }
        }
        return inputs
    }
}
