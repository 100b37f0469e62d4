import Testing
@testable import KalkylEngine

/// The cone's node index finds every key it was given, and no other, as it grows.
struct NodeIndexTests {
    @Test func findsWhatWasInsertedThroughGrowth() {
        var index = NodeIndex(capacity: 4)
        // Cell keys (sheet << 34 | column << 20 | row) and range nodes (negative), in a pattern
        // that lands many keys on the same low bits.
        let keys: [Int] = (0..<5_000).map { (i: Int) -> Int in
            if i % 7 == 0 { return -(i + 1) }
            return CellLocation(sheet: Int32(i % 3), row: Int32(i), column: Int32(i % 5)).key
        }
        for (i, key) in keys.enumerated() { index.insert(key, Int32(i)) }
        #expect(index.count == keys.count)
        for (i, key) in keys.enumerated() { #expect(index[key] == Int32(i)) }
        #expect(index[CellLocation(sheet: 9, row: 1, column: 1).key] == nil)
        #expect(index[-1_000_000] == nil)
    }
}
