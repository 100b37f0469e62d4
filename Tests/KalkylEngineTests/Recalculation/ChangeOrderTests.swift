import PropertyBased
import Testing
@testable import KalkylEngine

/// The changes of a recalculation come in sheet, row, column order, however many there are:
/// the radix sort of their cells orders them as a comparison sort does, ties kept in the
/// order they were recorded.
struct ChangeOrderTests {
    @Test func radixSortSortsAsSortedDoes() async {
        await propertyCheck(count: 300, input: Gen.int64().map { UInt64(bitPattern: $0) }.array(of: 0...400)) { keys in
            var sorted = keys
            RadixSort.sort(&sorted, bits: 0..<64)
            #expect(sorted == keys.sorted())
            // By the upper bits only: stable, like a comparison sort of them.
            var upper = keys
            RadixSort.sort(&upper, bits: 40..<64)
            #expect(upper == keys.enumerated().sorted { ($0.element >> 40, $0.offset) < ($1.element >> 40, $1.offset) }.map(\.element))
        }
    }

    @Test func changesAreSortedAsByLocation() async {
        let cell = zip(Gen.int(in: 0...3), Gen.int(in: 0...1_048_575), Gen.int(in: 0...16_383), Gen.int(in: 0...2))
        await propertyCheck(count: 300, input: cell.array(of: 0...300)) { cells in
            var result = RecalculationResult()
            // Few distinct rows and columns too, so that cells repeat (a tie keeps its order).
            for (n, (sheet, row, column, narrow)) in cells.enumerated() {
                let location = narrow == 0 ? CellLocation(sheet: Int32(sheet), row: Int32(row % 3), column: Int32(column % 2))
                    : CellLocation(sheet: Int32(sheet), row: Int32(row), column: Int32(column))
                result.changes.append(.init(location: location, oldValue: .number(Double(n)), newValue: .text("\(n)")))
            }
            let expected = result.changes.sorted { $0.location < $1.location }
            result.sortChanges()
            #expect(result.changes == expected)
        }
    }

    @Test func aSheetIndexTooLargeForTheKeysStillSorts() {
        var result = RecalculationResult()
        let locations = [CellLocation(sheet: Int32.max, row: 5, column: 1), CellLocation(sheet: 0, row: 7, column: 2),
                         CellLocation(sheet: Int32.max, row: 2, column: 9), CellLocation(sheet: 0, row: 7, column: 1)]
        for location in locations { result.changes.append(.init(location: location, oldValue: .empty, newValue: .number(1))) }
        result.sortChanges()
        #expect(result.changes.map(\.location) == [locations[3], locations[1], locations[2], locations[0]])
    }
}
