import ArgumentParser
import KalkylEngine
import KalkylFormats

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Recalculate a workbook and list every error cell and circular reference.",
        discussion: """
            Exit status 0 when the workbook is clean, 1 when it has errors.
            Formulas of an xlsx file that Kalkyl does not compute (it cannot read them, or they call
            a function Kalkyl lacks) are listed with the cells that depend on them, whose values
            may be out of date; they count as problems.
            With --against-cached (xlsx), compares Kalkyl's values with the values Excel stored and
            lists every formula cell where they differ.
            """
    )

    @Argument(help: "The workbook (.kalk or .xlsx).") var workbook: String
    @Flag(help: "xlsx: compare recalculated values with the cached ones Excel stored.") var againstCached = false

    func run() throws {
        if againstCached { return try compareWithCached() }
        // Opening calculates every formula.
        let document = try WorkbookFile.open(workbook)
        let book = document.workbook
        var problems = listUncomputed(document)
        // Counted in one walk, which also finds the texts that may be numbers typed as text;
        // the few error cells are then listed in row order.
        var formulas = 0, cells = 0
        var errorsBySheet: [[(address: CellAddress, error: FormulaError, formula: CompiledFormula?)]] = []
        var textsBySheet: [[(address: CellAddress, text: String)]] = []
        for (index, _) in book.sheets.enumerated() {
            var errors: [(address: CellAddress, error: FormulaError, formula: CompiledFormula?)] = []
            var texts: [(address: CellAddress, text: String)] = []
            let counts = book.tally(inSheet: index) { address, value, hasFormula in
                switch value {
                case .error(let error): errors.append((address, error, book.formula(at: CellLocation(sheet: index, address: address))))
                case .text(let text) where !hasFormula: texts.append((address, text))
                default: break
                }
            }
            cells += counts.cells
            formulas += counts.formulas
            errorsBySheet.append(errors)
            textsBySheet.append(texts)
        }
        // The paths of circular references, which only the general recalculation traces (the
        // values stay as they are): computed again only when a cell shows #CYCLE!.
        let cycles = errorsBySheet.contains { $0.contains { $0.error == .cycle } } ? book.recalculateAll().cycles : []
        var inCycles = Set<CellLocation>()
        for path in cycles {
            for case .cell(let location) in path { inCycles.insert(location) }
            Output.write("cycle: " + book.describe(cycle: path) + "\n")
            problems += 1
        }
        for (index, errors) in errorsBySheet.enumerated() {
            for cell in errors.sorted(by: { $0.address < $1.address }) {
                let location = CellLocation(sheet: index, address: cell.address), error = cell.error
                if error == .cycle && inCycles.contains(location) { continue }  // listed with its cycle
                var line = "\(book.name(of: location)): \(error.code)"
                if let text = book.formulaText(at: location) { line += "  \(text)" }
                if error == .cycle { line += "  (depends on a circular reference)" }
                if let notes = cell.formula?.diagnostics, !notes.isEmpty { line += "  (\(notes.joined(separator: "; ")))" }
                if error == .value, let cause = textTypedAsNumber(feeding: location, in: book) { line += "  (\(cause))" }
                if error == .spill, let spill = book.spill(at: location) {
                    let blockers = book.cellsBlocking(spillAt: location).map { $0.address.description }
                    line += blockers.isEmpty ? "  (its \(spill.area.rowCount) × \(spill.area.columnCount) result would leave the sheet)"
                        : "  (its result needs \(spill.area); in the way: \(blockers.prefix(10).joined(separator: ", "))\(blockers.count > 10 ? " …" : ""))"
                }
                Output.write(line + "\n")
                problems += 1
            }
        }
        warnAboutNumbersStoredAsText(textsBySheet, in: book)
        if problems > 0 {
            throw CommandFailure.check("\(workbook): \(problems) problem\(problems == 1 ? "" : "s") in \(cells) cells")
        }
        Output.write("ok: \(cells) cells, \(formulas) formulas, no errors\n")
    }

    /// A cell a formula reads that holds text a person would read as a number (`"7 000 000"`
    /// typed in the English locale): the likely cause of a #VALUE!.
    private func textTypedAsNumber(feeding location: CellLocation, in book: Workbook) -> String? {
        for (sheet, range) in book.precedents(of: location) where range.cellCount <= 10_000 {
            for address in range.addresses {
                let precedent = CellLocation(sheet: sheet, address: address)
                guard case .text(let text) = book.value(at: precedent), book.formula(at: precedent) == nil,
                      SpreadsheetLocale.all.contains(where: { $0.number(from: text) != nil }) else { continue }
                return "\(book.name(of: precedent)) holds the text \"\(Excerpt.of(text))\", perhaps meant as a number"
            }
        }
        return nil
    }

    /// Text that formulas read and that reads as a number (`"7 000 000"` typed in the English
    /// locale): arithmetic takes it as the number in a Swedish workbook, as Excel does, but SUM
    /// and the other aggregates skip text in ranges, so totals may silently leave it out. A
    /// warning, not a problem: the text may be meant.
    private func warnAboutNumbersStoredAsText(_ textsBySheet: [[(address: CellAddress, text: String)]], in book: Workbook) {
        for (index, texts) in textsBySheet.enumerated() {
            for (address, text) in texts.sorted(by: { $0.address < $1.address }) {
                guard SpreadsheetLocale.all.contains(where: { $0.number(from: text) != nil }) else { continue }
                let location = CellLocation(sheet: index, address: address)
                // Typed, not a spill's value; and read by a formula.
                guard book.input(at: location) == .constant(.text(text)), !book.dependents(of: location).isEmpty else { continue }
                Output.write("warning: \(book.name(of: location)) holds the text \"\(Excerpt.of(text))\", which formulas read; perhaps meant as a number (SUM and other aggregates of ranges skip text)\n")
            }
        }
    }

    /// Lists the formulas Kalkyl keeps without computing, and the cells reading them; returns
    /// how many lines it wrote.
    private func listUncomputed(_ document: WorkbookDocument) -> Int {
        let book = document.workbook
        var lines = 0
        for (location, entry) in document.uncomputed.sorted(by: { $0.key < $1.key }) where document.uncomputedFormula(at: location) != nil {
            Output.write("\(book.name(of: location)): not computed by Kalkyl: =\(Excerpt.of(entry.formula)) (\(entry.reason)); Excel's value \(book.value(at: location)) is kept\n")
            lines += 1
        }
        let stale = document.possiblyStale()
        if !stale.isEmpty {
            let shown = stale.prefix(20).map { book.name(of: $0) }.joined(separator: ", ")
            Output.write("possibly stale (they depend on formulas Kalkyl does not compute): \(shown)\(stale.count > 20 ? " and \(stale.count - 20) more" : "")\n")
            lines += 1
        }
        return lines
    }

    /// Formula cells whose recalculated value differs from Excel's stored one.
    private func compareWithCached() throws {
        let document = try WorkbookFile.open(workbook, keepingCachedValues: true)
        guard document.kind == .xlsx else { throw CommandFailure.input("--against-cached needs an .xlsx file") }
        let book = document.workbook
        let uncomputed = listUncomputed(document)
        var differences = 0
        let stale = Set(document.possiblyStale())
        for (location, cached) in document.cachedValues.sorted(by: { $0.key < $1.key }) {
            let value = book.value(at: location)
            guard !CachedComparison.same(value, cached), book.formula(at: location) != nil, !stale.contains(location) else { continue }
            var line = "\(book.name(of: location)): Kalkyl \(value.description.isEmpty ? "(empty)" : value.description), Excel \(cached.description.isEmpty ? "(empty)" : cached.description)"
            if let text = book.formulaText(at: location) { line += "  \(text)" }
            if let notes = book.formula(at: location)?.diagnostics, !notes.isEmpty { line += "  (\(notes.joined(separator: "; ")))" }
            Output.write(line + "\n")
            differences += 1
        }
        if differences > 0 || uncomputed > 0 {
            let notComputed = uncomputed > 0 ? "formulas Kalkyl does not compute (listed); " : ""
            throw CommandFailure.check("\(workbook): \(notComputed)\(differences) of \(document.cachedValues.count) formula cells differ from the cached values")
        }
        Output.write(document.cachedValues.isEmpty ? "ok: the file stores no cached values to compare\n" : "ok: \(document.cachedValues.count) formula cells agree with the cached values\n")
    }
}

/// Values equal as a recalculation check sees them: numbers to 1e-9 relative.
enum CachedComparison {
    static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x == y || abs(x - y) <= max(1e-9, max(abs(x), abs(y)) * 1e-9)
        case (.empty, .text(let s)), (.text(let s), .empty): return s.isEmpty
        case (.empty, .number(let n)), (.number(let n), .empty): return n == 0
        default: return a == b
        }
    }
}
