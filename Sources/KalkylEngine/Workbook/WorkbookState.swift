/// The cells of a workbook at one moment, by sheet name, as plain values: what a scenario keeps
/// and what `WorkbookDifference` compares (two files, or two moments of one session).
public struct WorkbookState: Sendable {
    public struct Cell: Equatable, Sendable {
        /// The canonical formula text, or nil for a constant.
        public var formula: String?
        public var value: Value
    }

    public struct SheetState: Sendable {
        public var name: String
        public var cells: [CellAddress: Cell]
        /// Each cell's number format, for showing values.
        public var formats: [CellAddress: String]
    }

    public var sheets: [SheetState]

    public init(_ workbook: Workbook) {
        sheets = workbook.sheets.indices.map { s in
            var cells: [CellAddress: Cell] = [:], formats: [CellAddress: String] = [:]
            let sheet = workbook.sheets[s]
            for cell in workbook.cells(inSheet: s) {
                cells[cell.address] = Cell(formula: cell.formula.map { FormulaPrinter.formula($0.expression, at: cell.address) }, value: cell.value)
                if let format = sheet.numberFormat(at: cell.address) { formats[cell.address] = format }
            }
            return SheetState(name: sheet.name, cells: cells, formats: formats)
        }
    }

    public func sheet(named name: String) -> SheetState? {
        sheets.first { $0.name == name } ?? sheets.first { $0.name.lowercased() == name.lowercased() }
    }
}

extension WorkbookState.SheetState {
    /// What a person calls a cell in a table: the first text left of it in its row and the
    /// text above it in the first row (`Region Stockholm · Totalt`), where there is any.
    public func label(of address: CellAddress) -> String? {
        var parts: [String] = []
        for column in 0..<address.column {
            if case .text(let t)? = cells[CellAddress(row: address.row, column: column)]?.value, !t.isEmpty { parts.append(t); break }
        }
        if address.row > 0, case .text(let t)? = cells[CellAddress(row: 0, column: address.column)]?.value, !t.isEmpty { parts.append(t) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
