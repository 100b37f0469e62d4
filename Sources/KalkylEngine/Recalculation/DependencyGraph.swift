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

    /// The dependents of one precedent cell; most cells have one, which needs no array.
    private enum Dependents {
        case one(Int)
        case many([Int])
    }

    private var cellDependents: [Int: Dependents] = [:]
    private(set) var ranges: [RangeNode] = []
    private var rangeIDs: [RangeKey: Int32] = [:]
    private var freeRangeIDs: [Int32] = []
    private var rangeIndex = RangeIndex()

    static func rangeNode(_ id: Int32) -> Int { -(Int(id) + 1) }
    static func rangeID(_ node: Int) -> Int32 { Int32(-node - 1) }

    mutating func removeAll() { self = DependencyGraph() }

    // MARK: Edges

    mutating func addCellEdge(from precedent: Int, to dependent: Int) {
        switch cellDependents[precedent] {
        case nil: cellDependents[precedent] = .one(dependent)
        case .one(let existing): cellDependents[precedent] = .many([existing, dependent])
        case .many(var list):
            cellDependents[precedent] = nil
            list.append(dependent)
            cellDependents[precedent] = .many(list)
        }
    }

    mutating func removeCellEdge(from precedent: Int, to dependent: Int) {
        switch cellDependents[precedent] {
        case .one(let existing) where existing == dependent: cellDependents[precedent] = nil
        case .many(var list):
            cellDependents[precedent] = nil
            if let i = list.firstIndex(of: dependent) { list.remove(at: i) }
            cellDependents[precedent] = list.count == 1 ? .one(list[0]) : .many(list)
        default: break
        }
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
        switch cellDependents[node] {
        case .one(let d): body(d)
        case .many(let list): for d in list { body(d) }
        case nil: break
        }
        rangeIndex.forEachRange(containing: CellLocation(key: node)) { body(DependencyGraph.rangeNode($0)) }
    }

    func rangeNode(of node: Int) -> RangeNode { ranges[Int(DependencyGraph.rangeID(node))] }
}
