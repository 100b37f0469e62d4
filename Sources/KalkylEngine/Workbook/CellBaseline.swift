/// The cells of a workbook as they were at one moment, kept to tell later what changed since:
/// a saver that patches the file a workbook came from rewrites only the cells that differ.
///
/// Taking one costs nothing: the columns are shared with the workbook (copy on write) until an
/// edit or a recalculation changes one of them, which then is copied once.
public struct CellBaseline {
    fileprivate let sheets: [Sheet]
    fileprivate let formulas: [CompiledFormula]

    /// How a cell differs from the baseline.
    public enum Change: Equatable {
        case none
        /// The same input (formula or constant), another computed value.
        case value
        /// Another formula or constant, or another sheet altogether.
        case input
    }

    /// Compares cells with the baseline, remembering which formulas it found equal (after a
    /// name or a sheet is added, the workbook compiles its formulas anew, so equal formulas are
    /// no longer the same object).
    public struct Comparison {
        fileprivate let baseline: CellBaseline
        fileprivate let workbook: Workbook
        private var sameFormulas: [Pair: Bool] = [:]

        private struct Pair: Hashable {
            var old: Int32
            var new: Int32
        }

        fileprivate init(baseline: CellBaseline, workbook: Workbook) {
            self.baseline = baseline
            self.workbook = workbook
        }

        /// Whether nothing of a sheet's cells can have changed: its columns are still the very
        /// storage the baseline shares (an edit or a changed value would have copied one). When
        /// false, something may have changed; ask `change(at:)` cell by cell.
        public func isUntouched(sheet s: Int) -> Bool {
            guard s < baseline.sheets.count, s < workbook.sheets.count else { return false }
            let old = baseline.sheets[s].columns, new = workbook.sheets[s].columns
            guard old.count == new.count else { return false }
            for (a, b) in zip(old, new) where !a.sharesStorage(with: b) { return false }
            return true
        }

        /// The rows of a sheet with a cell whose `change(at:)` is not `.none`: a patcher copies
        /// the other rows as the file has them. Columns still shared with the baseline are
        /// skipped whole, and only cells whose stored bytes differ are compared.
        public mutating func changedRows(sheet s: Int) -> Set<Int32> {
            guard s < baseline.sheets.count, s < workbook.sheets.count else {
                let sheet = s < workbook.sheets.count ? workbook.sheets[s] : Sheet(name: "")
                return Set((0..<Int32(sheet.usedRowCount)).map { $0 })
            }
            let old = baseline.sheets[s].columns, new = workbook.sheets[s].columns
            var rows: Set<Int32> = []
            for c in 0..<max(old.count, new.count) {
                let a = c < old.count ? old[c] : Column(), b = c < new.count ? new[c] : Column()
                if a.sharesStorage(with: b) { continue }
                b.rowsMaybeDiffering(from: a) { r, sameFormulaIndex in
                    let row = Int32(r)
                    // The same bytes and the very formula object: unchanged without comparing expressions.
                    if let id = sameFormulaIndex, baseline.formulas[Int(id)] === workbook.formulas[Int(id)] { return }
                    if !rows.contains(row), change(at: CellLocation(sheet: s, address: CellAddress(row: row, column: Int32(c)))) != .none {
                        rows.insert(row)
                    }
                }
            }
            return rows
        }

        public mutating func change(at location: CellLocation) -> Change {
            let s = Int(location.sheet), row = location.address.row, column = location.address.column
            guard s < baseline.sheets.count, s < workbook.sheets.count else { return .input }
            let old = baseline.sheets[s], new = workbook.sheets[s]
            let oldFormula = old.formula(row: row, column: column), newFormula = new.formula(row: row, column: column)
            let oldValue = old.value(row: row, column: column), newValue = new.value(row: row, column: column)
            if oldFormula == Column.noFormula || newFormula == Column.noFormula {
                if oldValue == newValue && oldFormula == newFormula { return .none }
                // A cell a spill covers has no input of its own: only its value changes.
                if oldFormula == newFormula, workbook.spillAnchor(covering: location) != nil { return .value }
                return .input
            }
            let pair = Pair(old: oldFormula, new: newFormula)
            let same: Bool
            if let known = sameFormulas[pair] {
                same = known
            } else {
                same = baseline.formulas[Int(oldFormula)].expression == workbook.formulas[Int(newFormula)].expression
                sameFormulas[pair] = same
            }
            guard same else { return .input }
            return oldValue == newValue ? .none : .value
        }
    }
}

extension Workbook {
    /// The cells as they are now, to compare with later (see `CellBaseline.Comparison`).
    public func baseline() -> CellBaseline { CellBaseline(sheets: sheets, formulas: formulas) }

    /// A comparison of the cells now with `baseline`.
    public func comparison(with baseline: CellBaseline) -> CellBaseline.Comparison {
        CellBaseline.Comparison(baseline: baseline, workbook: self)
    }
}
