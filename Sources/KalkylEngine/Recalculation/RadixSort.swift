/// Least-significant-digit radix sort of 64-bit keys by some of their bits: stable, so keys
/// equal in those bits keep their order. Linear in the keys, where a comparison sort of the
/// hundreds of thousands of changes a large edit reports took longer than the edit's evaluation.
enum RadixSort {
    private static let digitBits = 11

    /// Sorts `keys` by bits `low..<high` (the bits below `low` are not looked at).
    static func sort(_ keys: inout [UInt64], bits: Range<Int>) {
        guard keys.count > 1, !bits.isEmpty else { return }
        let radix = 1 << digitBits
        var other = [UInt64](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: radix)
        var shift = bits.lowerBound
        while shift < bits.upperBound {
            let mask = UInt64(radix - 1)
            for i in 0..<radix { counts[i] = 0 }
            for key in keys { counts[Int((key >> UInt64(shift)) & mask)] += 1 }
            // A digit every key shares moves nothing.
            if counts.contains(keys.count) { shift += digitBits; continue }
            var total = 0
            for i in 0..<radix { let c = counts[i]; counts[i] = total; total += c }
            for key in keys {
                let digit = Int((key >> UInt64(shift)) & mask)
                other[counts[digit]] = key
                counts[digit] += 1
            }
            swap(&keys, &other)
            shift += digitBits
        }
    }
}
