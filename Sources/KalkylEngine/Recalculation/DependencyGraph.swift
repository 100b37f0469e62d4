/// Who depends on whom. A formula's reference to a single cell is an edge from that cell; a
/// reference to a range is an edge from one shared range node, so `SUM($A$1:A{n})` down n rows
/// costs n range nodes, not n² edges.
///
/// Nodes are integers: a cell is its non-negative `CellLocation.key`, a range node is -(id + 1).
struct DependencyGraph {
    struct RangeNode {
        var sheet: Int32
        var range: CellRange
        var dependents: [Int]
    }

    private struct RangeKey: Hashable {
        var sheet: Int32
        var range: CellRange
    }

    private var cellDependents = CellDependents()
    private(set) var ranges: [RangeNode] = []
    private var rangeIDs: [RangeKey: Int32] = [:]
    private var freeRangeIDs: [Int32] = []
    private var rangeIndex = RangeIndex()

    static func rangeNode(_ id: Int32) -> Int { -(Int(id) + 1) }
    static func rangeID(_ node: Int) -> Int32 { Int32(-node - 1) }

    mutating func removeAll() { self = DependencyGraph() }

    // MARK: Edges

    /// Adds (or removes) the edges from the precedents of a formula's references to its cell,
    /// all in one access to the graph (a million-formula load makes millions of edges).
    /// A precedent a formula names twice (`IF(C2>9,C2-9,C2)`) is one edge: added once, removed once.
    mutating func updateEdges(to dependent: Int, at location: CellLocation, from references: [CompiledReference], adding: Bool) {
        withUnsafeTemporaryAllocation(of: (sheet: Int32, range: CellRange).self, capacity: references.count) { seen in
            var count = 0
            DependencyGraph.forEachPrecedent(of: references, at: location) { sheet, range in
                for i in 0..<count where seen[i].sheet == sheet && seen[i].range == range { return }
                seen.initializeElement(at: count, to: (sheet, range))
                count += 1
                if range.isSingleCell {
                    let precedent = CellLocation(sheet: sheet, row: range.start.row, column: range.start.column).key
                    if adding { addCellEdge(from: precedent, to: dependent) } else { removeCellEdge(from: precedent, to: dependent) }
                } else {
                    if adding { addRangeEdge(sheet: sheet, range: range, to: dependent) } else { removeRangeEdge(sheet: sheet, range: range, to: dependent) }
                }
            }
        }
    }

    /// The static references of a formula resolved from a cell (references off the sheet are skipped).
    @inline(__always)
    static func forEachPrecedent(of references: [CompiledReference], at location: CellLocation, _ body: (Int32, CellRange) -> Void) {
        for reference in references {
            guard let range = reference.area.resolve(from: location.address) else { continue }
            body(reference.sheet < 0 ? location.sheet : reference.sheet, range)
        }
    }

    mutating func addCellEdge(from precedent: Int, to dependent: Int) {
        cellDependents.add(from: precedent, to: dependent)
    }

    mutating func removeCellEdge(from precedent: Int, to dependent: Int) {
        cellDependents.remove(from: precedent, to: dependent)
    }

    mutating func removeCellEdges(from precedent: Int, where shouldRemove: (Int) -> Bool) {
        cellDependents.removeAll(from: precedent, where: shouldRemove)
    }

    mutating func addRangeEdge(sheet: Int32, range: CellRange, to dependent: Int) {
        let key = RangeKey(sheet: sheet, range: range)
        if let id = rangeIDs[key] {
            ranges[Int(id)].dependents.append(dependent)
            return
        }
        let node = RangeNode(sheet: sheet, range: range, dependents: [dependent])
        let id: Int32
        if let free = freeRangeIDs.popLast() {
            id = free
            ranges[Int(id)] = node
        } else {
            id = Int32(ranges.count)
            ranges.append(node)
        }
        rangeIDs[key] = id
        rangeIndex.insert(id, sheet: sheet, range: range)
    }

    mutating func removeRangeEdge(sheet: Int32, range: CellRange, to dependent: Int) {
        let key = RangeKey(sheet: sheet, range: range)
        guard let id = rangeIDs[key] else { return }
        if let i = ranges[Int(id)].dependents.firstIndex(of: dependent) { ranges[Int(id)].dependents.remove(at: i) }
        if ranges[Int(id)].dependents.isEmpty {
            rangeIDs[key] = nil
            rangeIndex.remove(id, sheet: sheet, range: range)
            freeRangeIDs.append(id)
        }
    }

    // MARK: Queries

    /// The nodes that must be looked at again when `node` changes.
    @inline(__always)
    func forEachSuccessor(of node: Int, _ body: (Int) -> Void) {
        if node < 0 {
            for d in ranges[Int(DependencyGraph.rangeID(node))].dependents { body(d) }
            return
        }
        cellDependents.forEach(of: node, body)
        rangeIndex.forEachRange(containing: CellLocation(key: node)) { body(DependencyGraph.rangeNode($0)) }
    }

    func rangeNode(of node: Int) -> RangeNode { ranges[Int(DependencyGraph.rangeID(node))] }
}
