import KalkylEngine

/// A legacy (Ctrl+Shift+Enter) array formula over several cells, `{=B3:B5*2}` in F4:F6. Excel
/// stores the formula once, in the first cell (`<f t="array" ref="F4:F6">`), and only values in
/// the others. Kalkyl computes each other cell as the element of the result it shows,
/// `=INDEX((B3:B5*2),2,1)` in F5; a save writes those cells' values only, so the file keeps the
/// array formula as Excel wrote it. (Where the result is smaller than the range, Excel shows
/// #N/A and INDEX gives #REF!.)
struct ArrayFormulaRange {
    let range: CellRange
    /// The formula as the file has it, without `=`.
    let formula: String

    /// The range of a `<f t="array" ref="…">` over more than one cell, from an `<f>`'s `t`
    /// and `ref`.
    init?(kind: SheetCell.FormulaKind, ref: String?, formula: String) {
        guard kind == .array, let ref, let range = CellRange(ref), !range.isSingleCell else { return nil }
        self.range = range
        self.formula = formula
    }

    /// Whether `address` is one of the cells after the first.
    func isMember(_ address: CellAddress) -> Bool { range.contains(address) && address != range.start }

    /// The formula of a member cell.
    func memberFormula(at address: CellAddress) -> String {
        "=INDEX((\(formula)),\(address.row - range.start.row + 1),\(address.column - range.start.column + 1))"
    }
}
