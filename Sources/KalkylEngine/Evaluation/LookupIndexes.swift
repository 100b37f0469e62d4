/// Hash indexes of the columns (or rows) that exact-match VLOOKUP, HLOOKUP, MATCH and XLOOKUP
/// search, kept by the workbook across recalculations: an index is built the first time its
/// range is searched and dropped when a cell of the range changes, so an edit elsewhere (a new
/// lookup key) searches in constant time instead of rebuilding the index.
struct LookupIndexes {
    struct Key: Hashable {
        var sheet: Int32
        var range: CellRange
    }

    /// A value as an exact-match lookup compares it: numbers by value, text without case.
    enum LookupValue: Hashable {
        case number(Double)
        case text(String)
        case boolean(Bool)

        init?(_ value: Value) {
            switch value {
            case .number(let n): self = .number(n == 0 ? 0 : n)
            case .text(let s): self = .text(s.lowercased())
            case .boolean(let b): self = .boolean(b)
            default: return nil
            }
        }
    }

    /// Per range: the first position of each value.
    var indexes: [Key: [LookupValue: Int]] = [:]

    /// Drops the indexes whose range holds a cell whose value changed.
    @inline(__always)
    mutating func cellChanged(sheet: Int32, at address: CellAddress) {
        guard !indexes.isEmpty else { return }
        // Indexes are few (one per looked-up range); past a handful, dropping all is cheaper.
        if indexes.count > 32 { indexes.removeAll(); return }
        for key in indexes.keys where key.sheet == sheet && key.range.contains(address) { indexes[key] = nil }
    }
}
