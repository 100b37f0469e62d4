/// The formula cells that refer to each cell directly: for every precedent cell, a chain of
/// edges. Chains start in per-column tables indexed by row, so a cell costs four bytes and an
/// edge twelve, where a dictionary of arrays cost about ten times as much (a million-row
/// workbook has millions of edges).
struct CellDependents {
    /// Per sheet, per column, per row: the cell's first edge, or -1.
    private var heads: [[[Int32]]] = []
    /// Per edge: the dependent cell's key, and the next edge of the same precedent (or -1).
    private var targets: [Int] = []
    private var nextEdges: [Int32] = []
    /// Edges removed, chained through `nextEdges`, for reuse.
    private var freeEdge: Int32 = -1

    @inline(__always)
    private static func split(_ key: Int) -> (sheet: Int, column: Int, row: Int) {
        let location = CellLocation(key: key)
        return (Int(location.sheet), Int(location.address.column), Int(location.address.row))
    }

    @inline(__always)
    private func head(_ sheet: Int, _ column: Int, _ row: Int) -> Int32 {
        guard sheet < heads.count, column < heads[sheet].count, row < heads[sheet][column].count else { return -1 }
        return heads[sheet][column][row]
    }

    mutating func add(from precedent: Int, to dependent: Int) {
        let (s, c, r) = Self.split(precedent)
        if s >= heads.count { heads.append(contentsOf: repeatElement([], count: s + 1 - heads.count)) }
        if c >= heads[s].count { heads[s].append(contentsOf: repeatElement([], count: c + 1 - heads[s].count)) }
        let rows = heads[s][c].count
        if r == rows { heads[s][c].append(-1) } else if r > rows { heads[s][c].append(contentsOf: repeatElement(-1, count: r + 1 - rows)) }
        let edge: Int32
        if freeEdge >= 0 {
            edge = freeEdge
            freeEdge = nextEdges[Int(edge)]
            targets[Int(edge)] = dependent
        } else {
            edge = Int32(targets.count)
            targets.append(dependent)
            nextEdges.append(-1)
        }
        nextEdges[Int(edge)] = heads[s][c][r]
        heads[s][c][r] = edge
    }

    mutating func remove(from precedent: Int, to dependent: Int) {
        let (s, c, r) = Self.split(precedent)
        var previous: Int32 = -1
        var edge = head(s, c, r)
        while edge >= 0 && targets[Int(edge)] != dependent {
            previous = edge
            edge = nextEdges[Int(edge)]
        }
        guard edge >= 0 else { return }
        if previous < 0 { heads[s][c][r] = nextEdges[Int(edge)] } else { nextEdges[Int(previous)] = nextEdges[Int(edge)] }
        nextEdges[Int(edge)] = freeEdge
        freeEdge = edge
    }

    /// Removes every edge of `precedent` whose dependent `shouldRemove` picks, in one walk of
    /// its chain (a spill giving back many cells would otherwise walk it once per cell).
    mutating func removeAll(from precedent: Int, where shouldRemove: (Int) -> Bool) {
        let (s, c, r) = Self.split(precedent)
        var previous: Int32 = -1
        var edge = head(s, c, r)
        while edge >= 0 {
            let next = nextEdges[Int(edge)]
            if shouldRemove(targets[Int(edge)]) {
                if previous < 0 { heads[s][c][r] = next } else { nextEdges[Int(previous)] = next }
                nextEdges[Int(edge)] = freeEdge
                freeEdge = edge
            } else {
                previous = edge
            }
            edge = next
        }
    }

    @inline(__always)
    func forEach(of precedent: Int, _ body: (Int) -> Void) {
        let (s, c, r) = Self.split(precedent)
        var edge = head(s, c, r)
        while edge >= 0 {
            body(targets[Int(edge)])
            edge = nextEdges[Int(edge)]
        }
    }
}
