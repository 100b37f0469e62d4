import KalkylEngine

/// Undo and redo over many steps. Each step keeps the inputs of the cells it changed, before
/// and after, so undoing puts the inputs back and recalculates as any edit does.
struct EditHistory {
    struct Step {
        var description: String
        var before: [(CellLocation, CellInput)]
        var after: [(CellLocation, CellInput)]
        /// The tables before and after, when the edit grew one (see `Workbook.growTables`).
        var tables: (before: [Table], after: [Table])? = nil
    }

    private(set) var undoable: [Step] = []
    private(set) var redoable: [Step] = []

    mutating func record(_ step: Step) {
        undoable.append(step)
        redoable.removeAll()
    }

    mutating func popUndo() -> Step? {
        guard let step = undoable.popLast() else { return nil }
        redoable.append(step)
        return step
    }

    mutating func popRedo() -> Step? {
        guard let step = redoable.popLast() else { return nil }
        undoable.append(step)
        return step
    }

    /// Forgets the step undo just took back (an edit refused after it was tried).
    mutating func forgetUndone() {
        _ = redoable.popLast()
    }

    mutating func clear() {
        undoable.removeAll()
        redoable.removeAll()
    }
}
