import ArgumentParser
import KalkylEngine

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Recalculate a workbook and list every error cell and circular reference.",
        discussion: "Exit status 0 when the workbook is clean, 1 when it has errors."
    )

    @Argument(help: "The workbook (.kalk).") var workbook: String

    func run() throws {
        let book = try WorkbookFile.load(workbook)
        let result = book.recalculateAll()
        var problems = 0
        var inCycles = Set<CellLocation>()
        for path in result.cycles {
            for case .cell(let location) in path { inCycles.insert(location) }
            let steps = path.map { step -> String in
                switch step {
                case .cell(let location): return book.name(of: location)
                case .range(let sheet, let range): return book.name(of: CellLocation(sheet: Int(sheet), address: range.start)) + ":" + range.end.description
                }
            }
            Output.write("cycle: " + steps.joined(separator: " → ") + "\n")
            problems += 1
        }
        var formulas = 0, cells = 0
        for (index, _) in book.sheets.enumerated() {
            for cell in book.cells(inSheet: index) {
                cells += 1
                let location = CellLocation(sheet: index, address: cell.address)
                if cell.formula != nil { formulas += 1 }
                guard case .error(let error) = cell.value else { continue }
                if error == .cycle && inCycles.contains(location) { continue }  // listed with its cycle
                var line = "\(book.name(of: location)): \(error.code)"
                if let text = book.formulaText(at: location) { line += "  \(text)" }
                if error == .cycle { line += "  (depends on a circular reference)" }
                if let notes = cell.formula?.diagnostics, !notes.isEmpty { line += "  (\(notes.joined(separator: "; ")))" }
                Output.write(line + "\n")
                problems += 1
            }
        }
        if problems > 0 {
            throw CommandFailure.check("\(workbook): \(problems) problem\(problems == 1 ? "" : "s") in \(cells) cells")
        }
        Output.write("ok: \(cells) cells, \(formulas) formulas, no errors\n")
    }
}
