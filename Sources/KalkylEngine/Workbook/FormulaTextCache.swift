import Foundation

/// Formula ids by sheet and `RelativeFormulaText`, so a filled-down formula is parsed once.
///
/// A reader meets a filled-down column's formulas one row after another, interleaved with the
/// row's other columns, so the last few distinct texts are kept in a small ring, each with the
/// last formula text found for it and its cell: the formula in the cell below is that text with
/// its relative row numbers one more (`followsRowAbove`), which is checked without working out
/// its relative text at all. Otherwise the relative text is compared byte for byte with the
/// ring's: a hit costs no String, no hash and no allocation. Older texts stay findable in a
/// bounded dictionary.
struct FormulaTextCache {
    private struct Key: Hashable {
        var sheet: Int32
        var isLegacy: Bool
        var text: [UInt8]
    }

    /// A formula id in the ring, with the formula last found for it: its text, cell, and where
    /// its relative row numbers stand.
    private struct Recent {
        var key: Key
        var id: Int32
        var lastText: [UInt8]
        var lastCell: CellLocation
        var lastRows: [Int]

        /// Makes `text` in `cell` the formula last found (its rows are swapped in from `rows`).
        mutating func follow(_ text: UnsafeBufferPointer<UInt8>, at cell: CellLocation, rows: inout [Int]) {
            if lastText.count == text.count, let source = text.baseAddress {
                lastText.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: source, count: text.count) }
            } else {
                lastText = Array(text)
            }
            lastCell = cell
            swap(&lastRows, &rows)
        }
    }

    private static let ringSize = 16
    private var ring: [Recent] = []
    private var nextInRing = 0
    private var byText: [Key: Int32] = [:]
    /// The relative text of the formula last looked up, written in place: its first
    /// `scratchCount` bytes, or none when nil; the text and cell it was for, and its rows.
    private var scratch: [UInt8] = []
    private var scratchCount: Int?
    private var scratchRows: [Int] = []
    private var lookedUp: (text: String, cell: CellLocation)?

    /// Whether the ring is consulted; tests turn it off to compare with the dictionary alone.
    var usesRing = true

    /// The id of a formula with the same text relative to its cell, if one was stored.
    /// Remembers the text so `store` can keep it.
    mutating func id(of text: String, at location: CellLocation, isLegacy: Bool) -> Int32? {
        scratchCount = nil
        if usesRing, let id = idFollowingRowAbove(text, at: location, isLegacy: isLegacy) { return id }
        scratchCount = RelativeFormulaText.write(text, at: location.address, into: &scratch, rows: &scratchRows)
        guard let count = scratchCount else { return nil }
        lookedUp = (text, location)
        if usesRing, let index = scratch.withUnsafeBufferPointer({ written in ringIndex(of: UnsafeBufferPointer(rebasing: written[..<count]), sheet: location.sheet, isLegacy: isLegacy) }) {
            ring[index].lastText = Array(text.utf8)
            ring[index].lastCell = location
            swap(&ring[index].lastRows, &scratchRows)
            return ring[index].id
        }
        let key = Key(sheet: location.sheet, isLegacy: isLegacy, text: Array(scratch[..<count]))
        guard let id = byText[key] else { return nil }
        remember(key, id)
        return id
    }

    /// The id of the ring's formula last found in the cell above, when `text` is it filled down.
    private mutating func idFollowingRowAbove(_ text: String, at location: CellLocation, isLegacy: Bool) -> Int32? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int32? in
            for index in ring.indices {
                let last = ring[index].lastCell
                guard last.address.row + 1 == location.address.row, last.address.column == location.address.column,
                      last.sheet == location.sheet, ring[index].key.isLegacy == isLegacy,
                      RelativeFormulaText.followsRowAbove(bytes, above: ring[index].lastText, aboveRows: ring[index].lastRows, rows: &scratchRows)
                else { continue }
                ring[index].follow(bytes, at: location, rows: &scratchRows)
                return ring[index].id
            }
            return nil
        } ?? nil
    }

    private func ringIndex(of text: UnsafeBufferPointer<UInt8>, sheet: Int32, isLegacy: Bool) -> Int? {
        guard let bytes = text.baseAddress, !text.isEmpty else { return nil }
        for index in ring.indices where ring[index].key.sheet == sheet && ring[index].key.isLegacy == isLegacy && ring[index].key.text.count == text.count {
            let same = ring[index].key.text.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes, text.count) == 0 }
            if same { return index }
        }
        return nil
    }

    /// Stores `id` for the text last passed to `id(of:at:isLegacy:)`, which found none.
    mutating func store(_ id: Int32, sheet: Int32, isLegacy: Bool) {
        guard let count = scratchCount else { return }
        scratchCount = nil
        let key = Key(sheet: sheet, isLegacy: isLegacy, text: Array(scratch[..<count]))
        // Bounded: it pays off for filled-down columns, met one after another.
        if byText.count >= 4096 { byText.removeAll(keepingCapacity: true) }
        byText[key] = id
        remember(key, id)
    }

    /// Puts an id in the ring with the formula just looked up.
    private mutating func remember(_ key: Key, _ id: Int32) {
        guard usesRing, let lookedUp else { return }
        let recent = Recent(key: key, id: id, lastText: Array(lookedUp.text.utf8), lastCell: lookedUp.cell, lastRows: scratchRows)
        if ring.count < Self.ringSize {
            ring.append(recent)
        } else {
            ring[nextInRing] = recent
            nextInRing = (nextInRing + 1) % Self.ringSize
        }
    }

    /// Forgets every id, as when formulas are renumbered.
    mutating func removeAll() {
        ring.removeAll()
        nextInRing = 0
        byText.removeAll()
        scratchCount = nil
        lookedUp = nil
    }
}
