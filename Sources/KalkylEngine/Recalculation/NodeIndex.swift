/// Graph node → its position in one recalculation's cone.
///
/// A hash table with open addressing and a multiplicative hash: node keys are distinct
/// integers that need no protection against chosen collisions, and Swift's `Dictionary`
/// (SipHash) spent a fifth of a large edit's time hashing them. A key and its value share a
/// slot, so a lookup touches one cache line.
///
/// A cone that grows large (a tenth of the workbook's cells) moves its cells to a table by
/// cell slot (`CellSlots`): a hash table that size is read at random, a cache miss a lookup,
/// where the cone's cells, column after column, read the slot table nearly in order. Range
/// nodes and cells not stored stay in the hash table.
struct NodeIndex {
    private struct Slot {
        var key: Int
        var value: Int32
    }

    private static let empty = Int.min
    private var slots: [Slot]
    private var mask: Int
    /// Keys in the hash table, and cells in the slot table.
    private var hashedCount = 0
    private var slottedCount = 0
    var count: Int { hashedCount + slottedCount }
    /// The workbook whose cells may be found by slot, and their slots once they are.
    private let workbook: Workbook?
    private var cells: CellSlots? = nil
    /// Per cell slot, the cell's position or -1; empty while the cone is small.
    private var dense: [Int32] = []

    /// `workbook` allows the slot table; `capacity` is how many nodes are expected. The slots
    /// are worked out only for a large cone: a small edit does not walk the workbook's columns.
    init(capacity: Int = 64, slotsOf workbook: Workbook? = nil) {
        self.workbook = workbook
        slots = []
        mask = 0
        // Cells by slot from the start, the hash table then only for range nodes.
        let expected = capacity >= NodeIndex.smallestDense && useSlots(forNodes: capacity) ? 64 : capacity
        var size = 16
        while size < expected * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: NodeIndex.empty, value: 0), count: size)
        mask = size - 1
    }

    /// Switches to the slot table when `nodes` is a tenth of the workbook's cells or more.
    private mutating func useSlots(forNodes nodes: Int) -> Bool {
        guard let workbook else { return false }
        let cells = CellSlots(workbook)
        guard nodes >= max(NodeIndex.smallestDense, cells.count / 10) else { return false }
        self.cells = cells
        dense = [Int32](repeating: -1, count: cells.count)
        return true
    }

    private static let smallestDense = 4096

    /// Whether cells are found by slot (the cone grew large).
    var findsCellsBySlot: Bool { !dense.isEmpty }

    @inline(__always)
    private static func slot(_ key: Int, _ mask: Int) -> Int {
        // Fibonacci hashing: the high bits of key × 2^64/φ.
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always)
    private func denseSlot(_ key: Int) -> Int? {
        guard !dense.isEmpty, key >= 0 else { return nil }
        return cells.unsafelyUnwrapped.slot(of: CellLocation(key: key))
    }

    subscript(key: Int) -> Int32? {
        if let d = denseSlot(key) {
            let value = dense[d]
            return value >= 0 ? value : nil
        }
        return slots.withUnsafeBufferPointer { slots in
            var i = NodeIndex.slot(key, mask)
            while true {
                let k = slots[i].key
                if k == key { return slots[i].value }
                if k == NodeIndex.empty { return nil }
                i = (i + 1) & mask
            }
        }
    }

    /// The value of `key`, which becomes `value` when the key is not in the table yet.
    @inline(__always)
    mutating func value(of key: Int, insertingIfAbsent value: Int32) -> Int32 {
        // First: growing may move cells to the slot table, this one included.
        if (hashedCount + 1) * 2 > slots.count { grow() }
        if let d = denseSlot(key) {
            let found = dense[d]
            if found >= 0 { return found }
            dense[d] = value
            slottedCount += 1
            return value
        }
        let mask = self.mask
        let (found, inserted) = slots.withUnsafeMutableBufferPointer { slots -> (Int32, Bool) in
            var i = NodeIndex.slot(key, mask)
            while true {
                let k = slots[i].key
                if k == key { return (slots[i].value, false) }
                if k == NodeIndex.empty {
                    slots[i] = Slot(key: key, value: value)
                    return (value, true)
                }
                i = (i + 1) & mask
            }
        }
        if inserted { hashedCount += 1 }
        return found
    }

    private mutating func grow() {
        let old = slots
        if dense.isEmpty, count >= NodeIndex.smallestDense { _ = useSlots(forNodes: count) }
        // Cells move to the slot table when there is one; the rest keep a hash table.
        var hashed = 0
        for slot in old where slot.key != NodeIndex.empty && denseSlot(slot.key) == nil { hashed += 1 }
        var size = 16
        while size < (hashed + 1) * 4 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: NodeIndex.empty, value: 0), count: size)
        mask = size - 1
        hashedCount = 0
        for slot in old where slot.key != NodeIndex.empty { _ = value(of: slot.key, insertingIfAbsent: slot.value) }
    }
}
