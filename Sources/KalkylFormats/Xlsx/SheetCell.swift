import KalkylEngine

/// One `<c>` of a worksheet part as the file has it, before it is read into the workbook: the
/// general XML reader and the fast `SheetDataScanner` both give these, and `SheetCellReader`
/// turns either into cells, so the two paths cannot read a cell differently.
struct SheetCell: Equatable {
    var address: CellAddress
    /// `t`: n (number), s (shared string), str, inlineStr, b, e.
    var type: String = "n"
    var style = 0
    /// `cm`: cell metadata, which marks Excel 365's dynamic-array formulas.
    var hasCellMetadata = false
    /// The text of `<f>`, or nil when the cell has none.
    var formula: String? = nil
    /// The attributes of `<f>` a reader needs: `t` (shared, array), `si` (a shared formula's
    /// index) and `ref` (the cells a shared or array formula covers).
    var formulaType: String? = nil
    var sharedIndex: String? = nil
    var formulaRef: String? = nil
    /// The text of `<v>` or of an inline string's `<t>`.
    var value = ""
    /// Whether the cell has a `<v>` or `<is>` at all (an empty `<v/>` is a value).
    var sawValue = false
    /// Where the `<c` tag starts in the part, for the line of an error.
    var offset = 0
}
