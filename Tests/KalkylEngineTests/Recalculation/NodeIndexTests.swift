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
        for (i, key) in keys.enumerated() { #expect(index.value(of: key, insertingIfAbsent: Int32(i)) == Int32(i)) }
        #expect(index.count == keys.count)
        // A key already there keeps its value.
        #expect(index.value(of: keys[10], insertingIfAbsent: -5) == 10)
        #expect(index.count == keys.count)
        for (i, key) in keys.enumerated() { #expect(index[key] == Int32(i)) }
        #expect(index[CellLocation(sheet: 9, row: 1, column: 1).key] == nil)
        #expect(index[-1_000_000] == nil)
    }

    /// A cone of a tenth of the workbook's cells or more finds its cells by slot; range nodes
    /// and cells the workbook does not store stay in the hash table; every key keeps its value.
    @Test func aLargeConeFindsItsCellsBySlot() throws {
        let workbook = Workbook()
        try workbook.addSheet(named: "S")
        try workbook.addSheet(named: "T")
        for row in 0..<6_000 {
            try workbook.set(.constant(.number(Double(row))), at: CellLocation(sheet: 0, row: Int32(row), column: 0))
            if row % 2 == 0 { try workbook.set(.constant(.number(1)), at: CellLocation(sheet: 1, row: Int32(row), column: 2)) }
        }
        var index = NodeIndex(capacity: 4, slotsOf: workbook)
        var keys: [Int] = []
        for row in 0..<6_000 {
            keys.append(CellLocation(sheet: 0, row: Int32(row), column: 0).key)
            if row % 2 == 0 { keys.append(CellLocation(sheet: 1, row: Int32(row), column: 2).key) }
            if row % 100 == 0 {
                keys.append(-(row + 1))                                                        // a range node
                keys.append(CellLocation(sheet: 0, row: Int32(row + 10_000), column: 0).key)   // below the stored rows
                keys.append(CellLocation(sheet: 1, row: Int32(row), column: 7).key)            // a column not stored
            }
        }
        #expect(!index.findsCellsBySlot)
        for (i, key) in keys.enumerated() { #expect(index.value(of: key, insertingIfAbsent: Int32(i)) == Int32(i)) }
        #expect(index.findsCellsBySlot)
        #expect(index.count == keys.count)
        for (i, key) in keys.enumerated() { #expect(index[key] == Int32(i)) }
        #expect(index.value(of: keys[3], insertingIfAbsent: -7) == 3)
        #expect(index[CellLocation(sheet: 1, row: 1, column: 2).key] == nil)   // stored, never inserted
        #expect(index[CellLocation(sheet: 5, row: 1, column: 2).key] == nil)   // no such sheet
        #expect(index[-1_000_000] == nil)
        // Sized for a large cone from the start, it finds cells by slot at once.
        #expect(NodeIndex(capacity: 10_000, slotsOf: workbook).findsCellsBySlot)
    }
}
