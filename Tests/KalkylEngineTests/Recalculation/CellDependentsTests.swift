import Testing
@testable import KalkylEngine

/// The chains of dependents per precedent cell: added, removed from any place, reused.
struct CellDependentsTests {
    private func key(_ sheet: Int, _ reference: String) -> Int {
        CellLocation(sheet: sheet, address: A1.parseCell(Substring(reference))!.address).key
    }

    private func dependents(_ graph: CellDependents, of precedent: Int) -> Set<Int> {
        var result = Set<Int>()
        graph.forEach(of: precedent) { result.insert($0) }
        return result
    }

    @Test func addRemoveAndReuse() {
        var graph = CellDependents()
        let a1 = key(0, "A1"), b1 = key(0, "B1"), c1 = key(0, "C1"), d1 = key(0, "D1")
        let far = key(2, "XFD1048576")
        graph.add(from: a1, to: b1)
        graph.add(from: a1, to: c1)
        graph.add(from: a1, to: d1)
        graph.add(from: far, to: b1)
        #expect(dependents(graph, of: a1) == [b1, c1, d1])
        #expect(dependents(graph, of: far) == [b1])
        #expect(dependents(graph, of: key(1, "A1")).isEmpty)  // a sheet with no edges
        #expect(dependents(graph, of: key(0, "A2")).isEmpty)  // a row beyond the table

        graph.remove(from: a1, to: c1)  // from the middle of the chain
        #expect(dependents(graph, of: a1) == [b1, d1])
        graph.remove(from: a1, to: d1)  // the head
        graph.remove(from: a1, to: key(0, "Z9"))  // not there: nothing happens
        #expect(dependents(graph, of: a1) == [b1])

        // Freed edges are used again without mixing up chains.
        graph.add(from: c1, to: a1)
        graph.add(from: c1, to: d1)
        graph.add(from: c1, to: far)
        #expect(dependents(graph, of: c1) == [a1, d1, far])
        #expect(dependents(graph, of: a1) == [b1])
        #expect(dependents(graph, of: far) == [b1])
    }
}
