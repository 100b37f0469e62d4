/// Computes every formula of a workbook, as after loading, without walking the dependency graph.
///
/// Each formula cell is evaluated after the formula cells its own references reach: a
/// depth-first walk over precedents with an explicit stack (no recursion), in storage order,
/// so a column whose cells refer to the cells above it is computed top-down with no detour.
/// `PendingCells` says which cells are still to compute in near-constant time per question,
/// however long the range asked about.
///
/// Cycles are the general recalculation's business (it finds their paths and gives their
/// cells #CYCLE!): on meeting one, this gives up and the caller runs `Recalculation`.
enum FullCalculation {
    /// A cell on the walk's stack.
    private struct Step {
        var slot: Int
        var location: CellLocation
    }

    /// Evaluates every formula; returns nil when a cycle makes the order undefined (values
    /// computed so far are left for the general recalculation to recompute).
    static func run(_ workbook: Workbook) -> RecalculationResult? {
        let clock = ContinuousClock()
        let start = clock.now
        let pending = PendingCells(workbook)
        guard let recomputed = evaluateAll(workbook, pending) else { return nil }
        var result = RecalculationResult()
        result.recomputedCount = recomputed
        result.duration = clock.now - start
        return result
    }

    /// Returns how many formulas ran, or nil on a cycle.
    private static func evaluateAll(_ workbook: Workbook, _ pending: PendingCells) -> Int? {
        let context = EvaluationContext(workbook: workbook)
        context.isPending = { key in pending.isPending(CellLocation(key: key)) }
        var evaluator = workbook.evaluator
        defer { workbook.evaluator = evaluator }
        let formulas = workbook.formulas
        var stack: [Step] = []
        var recomputed = 0

        for column in 0..<pending.slots.columnCount {
            let (sheet, c) = pending.slots.sheetAndColumn(column)
            let base = pending.slots.base(column), end = base + pending.slots.rows(column)
            var first = pending.firstPending(from: base)
            while first < end {
                stack.append(Step(slot: first, location: CellLocation(sheet: Int32(sheet), row: Int32(first - base), column: Int32(c))))
                while let step = stack.last {
                    let slot = step.slot, location = step.location
                    guard pending.isPending(slot) else { stack.removeLast(); continue }
                    let id = workbook.sheets[Int(location.sheet)].formula(row: location.address.row, column: location.address.column)
                    let formula = formulas[Int(id)]
                    pending.visiting[slot] = true
                    switch pushPendingPrecedents(of: formula, at: location, pending, onto: &stack) {
                    case .cycle: return nil
                    case .some: continue
                    case .none: break
                    }
                    context.moveTo(location, for: formula)
                    let value = evaluator.evaluate(formula, in: context)
                    if let blocker = context.blockedOn {
                        // OFFSET or INDIRECT read a cell not computed yet: compute it first.
                        let b = CellLocation(key: blocker)
                        guard let blockerSlot = pending.slots.slot(of: b), !pending.visiting[blockerSlot] else { return nil }
                        stack.append(Step(slot: blockerSlot, location: b))
                        continue
                    }
                    let array = evaluator.takeSpilledResult()
                    if array != nil || !workbook.spills.isEmpty {
                        workbook.storeComputedValue(workbook.settleResult(value, spilling: array, at: location, mayHaveSpill: true).value, at: location)
                    } else {
                        workbook.storeComputedValue(value, at: location)
                    }
                    recomputed += 1
                    pending.markDone(slot)
                    stack.removeLast()
                }
                first = pending.firstPending(from: first)
            }
        }
        return recomputed
    }

    private enum Need { case none, some, cycle }

    /// Pushes the formula cells among the formula's precedents that are still to compute.
    private static func pushPendingPrecedents(of formula: CompiledFormula, at location: CellLocation,
                                              _ pending: PendingCells, onto stack: inout [Step]) -> Need {
        var need = Need.none
        for reference in formula.references {
            if reference.area.shape == .cell {
                // The usual precedent: one cell.
                let cell = CellLocation(sheet: reference.sheet < 0 ? location.sheet : reference.sheet,
                                        row: reference.area.startRow.resolve(from: location.address.row),
                                        column: reference.area.startColumn.resolve(from: location.address.column))
                guard cell.address.isValid, let slot = pending.slots.slot(of: cell), pending.isPending(slot) else { continue }
                if pending.visiting[slot] { return .cycle }
                stack.append(Step(slot: slot, location: cell))
                need = .some
                continue
            }
            guard let range = reference.area.resolve(from: location.address) else { continue }
            let sheet = reference.sheet < 0 ? location.sheet : reference.sheet
            let lastColumn = min(range.end.column, pending.slots.usedColumns(sheet: sheet) - 1)
            guard range.start.column <= lastColumn else { continue }
            for c in range.start.column...lastColumn {
                let column = pending.slots.column(sheet: sheet, column: c)
                let base = pending.slots.base(column), rows = pending.slots.rows(column)
                guard Int(range.start.row) < rows else { continue }
                let last = base + min(Int(range.end.row), rows - 1)
                var slot = pending.firstPending(from: base + Int(range.start.row))
                while slot <= last {
                    if pending.visiting[slot] { return .cycle }
                    stack.append(Step(slot: slot, location: CellLocation(sheet: sheet, row: Int32(slot - base), column: c)))
                    need = .some
                    slot = pending.firstPending(from: slot + 1)
                }
            }
        }
        return need
    }
}

/// Which formula cells a full calculation has still to compute, for every column of every sheet.
///
/// By `CellSlots`: a column's rows are consecutive slots, then an end slot. `next[slot]` is the slot
/// itself while its cell is a formula still to compute, else a slot further down the column;
/// following the chain (and shortening it on the way, as union-find does) gives the next
/// pending cell from any row in near-constant time.
final class PendingCells {
    let slots: CellSlots
    private let next: UnsafeMutablePointer<Int32>
    /// Formula cells whose precedents are being computed (on the walk's current path).
    let visiting: UnsafeMutablePointer<Bool>

    init(_ workbook: Workbook) {
        slots = CellSlots(workbook)
        next = .allocate(capacity: max(slots.count, 1))
        visiting = .allocate(capacity: max(slots.count, 1))
        visiting.initialize(repeating: false, count: max(slots.count, 1))
        var column = 0
        for sheet in workbook.sheets {
            for cells in sheet.columns {
                let b = slots.base(column)
                cells.formulas.withUnsafeBufferPointer { formulas in
                    for r in 0..<formulas.count {
                        next[b + r] = Int32(formulas[r] == Column.noFormula ? b + r + 1 : b + r)
                    }
                }
                next[b + cells.count] = Int32(b + cells.count)
                column += 1
            }
        }
    }

    deinit {
        next.deallocate()
        visiting.deallocate()
    }


    /// The first slot at or after `slot` (in the same column) whose cell is still to compute,
    /// or the column's end slot.
    @inline(__always)
    func firstPending(from slot: Int) -> Int {
        var i = slot
        while Int(next[i]) != i {
            let j = Int(next[i])
            next[i] = next[j]
            i = j
        }
        return i
    }

    /// Whether a cell's slot (not an end slot) is a formula still to compute.
    @inline(__always)
    func isPending(_ slot: Int) -> Bool { Int(next[slot]) == slot }

    func isPending(_ location: CellLocation) -> Bool {
        guard let slot = slots.slot(of: location) else { return false }
        return isPending(slot)
    }

    @inline(__always)
    func markDone(_ slot: Int) {
        visiting[slot] = false
        next[slot] = Int32(slot + 1)
    }
}
