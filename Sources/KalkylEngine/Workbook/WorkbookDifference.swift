/// Every cell that differs between two states of a workbook, grouped by sheet: inputs (a
/// constant or a formula that is not the same) and computed values (the same formula, another
/// value), with the difference of numbers, and per sheet a summary that names the totals that
/// read changed cells and did not change.
public struct WorkbookDifference: Sendable {
    public enum Kind: String, Sendable { case input, computed }

    public struct CellDifference: Sendable {
        public var address: CellAddress
        public var kind: Kind
        public var old: WorkbookState.Cell?
        public var new: WorkbookState.Cell?
        /// `Region Stockholm · Totalt` (see `SheetState.label`).
        public var label: String?
        public var format: String?
        /// new − old, when both are numbers.
        public var difference: Double? {
            guard case .number(let a)? = old?.value, case .number(let b)? = new?.value else { return nil }
            return b - a
        }
    }

    public struct SheetDifference: Sendable {
        public var name: String
        public var cells: [CellDifference]
        /// Formula cells that read a changed cell and kept their value: a total that holds.
        public var unchanged: [CellDifference]
        public var inputCount: Int { cells.filter { $0.kind == .input }.count }
        public var computedCount: Int { cells.filter { $0.kind == .computed }.count }
        public var rowCount: Int { Set(cells.map(\.address.row)).count }
    }

    public var sheets: [SheetDifference]
    public var onlyInOld: [String]
    public var onlyInNew: [String]

    public var isEmpty: Bool { sheets.allSatisfy(\.cells.isEmpty) && onlyInOld.isEmpty && onlyInNew.isEmpty }

    /// `newWorkbook`, the workbook `new` was taken from, tells which formulas read which cells
    /// (for the unchanged totals); without it none are named.
    public init(from old: WorkbookState, to new: WorkbookState, newWorkbook: Workbook? = nil, onlySheet: String? = nil) {
        onlyInOld = old.sheets.map(\.name).filter { new.sheet(named: $0) == nil }
        onlyInNew = new.sheets.map(\.name).filter { old.sheet(named: $0) == nil }
        sheets = []
        for newSheet in new.sheets {
            guard let oldSheet = old.sheet(named: newSheet.name) else { continue }
            if let onlySheet, onlySheet.lowercased() != newSheet.name.lowercased() { continue }
            var cells: [CellDifference] = []
            for address in Set(oldSheet.cells.keys).union(newSheet.cells.keys).sorted() {
                let a = oldSheet.cells[address], b = newSheet.cells[address]
                guard !Self.same(a, b) else { continue }
                let kind: Kind = (a?.formula != nil && a?.formula == b?.formula) ? .computed : .input
                cells.append(CellDifference(address: address, kind: kind, old: a, new: b,
                                            label: newSheet.label(of: address) ?? oldSheet.label(of: address),
                                            format: newSheet.formats[address] ?? oldSheet.formats[address]))
            }
            var unchanged: [CellDifference] = []
            if let newWorkbook, let index = newWorkbook.sheetIndex(named: newSheet.name), !cells.isEmpty {
                var seen = Set<CellAddress>(cells.map(\.address))
                for changed in cells.prefix(10_000) {
                    for dependent in newWorkbook.dependents(of: CellLocation(sheet: index, address: changed.address))
                    where Int(dependent.sheet) == index && seen.insert(dependent.address).inserted {
                        guard let cell = newSheet.cells[dependent.address], cell == oldSheet.cells[dependent.address], case .number = cell.value else { continue }
                        unchanged.append(CellDifference(address: dependent.address, kind: .computed, old: cell, new: cell,
                                                        label: newSheet.label(of: dependent.address), format: newSheet.formats[dependent.address]))
                    }
                }
            }
            sheets.append(SheetDifference(name: newSheet.name, cells: cells, unchanged: unchanged.sorted { $0.address < $1.address }))
        }
    }

    /// Equal cells: the same formula and value; numbers equal to the bit (a difference a
    /// person cannot see is still one).
    private static func same(_ a: WorkbookState.Cell?, _ b: WorkbookState.Cell?) -> Bool {
        let a = a ?? WorkbookState.Cell(formula: nil, value: .empty), b = b ?? WorkbookState.Cell(formula: nil, value: .empty)
        return a.formula == b.formula && a.value == b.value
    }
}
