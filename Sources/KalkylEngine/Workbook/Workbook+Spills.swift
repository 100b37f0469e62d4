/// Dynamic arrays, as in Excel 365. A formula whose result is an array (or a range of more
/// than one cell) spills: its cell, the anchor, keeps the formula and shows the top-left value;
/// the cells below and to the right show the rest. They hold no input of their own, so a file
/// stores only the anchor's formula, and typing into one of them blocks the spill (#SPILL!)
/// until it is cleared again.
///
/// In the dependency graph each covered cell depends on its anchor, so formulas that read a
/// covered cell are recomputed after the anchor. A spill that grows covers cells whose readers
/// the recalculation did not plan for; `Workbook.recalculate()` runs a second pass from them.
extension Workbook {
    /// The spill whose anchor is this cell, if its formula's result is an array.
    public func spill(at anchor: CellLocation) -> Spill? { spills[anchor.key] }

    /// The anchor whose spill covers this cell (not the anchor itself), if any.
    public func spillAnchor(covering location: CellLocation) -> CellLocation? {
        spilledCells[location.key].map { CellLocation(key: $0) }
    }

    /// The cells that keep a blocked spill from spilling: their own values and formulas.
    public func cellsBlocking(spillAt anchor: CellLocation) -> [CellLocation] {
        guard let spill = spills[anchor.key], spill.isBlocked else { return [] }
        var result: [CellLocation] = []
        forEachCell(of: spill.area, sheet: spill.sheet) { location in
            if location != anchor && isOccupied(location, forSpillAt: anchor.key) { result.append(location) }
        }
        return result
    }

    /// What a formula's cell shows once its result is placed, for every calculation alike: an
    /// array spills (see `placeSpill`); any other result takes back the spill the cell had
    /// (`mayHaveSpill` false: no spill existed, nothing to look up). `spillChanged`: the cells
    /// the spill covers changed, so readers of `A1#` must follow even if the value did not.
    func settleResult(_ value: Value, spilling array: Matrix?, at location: CellLocation, mayHaveSpill: Bool)
        -> (value: Value, spillChanged: Bool, changes: [RecalculationResult.Change]) {
        if let array {
            let placed = placeSpill(array, at: location)
            return (placed.value, placed.changed, placed.changes)
        }
        guard mayHaveSpill, spills[location.key] != nil else { return (value, false, []) }
        return (value, true, removeSpill(at: location))
    }

    /// Puts a formula's array result into its cell and the cells it spills over. Returns the
    /// anchor's value (the top-left element, or #SPILL!), whether any cell the spill covered
    /// changed, and the changed covered cells with their old and new values.
    func placeSpill(_ array: Matrix, at anchor: CellLocation) -> (value: Value, changed: Bool, changes: [RecalculationResult.Change]) {
        let key = anchor.key
        let lastRow = Int(anchor.address.row) + array.rows - 1
        let lastColumn = Int(anchor.address.column) + array.columns - 1
        let fits = lastRow < Int(CellAddress.maxRows) && lastColumn < Int(CellAddress.maxColumns)
        let area = CellRange(anchor.address, CellAddress(row: Int32(min(lastRow, Int(CellAddress.maxRows) - 1)),
                                                          column: Int32(min(lastColumn, Int(CellAddress.maxColumns) - 1))))
        var blocked = !fits
        // Where two spills want the same cells, the one whose anchor is further left (then
        // higher) wins, whichever was computed first; the other is displaced and tries again.
        var displaced: Set<Int> = []
        if !blocked {
            forEachCell(of: area, sheet: anchor.sheet) { location in
                guard !blocked && location != anchor else { return }
                switch occupant(of: location, forSpillAt: key) {
                case .none: break
                case .spill(let other) where other > key: displaced.insert(other)
                default: blocked = true
                }
            }
        }
        var changes: [RecalculationResult.Change] = []
        if !blocked {
            for other in displaced.sorted() {
                changes += removeSpill(at: CellLocation(key: other))
                spills[other] = Spill(sheet: anchor.sheet, area: CellRange(CellLocation(key: other).address), isBlocked: true)
                if spillFollowUps[other] == nil { spillFollowUps[other] = value(at: CellLocation(key: other)) }
            }
        }
        if let old = spills[key], !old.isBlocked {
            // Cells the old spill covered and the new one does not become empty.
            var given: Set<Int> = []
            forEachCell(of: old.area, sheet: old.sheet) { location in
                if blocked || !area.contains(location.address) { uncover(location, anchor: key, into: &given, changes: &changes) }
            }
            if !given.isEmpty { graph.removeCellEdges(from: key) { given.contains($0) } }
            retryBlockedSpills(over: old.area, sheet: old.sheet, except: key)
        }
        let previous = spills[key]
        spills[key] = Spill(sheet: anchor.sheet, area: area, isBlocked: blocked)
        // Readers of A1# see another area when the spill grows, shrinks or is blocked.
        let reshaped = previous?.area != area || previous?.isBlocked != blocked
        if blocked { return (.error(.spill), reshaped || !changes.isEmpty, changes) }
        for r in 0..<array.rows {
            for c in 0..<array.columns where r > 0 || c > 0 {
                let location = CellLocation(sheet: anchor.sheet, row: anchor.address.row + Int32(r), column: anchor.address.column + Int32(c))
                let cell = location.key
                let newValue = Evaluator.shownInCell(array[r, c])
                let oldValue = value(at: location)
                if spilledCells[cell] == key {
                    guard oldValue != newValue else { continue }
                    storeSpilledValue(newValue, at: location)
                    changedSpilledCells.insert(cell)
                    changes.append(.init(location: location, oldValue: oldValue, newValue: newValue))
                } else {
                    // Newly covered: its readers are recomputed by the next pass, which reports it.
                    if spillFollowUps[cell] == nil { spillFollowUps[cell] = oldValue }
                    storeSpilledValue(newValue, at: location)
                    // The edge first: a graph built at this use takes the spills as they were.
                    graph.addCellEdge(from: key, to: cell)
                    spilledCells[cell] = key
                }
            }
        }
        return (Evaluator.shownInCell(array.values[0]), reshaped || !changes.isEmpty, changes)
    }

    /// Takes back the spill of a cell whose formula no longer gives an array (or is gone).
    /// Returns the covered cells that changed; the spill's readers must follow even when none did.
    func removeSpill(at anchor: CellLocation) -> [RecalculationResult.Change] {
        guard let spill = spills.removeValue(forKey: anchor.key) else { return [] }
        var changes: [RecalculationResult.Change] = []
        if !spill.isBlocked {
            var given: Set<Int> = []
            forEachCell(of: spill.area, sheet: spill.sheet) { uncover($0, anchor: anchor.key, into: &given, changes: &changes) }
            if !given.isEmpty { graph.removeCellEdges(from: anchor.key) { given.contains($0) } }
            retryBlockedSpills(over: spill.area, sheet: spill.sheet, except: anchor.key)
        }
        return changes
    }

    /// The anchor of a spill is on a cycle, which may run through the cells it covers (as a
    /// cell that reads one of them and feeds the anchor) and be gone when it no longer covers
    /// them. The first time in a recalculation, the spill is taken back and the anchor tries
    /// again in the next pass; the second time, the cells it covers show #CYCLE! too and stay
    /// covered, so the cycle is found again until an edit breaks it. Either way the result is
    /// the one a calculation from scratch finds.
    func cycleThroughSpill(at anchor: CellLocation) -> [RecalculationResult.Change] {
        guard let spill = spills[anchor.key] else { return [] }
        if spill.isBlocked {
            // A cell on a cycle has no result to spill: `A1#` of it is #REF!, as it is from scratch.
            spills.removeValue(forKey: anchor.key)
            return []
        }
        if spillsRetriedAfterCycle.insert(anchor.key).inserted {
            if spillFollowUps[anchor.key] == nil { spillFollowUps[anchor.key] = .error(.cycle) }
            return removeSpill(at: anchor)
        }
        var changes: [RecalculationResult.Change] = []
        forEachCell(of: spill.area, sheet: spill.sheet) { location in
            guard spilledCells[location.key] == anchor.key else { return }
            let oldValue = value(at: location)
            guard oldValue != .error(.cycle) else { return }
            storeSpilledValue(.error(.cycle), at: location)
            changedSpilledCells.insert(location.key)
            changes.append(.init(location: location, oldValue: oldValue, newValue: .error(.cycle)))
        }
        return changes
    }

    /// Blocked spills that wanted cells a spill gave back try again in the next pass.
    private func retryBlockedSpills(over area: CellRange, sheet: Int32, except anchor: Int) {
        for (other, spill) in spills where spill.isBlocked && other != anchor && spill.sheet == sheet && spill.area.intersects(area) {
            if spillFollowUps[other] == nil { spillFollowUps[other] = value(at: CellLocation(key: other)) }
        }
    }

    /// An edit of a cell where spills are: a cell typed into a spill blocks it, a cell cleared
    /// in a blocked spill's area may free it, and an anchor that loses its formula loses its
    /// spill. The anchors concerned are recalculated with the edit.
    func editTouchesSpills(at location: CellLocation, keepsFormula: Bool) {
        guard tracksEdits else { return }
        let key = location.key
        if !keepsFormula, spills[key] != nil {
            for change in removeSpill(at: location) where pendingEdits[change.location.key] == nil {
                pendingEdits[change.location.key] = change.oldValue
            }
        }
        if let anchor = spilledCells.removeValue(forKey: key) {
            graph.removeCellEdge(from: anchor, to: key)
            if pendingEdits[anchor] == nil { pendingEdits[anchor] = value(at: CellLocation(key: anchor)) }
        }
        for (anchor, spill) in spills where spill.isBlocked && spill.sheet == location.sheet && anchor != key
            && spill.area.contains(location.address) && pendingEdits[anchor] == nil {
            pendingEdits[anchor] = value(at: CellLocation(key: anchor))
        }
    }

    /// A covered cell is given back: empty again; `given` collects it, and the caller takes
    /// its edge from the anchor away with the others' in one walk.
    private func uncover(_ location: CellLocation, anchor: Int, into given: inout Set<Int>, changes: inout [RecalculationResult.Change]) {
        let cell = location.key
        guard spilledCells[cell] == anchor else { return }
        spilledCells.removeValue(forKey: cell)
        given.insert(cell)
        let oldValue = value(at: location)
        storeSpilledValue(.empty, at: location)
        changedSpilledCells.insert(cell)
        if spillFollowUps[cell] == nil { spillFollowUps[cell] = oldValue }
        if oldValue != .empty { changes.append(.init(location: location, oldValue: oldValue, newValue: .empty)) }
    }

    private enum Occupant { case none, input, spill(Int) }

    /// What holds a cell a spill would cover: nothing (or this spill), an input of its own
    /// (a formula or a value), or another spill.
    private func occupant(of location: CellLocation, forSpillAt anchor: Int) -> Occupant {
        if formula(at: location) != nil { return .input }
        if let other = spilledCells[location.key] { return other == anchor ? .none : .spill(other) }
        if case .empty = value(at: location) { return .none }
        return .input
    }

    private func isOccupied(_ location: CellLocation, forSpillAt anchor: Int) -> Bool {
        if case .none = occupant(of: location, forSpillAt: anchor) { return false }
        return true
    }

    private func forEachCell(of range: CellRange, sheet: Int32, _ body: (CellLocation) -> Void) {
        for r in range.start.row...range.end.row {
            for c in range.start.column...range.end.column { body(CellLocation(sheet: sheet, row: r, column: c)) }
        }
    }

    /// Runs passes of the recalculation from the cells spills newly covered, until none are
    /// left, and adds what they did to `result`.
    func recalculateNewlySpilledCells(into result: inout RecalculationResult, reportsChanges: Bool) {
        var passes = 0
        while !spillFollowUps.isEmpty && passes < 64 {
            pendingEdits = spillFollowUps
            spillFollowUps.removeAll()
            // Formulas that read cells through OFFSET or INDIRECT have no edge from what they
            // read: they run again too, and find a cycle through a spill if there is one.
            var roots = pendingEdits.keys.sorted()
            for key in volatileCells.sorted() where pendingEdits[key] == nil && formula(at: CellLocation(key: key))?.readsDynamicReferences == true {
                roots.append(key)
            }
            let pass = Recalculation.run(self, roots: roots, reportsChanges: reportsChanges)
            pendingEdits.removeAll()
            result.add(pass)
            passes += 1
        }
        spillFollowUps.removeAll()
        changedSpilledCells.removeAll()
        spillsRetriedAfterCycle.removeAll()
        // A cycle a later pass resolved is no longer one.
        if passes > 0 {
            result.cycles.removeAll { path in
                guard case .cell(let first)? = path.first else { return false }
                return value(at: first) != .error(.cycle)
            }
        }
    }
}

extension RecalculationResult {
    /// Adds a later pass: a cell changed in both keeps its first old and its last new value.
    mutating func add(_ pass: RecalculationResult) {
        recomputedCount += pass.recomputedCount
        cycles += pass.cycles
        duration += pass.duration
        guard !pass.changes.isEmpty else { return }
        var merged: [CellLocation: Change] = [:]
        for change in changes + pass.changes {
            if let first = merged[change.location] {
                merged[change.location] = Change(location: change.location, oldValue: first.oldValue, newValue: change.newValue)
            } else {
                merged[change.location] = change
            }
        }
        changes = merged.values.filter { $0.oldValue != $0.newValue }.sorted { $0.location < $1.location }
    }
}
