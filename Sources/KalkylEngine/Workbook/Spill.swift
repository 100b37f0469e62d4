/// Where a formula's array result lies, as Excel 365 spills it: from the formula's own cell
/// (the anchor, at the top left) down and to the right.
public struct Spill: Hashable, Sendable {
    public let sheet: Int32
    /// The cells the array covers, or would cover when it is blocked.
    public let area: CellRange
    /// The area holds a value or formula of its own, or leaves the sheet: the anchor shows
    /// #SPILL! and no cell is covered.
    public let isBlocked: Bool
}
