/// Graph node → its position in one recalculation's cone: a hash table with open addressing
/// and a multiplicative hash. Node keys are distinct integers that need no protection against
/// chosen collisions, and Swift's `Dictionary` (SipHash) spent a fifth of a large edit's time
/// hashing them.
struct NodeIndex {
    private static let empty = Int.min
    private var keys: [Int]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [Int](repeating: NodeIndex.empty, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: Int) -> Int {
        // Fibonacci hashing: the high bits of key × 2^64/φ.
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    subscript(key: Int) -> Int32? {
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == NodeIndex.empty { return nil }
            i = (i + 1) & mask
        }
    }

    /// Adds a key that is not in the table yet.
    mutating func insert(_ key: Int, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var i = slot(key)
        while keys[i] != NodeIndex.empty { i = (i + 1) & mask }
        keys[i] = key
        values[i] = value
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [Int](repeating: NodeIndex.empty, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != NodeIndex.empty { insert(k, v) }
    }
}
