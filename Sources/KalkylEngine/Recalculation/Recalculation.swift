/// Recomputes the cells an edit can reach.
///
/// 1. The cone: every node reachable from the edited (and volatile) cells, found breadth-first
///    and stored with its successor lists.
/// 2. Kahn's algorithm over the cone: a node runs when all its precedents in the cone are done,
///    so each formula is evaluated once, in dependency order, with no recursion. A formula is
///    evaluated only if a precedent's value actually changed; otherwise its dependents are
///    spared too.
/// 3. When nodes are left that can never become ready, they wait on cycles of references. A
///    reference is not always a read, though: a branch not taken, ROW(A1) or COLUMNS(A1:C1),
///    INDEX(L,1,1):INDEX(L,1,n) stopping short of the cell. So each formula left is tried with
///    its reads checked, as OFFSET's and INDIRECT's are: one that reads no cell still to compute
///    has its value, and the rest go on. A cycle is what is left: a formula whose value needs a
///    cell that, through the cells it needs, needs the formula's own cell, as Excel's calculation
///    finds it. Tarjan's algorithm (iterative) finds the strongly connected components; the
///    cells of each cyclic component get #CYCLE!, and the rest of the cone goes on.
struct Recalculation {
    private let workbook: Workbook
    private var nodes: [Int] = []
    private var index = NodeIndex()
    private var successorStart: [Int32] = []
    private var successors: [Int32] = []
    private var result = RecalculationResult()
    private let reportsChanges: Bool

    init(workbook: Workbook, reportsChanges: Bool) {
        self.workbook = workbook
        self.reportsChanges = reportsChanges
        // Sized for a cone like the last one: the same edit again (the usual case in a REPL or
        // a script) then never rehashes the index.
        index = NodeIndex(capacity: workbook.coneSizeHint, slotsOf: workbook)
    }

    /// Runs with `roots` as the edited cells (keys); `reportsChanges` false skips the list of
    /// changed values (a full calculation after loading would list every formula).
    /// `remembersConeSize` (for edits, not full calculations) sizes the next edit's index.
    static func run(_ workbook: Workbook, roots: [Int], reportsChanges: Bool, remembersConeSize: Bool = false) -> RecalculationResult {
        var recalculation = Recalculation(workbook: workbook, reportsChanges: reportsChanges)
        workbook.changedSpilledCells.removeAll()
        let clock = ContinuousClock()
        let start = clock.now
        let rootCount = recalculation.buildCone(from: roots)
        if remembersConeSize { workbook.coneSizeHint = recalculation.nodes.count }
        if reportsChanges && remembersConeSize { recalculation.result.changes.reserveCapacity(recalculation.nodes.count) }
        recalculation.evaluateInOrder(rootCount: rootCount)
        var result = recalculation.result
        result.sortChanges()
        result.duration = clock.now - start
        return result
    }

    // MARK: 1. The cone

    @inline(__always)
    private mutating func visit(_ node: Int) -> Int32 {
        let i = index.value(of: node, insertingIfAbsent: Int32(nodes.count))
        if i == nodes.count { nodes.append(node) }
        return i
    }

    /// Returns the number of distinct roots, which come first in `nodes`.
    private mutating func buildCone(from roots: [Int]) -> Int {
        let expected = max(roots.count, workbook.coneSizeHint)
        nodes.reserveCapacity(expected)
        successorStart.reserveCapacity(expected + 1)
        successors.reserveCapacity(expected)
        for root in roots { _ = visit(root) }
        let rootCount = nodes.count
        var head = 0
        // The graph does not change during a recalculation: one copy (no element is copied)
        // instead of one through the class for every node.
        let graph = workbook.graph
        while head < nodes.count {
            let node = nodes[head]
            successorStart.append(Int32(successors.count))
            graph.forEachSuccessor(of: node) { successors.append(visit($0)) }
            head += 1
        }
        successorStart.append(Int32(successors.count))
        return rootCount
    }

    @inline(__always)
    private func successorRange(_ i: Int) -> Range<Int> {
        Int(successorStart[i])..<Int(successorStart[i + 1])
    }

    // MARK: 2. Evaluation in dependency order

    private mutating func evaluateInOrder(rootCount: Int) {
        let count = nodes.count
        var indegree = [Int32](repeating: 0, count: count)
        for s in successors { indegree[Int(s)] += 1 }
        var touched = [Bool](repeating: false, count: count)
        for i in 0..<rootCount { touched[i] = true }
        let done = DoneFlags(count: count)
        var waiting: [Int32: [Int32]] = [:]
        var queue: [Int32] = []
        queue.reserveCapacity(count)
        for i in 0..<count where indegree[i] == 0 { queue.append(Int32(i)) }
        var remaining = count

        let context = EvaluationContext(workbook: workbook)
        let index = self.index
        context.isPending = { key in
            guard let i = index[key] else { return false }
            return !done.flags[Int(i)]
        }
        var evaluator = workbook.evaluator

        // Members of cyclic components get #CYCLE! together, once every precedent outside
        // the component is done; -1 for nodes on no cycle.
        var component = [Int32](repeating: -1, count: count)
        var componentMembers: [[Int32]] = []
        // Per component: members still waiting for a precedent outside it.
        var componentWaiting: [Int] = []
        // Formulas tried with their reads checked (see 3.), and how many nodes were left the
        // last time they were tried.
        var tried = [Bool](repeating: false, count: count)
        // A formula that spilled before this recalculation may stop spilling; one that spills
        // now is placed as it is evaluated (read once: the check runs for every formula).
        let hadSpills = !workbook.spills.isEmpty
        // Members of cycles computed by iteration (when the workbook asks for it), not #CYCLE!.
        var iterated = [Bool](repeating: false, count: count)
        let iteration = workbook.iterativeCalculation
        var remainingWhenTried = -1

        while remaining > 0 {
            var head = 0
            while head < queue.count {
                let i = Int(queue[head])
                head += 1
                if done.flags[i] { continue }
                var changed = false
                let node = nodes[i]
                if component[i] >= 0 {
                    if !iterated[i] { markCycle(i) }
                    changed = true
                } else if node < 0 {
                    changed = touched[i]
                } else if touched[i] || workbook.value(at: CellLocation(key: node)) == .error(.cycle) {
                    // A cell left at #CYCLE! by a cycle this edit may have broken is evaluated
                    // again even if no precedent's value changed.
                    let location = CellLocation(key: node)
                    if let formula = workbook.formula(at: location) {
                        context.moveTo(location, for: formula)
                        if tried[i] {
                            context.checksPendingReads = true
                            context.cachesRanges = false
                        }
                        var newValue = evaluator.evaluate(formula, in: context)
                        if let blocker = context.blockedOn, let b = index[blocker] {
                            // Reads a cell not computed yet: run again when that one is done.
                            waiting[b, default: []].append(Int32(i))
                            continue
                        }
                        let array = evaluator.takeSpilledResult()
                        if array != nil || hadSpills {
                            let settled = workbook.settleResult(newValue, spilling: array, at: location, mayHaveSpill: hadSpills)
                            newValue = settled.value
                            for change in settled.changes { record(change) }
                            if settled.spillChanged { changed = true }
                        }
                        result.recomputedCount += 1
                        let oldValue = workbook.sheets[Int(location.sheet)].value(row: location.address.row, column: location.address.column)
                        if oldValue != newValue {
                            workbook.storeComputedValue(newValue, at: location)
                            changed = true
                        }
                        // Only roots (the edited cells come first) can have been edited.
                        if i < rootCount, let edited = workbook.pendingEdits[node] {
                            if edited != newValue { record(.init(location: location, oldValue: edited, newValue: newValue)) }
                        } else if oldValue != newValue {
                            record(.init(location: location, oldValue: oldValue, newValue: newValue))
                        }
                    } else if let oldValue = workbook.pendingEdits[node] {
                        // An edited constant (or a cleared cell).
                        let newValue = workbook.value(at: location)
                        changed = oldValue != newValue
                        if changed { record(.init(location: location, oldValue: oldValue, newValue: newValue)) }
                    } else {
                        // A cell a spill covers, changed (and reported) by its anchor.
                        changed = workbook.changedSpilledCells.contains(node)
                    }
                }
                done.flags[i] = true
                remaining -= 1
                for k in successorRange(i) {
                    let s = Int(successors[k])
                    // Edges inside a cyclic component were taken out when it was found.
                    if component[i] >= 0 && component[s] == component[i] { continue }
                    if changed { touched[s] = true }
                    indegree[s] -= 1
                    guard indegree[s] == 0 else { continue }
                    let c = Int(component[s])
                    if c < 0 {
                        queue.append(Int32(s))
                    } else {
                        componentWaiting[c] -= 1
                        if componentWaiting[c] == 0 { queue.append(contentsOf: componentMembers[c]) }
                    }
                }
                if !waiting.isEmpty, let waiters = waiting.removeValue(forKey: Int32(i)) { queue.append(contentsOf: waiters) }
            }
            queue.removeAll(keepingCapacity: true)
            if remaining == 0 { break }

            // 3. Stuck: what is left waits on references that may not be reads; try them so.
            if remaining != remainingWhenTried {
                remainingWhenTried = remaining
                for j in 0..<count where !done.flags[j] && component[j] < 0 && nodes[j] >= 0 && !tried[j]
                    && workbook.formula(at: CellLocation(key: nodes[j])) != nil {
                    tried[j] = true
                    touched[j] = true
                    queue.append(Int32(j))
                }
                if !queue.isEmpty { continue }
            }
            // What is still left lies on or behind a cycle.
            // Nodes of components found before count as done here: they wait only for precedents outside.
            let settled = (0..<count).map { done.flags[$0] || component[$0] >= 0 }
            // Who waits for whom: a formula tried with its reads checked waits for the cell it
            // could not read yet; a range or a spilled cell waits for its precedents.
            var waitStart = [Int32](repeating: 0, count: count + 1)
            var waitsFor: [Int32] = []
            for v in 0..<count {
                waitStart[v] = Int32(waitsFor.count)
                guard !settled[v] else { continue }
                for w in waiting[Int32(v)] ?? [] where !settled[Int(w)] { waitsFor.append(w) }
                for k in successorRange(v) where !settled[Int(successors[k])] && !tried[Int(successors[k])] { waitsFor.append(successors[k]) }
            }
            waitStart[count] = Int32(waitsFor.count)
            let graph = (start: waitStart, successors: waitsFor)
            let cyclic = cyclicComponents(done: settled, graph)
            if cyclic.isEmpty {
                // Only cells waiting on each other through OFFSET/INDIRECT: a cycle no static edge shows.
                var stuck = waiting.values.flatMap { $0 }
                waiting.removeAll()
                if stuck.isEmpty { stuck = (0..<count).filter { !settled[$0] }.map(Int32.init) }
                for i32 in stuck where component[Int(i32)] < 0 {
                    component[Int(i32)] = Int32(componentMembers.count)
                    componentMembers.append([i32])
                    componentWaiting.append(0)
                    indegree[Int(i32)] = 0
                    queue.append(i32)
                }
                continue
            }
            for members in cyclic {
                if let iteration {
                    iterate(members, iteration, context: context, evaluator: &evaluator)
                    for m in members { iterated[Int(m)] = true }
                } else {
                    result.cycles.append(path(through: members, settled: settled, waitsFor: graph))
                }
                let c = Int32(componentMembers.count)
                for m in members { component[Int(m)] = c }
                componentMembers.append(members)
                componentWaiting.append(0)
                queue.append(contentsOf: members)
            }
        }
        workbook.evaluator = evaluator
    }

    /// Computes the formulas of a cycle again and again from their current values, in cell
    /// order, until no number changes by more than the maximum change or the iterations run out
    /// (see `IterativeCalculation`); records each changed cell once, old value to last.
    private mutating func iterate(_ members: [Int32], _ iteration: IterativeCalculation, context: EvaluationContext, evaluator: inout Evaluator) {
        let cells = members.map { nodes[Int($0)] }.filter { $0 >= 0 }.sorted().map { CellLocation(key: $0) }
            .filter { workbook.formula(at: $0) != nil }
        let before = cells.map { workbook.pendingEdits[$0.key] ?? workbook.value(at: $0) }
        // A cell marked #CYCLE! when iteration was off starts from nothing, as a new one does.
        for location in cells where workbook.value(at: location) == .error(.cycle) { workbook.storeComputedValue(.empty, at: location) }
        for _ in 0..<iteration.maximumIterations {
            var largestChange = 0.0
            for location in cells {
                guard let formula = workbook.formula(at: location) else { continue }
                context.moveTo(location, for: formula)
                context.checksPendingReads = false
                // A range a cycle reads changes between iterations: no shared range results.
                context.cachesRanges = false
                let settled = workbook.settleResult(evaluator.evaluate(formula, in: context), spilling: evaluator.takeSpilledResult(),
                                                    at: location, mayHaveSpill: true)
                let value = settled.value
                for change in settled.changes { record(change) }
                let old = workbook.value(at: location)
                switch (old, value) {
                case (.number(let a), .number(let b)): largestChange = max(largestChange, abs(a - b))
                default: if old != value { largestChange = .infinity }
                }
                if old != value { workbook.storeComputedValue(value, at: location) }
                result.recomputedCount += 1
            }
            if largestChange <= iteration.maximumChange { break }
        }
        for (location, old) in zip(cells, before) where workbook.value(at: location) != old {
            record(.init(location: location, oldValue: old, newValue: workbook.value(at: location)))
        }
    }

    private mutating func record(_ change: RecalculationResult.Change) {
        if reportsChanges { result.changes.append(change) }
    }

    /// Gives a cell on a cycle the #CYCLE! error (range nodes on it have nothing to set).
    private mutating func markCycle(_ i: Int) {
        let node = nodes[i]
        guard node >= 0 else { return }
        let location = CellLocation(key: node)
        guard workbook.formula(at: location) != nil else { return }
        for change in workbook.cycleThroughSpill(at: location) { record(change) }
        let oldValue = workbook.pendingEdits[node] ?? workbook.value(at: location)
        let newValue = Value.error(.cycle)
        workbook.storeComputedValue(newValue, at: location)
        if oldValue != newValue { record(.init(location: location, oldValue: oldValue, newValue: newValue)) }
    }

    // MARK: 3. Cycles

    /// Edges as lists: node v's successors are `successors[start[v]..<start[v + 1]]`.
    private typealias Graph = (start: [Int32], successors: [Int32])

    /// Tarjan's strongly connected components over the nodes not done, without recursion;
    /// returns the components that contain a cycle (more than one node, or a self-edge).
    private func cyclicComponents(done: [Bool], _ graph: Graph) -> [[Int32]] {
        let successorStart = graph.start, successors = graph.successors
        func successorRange(_ v: Int) -> Range<Int> { Int(successorStart[v])..<Int(successorStart[v + 1]) }
        let count = nodes.count
        var order = [Int32](repeating: -1, count: count)
        var low = [Int32](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int32] = []
        var counter: Int32 = 0
        var components: [[Int32]] = []
        // Explicit DFS frames: node and position in its successor list.
        var frames: [(node: Int32, next: Int)] = []

        for start in 0..<count where !done[start] && order[start] < 0 {
            frames.append((Int32(start), Int(successorStart[start])))
            order[start] = counter; low[start] = counter; counter += 1
            stack.append(Int32(start)); onStack[start] = true
            while let frame = frames.last {
                let v = Int(frame.node)
                let end = Int(successorStart[v + 1])
                if frame.next < end {
                    frames[frames.count - 1].next += 1
                    let w = Int(successors[frame.next])
                    if done[w] { continue }
                    if order[w] < 0 {
                        order[w] = counter; low[w] = counter; counter += 1
                        stack.append(Int32(w)); onStack[w] = true
                        frames.append((Int32(w), Int(successorStart[w])))
                    } else if onStack[w] {
                        low[v] = min(low[v], order[w])
                    }
                } else {
                    frames.removeLast()
                    if let parent = frames.last { low[Int(parent.node)] = min(low[Int(parent.node)], low[v]) }
                    if low[v] == order[v] {
                        var component: [Int32] = []
                        while let w = stack.popLast() {
                            onStack[Int(w)] = false
                            component.append(w)
                            if Int(w) == v { break }
                        }
                        let selfLoop = successorRange(v).contains { Int(successors[$0]) == v }
                        if component.count > 1 || selfLoop { components.append(component) }
                    }
                }
            }
        }
        return components
    }

    /// A path around one cycle of a component, from its first cell back to it.
    /// Through the references of the cells still to compute (`A1 → A1:A3 → A1`) when they
    /// lead around, else along who waits for whom (a cycle through INDIRECT).
    private func path(through component: [Int32], settled: [Bool], waitsFor: Graph) -> [RecalculationResult.PathStep] {
        let members = Set(component.map(Int.init))
        if let steps = path(through: members, graph: (successorStart, successors), allowed: { !settled[$0] }) { return steps }
        return path(through: members, graph: waitsFor, allowed: { members.contains($0) }) ?? [step(members.min()!), step(members.min()!)]
    }

    private func path(through members: Set<Int>, graph: Graph, allowed: (Int) -> Bool) -> [RecalculationResult.PathStep]? {
        let successorStart = graph.start, successors = graph.successors
        func successorRange(_ v: Int) -> Range<Int> { Int(successorStart[v])..<Int(successorStart[v + 1]) }
        // Start at the smallest cell so the reported path does not depend on visiting order.
        let start = members.filter { nodes[$0] >= 0 }.min { nodes[$0] < nodes[$1] } ?? members.min()!
        var parent: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        var last: Int? = nil
        search: while head < queue.count {
            let v = queue[head]
            head += 1
            for k in successorRange(v) {
                let w = Int(successors[k])
                guard allowed(w) else { continue }
                if w == start { last = v; break search }
                if parent[w] == nil { parent[w] = v; queue.append(w) }
            }
        }
        guard let last else { return nil }
        var steps: [Int] = [start]
        var v = last
        var back: [Int] = []
        while v != start { back.append(v); v = parent[v] ?? start }
        steps.append(contentsOf: back.reversed())
        steps.append(start)
        return steps.map(step)
    }

    private func step(_ i: Int) -> RecalculationResult.PathStep {
        let node = nodes[i]
        if node >= 0 { return .cell(CellLocation(key: node)) }
        let range = workbook.graph.rangeNode(of: node)
        return .range(sheet: range.sheet, range.range)
    }
}

/// Done flags shared with the context's pending-read check.
private final class DoneFlags {
#if KALKYL_CHECKED_EXCLUSIVITY
    var flags: [Bool]
#else
    // Set once per node of every edit: the dynamic exclusivity check cost more than the store.
    @exclusivity(unchecked) var flags: [Bool]
#endif
    init(count: Int) { flags = [Bool](repeating: false, count: count) }
}

extension Workbook {
    /// Recomputes what the edits since the last recalculation (and volatile functions) affect.
    @discardableResult
    public func recalculate() -> RecalculationResult {
        var roots = Array(pendingEdits.keys).sorted()
        let edited = Set(roots)
        for key in volatileCells.sorted() where !edited.contains(key) { roots.append(key) }
        var result = Recalculation.run(self, roots: roots, reportsChanges: true, remembersConeSize: true)
        pendingEdits.removeAll()
        recalculateNewlySpilledCells(into: &result, reportsChanges: true)
        return result
    }

    /// Recomputes every formula, as after loading a workbook. Pending edits are absorbed (every
    /// formula runs anyway); changed values are listed only when `reportingChanges` is set.
    @discardableResult
    public func recalculateAll(reportingChanges: Bool = false) -> RecalculationResult {
        lookupIndexes = LookupIndexes()
        if !reportingChanges, var result = FullCalculation.run(self) {
            pendingEdits.removeAll()
            // Formulas computed before the anchor of a spill they read see its values now.
            for cell in spilledCells.keys where spillFollowUps[cell] == nil { spillFollowUps[cell] = .empty }
            recalculateNewlySpilledCells(into: &result, reportsChanges: false)
            return result
        }
        var roots: [Int] = []
        for (s, sheet) in sheets.enumerated() {
            sheet.forEachUsedCell { address, _, id in
                if id != Column.noFormula { roots.append(CellLocation(sheet: s, address: address).key) }
            }
        }
        if reportingChanges {
            for key in pendingEdits.keys where formula(at: CellLocation(key: key)) == nil { roots.append(key) }
        } else {
            pendingEdits.removeAll()
        }
        var result = Recalculation.run(self, roots: roots, reportsChanges: reportingChanges)
        pendingEdits.removeAll()
        recalculateNewlySpilledCells(into: &result, reportsChanges: reportingChanges)
        return result
    }

    /// Sets several cells, then recalculates once.
    @discardableResult
    public func apply(_ edits: [(CellLocation, CellInput)]) throws(WorkbookError) -> RecalculationResult {
        for (location, input) in edits { try set(input, at: location) }
        return recalculate()
    }
}
