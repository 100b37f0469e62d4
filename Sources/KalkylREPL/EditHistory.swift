import KalkylEngine
import KalkylFormats

/// Undo and redo over many steps. A step keeps what it changed, before and after: the inputs
/// of the cells an edit set, or the workbook's whole contents for an edit that rewrote it
/// (inserting rows, moving cells, a name), or a sheet's layout (formats, widths).
struct EditHistory {
    struct Step {
        var description: String
        var before: [(CellLocation, CellInput)] = []
        var after: [(CellLocation, CellInput)] = []
        /// The tables before and after, when the edit grew one (see `Workbook.growTables`).
        var tables: (before: [Table], after: [Table])? = nil
        var contents: (before: WorkbookDocument.Contents, after: WorkbookDocument.Contents)? = nil
        var layout: (sheet: Int, before: SheetLayout, after: SheetLayout)? = nil
    }

    /// How a sheet is shown: its column widths and number formats.
    struct SheetLayout {
        var widths: [Int32: Double]
        var formats: [(range: CellRange, format: String)]

        init(_ sheet: Sheet) {
            widths = sheet.columnWidths
            formats = sheet.numberFormats
        }

        func apply(to sheet: inout Sheet) {
            sheet.columnWidths = widths
            sheet.numberFormats = formats
        }
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
