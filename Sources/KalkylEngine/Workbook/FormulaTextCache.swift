import Foundation

/// Formula ids by sheet and `RelativeFormulaText`, so a filled-down formula is parsed once.
///
/// A reader meets a filled-down column's formulas one row after another, interleaved with the
/// row's other columns, so the last few distinct texts are kept in a small ring compared byte
/// for byte: a hit costs no String, no hash and no allocation. Older texts stay findable in a
/// bounded dictionary.
struct FormulaTextCache {
    private struct Key: Hashable {
        var sheet: Int32
        var isLegacy: Bool
        var text: [UInt8]
    }

    private static let ringSize = 16
    private var ring: [(key: Key, id: Int32)] = []
    private var nextInRing = 0
    private var byText: [Key: Int32] = [:]
    /// The relative text of the formula last looked up, written in place: its first
    /// `scratchCount` bytes, or none when nil.
    private var scratch: [UInt8] = []
    private var scratchCount: Int?

    /// Whether the ring is consulted; tests turn it off to compare with the dictionary alone.
    var usesRing = true

    /// The id of a formula with the same text relative to its cell, if one was stored.
    /// Remembers the text so `store` can keep it.
    mutating func id(of text: String, at location: CellLocation, isLegacy: Bool) -> Int32? {
        scratchCount = RelativeFormulaText.write(text, at: location.address, into: &scratch)
        guard let count = scratchCount else { return nil }
        if usesRing, let id = scratch.withUnsafeBufferPointer({ written in ringID(of: UnsafeBufferPointer(rebasing: written[..<count]), sheet: location.sheet, isLegacy: isLegacy) }) {
            return id
        }
        let key = Key(sheet: location.sheet, isLegacy: isLegacy, text: Array(scratch[..<count]))
        guard let id = byText[key] else { return nil }
        remember(key, id)
        return id
    }

    private func ringID(of text: UnsafeBufferPointer<UInt8>, sheet: Int32, isLegacy: Bool) -> Int32? {
        guard let bytes = text.baseAddress, !text.isEmpty else { return nil }
        for index in ring.indices where ring[index].key.sheet == sheet && ring[index].key.isLegacy == isLegacy && ring[index].key.text.count == text.count {
            let same = ring[index].key.text.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes, text.count) == 0 }
            if same { return ring[index].id }
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

    private mutating func remember(_ key: Key, _ id: Int32) {
        guard usesRing else { return }
        if ring.count < Self.ringSize {
            ring.append((key, id))
        } else {
            ring[nextInRing] = (key, id)
            nextInRing = (nextInRing + 1) % Self.ringSize
        }
    }

    /// Forgets every id, as when formulas are renumbered.
    mutating func removeAll() {
        ring.removeAll()
        nextInRing = 0
        byText.removeAll()
        scratchCount = nil
    }
}
