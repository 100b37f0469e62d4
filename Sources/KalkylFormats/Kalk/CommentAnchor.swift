import KalkylEngine

/// Where a comment line of a .kalk file stands: before which item. Comments belong to the
/// file, so a `WorkbookDocument` keeps them, not the workbook.
public enum CommentAnchor: Hashable, Sendable {
    case header
    case sheet(String)
    case cell(sheet: String, address: CellAddress)
    case name(String)
    case parameter(String)
    case end
}
