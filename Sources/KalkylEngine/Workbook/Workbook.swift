import Foundation

/// A workbook: sheets of cells, defined names, and the dependency graph that keeps computed
/// values current. Edits go through `set(_:at:)`; `recalculate()` then recomputes only the
/// cells the edits can reach and reports which values changed.
public final class Workbook {
    /// Read for every cell a formula touches: unchecked like `EvaluationContext`'s state.
    /// Changed only in this file, by methods that hold no access across a call that could
    /// change it again; read everywhere, for every cell a formula reads, so unchecked.
#if KALKYL_CHECKED_EXCLUSIVITY
    public private(set) var sheets: [Sheet] = []
#else
    @exclusivity(unchecked) public private(set) var sheets: [Sheet] = []
#endif
    public internal(set) var names: [DefinedName] = []
    /// Whether some formula compiled so far uses a function or name Kalkyl or the workbook does
    /// not have (`CompiledFormula.unknownNames`): a reader looks for them only then.
    public private(set) var hasFormulasWithUnknownNames = false
    /// The locale TEXT and FIXED write numbers in, as Excel's TEXT follows the locale it runs
    /// in (`TEXT(1234567;"#,##0")` is `1 234 567` in Swedish). A workbook file's `locale` line
    /// sets it, so a workbook computes the same wherever it is opened; format codes stay canonical.
    public var locale: SpreadsheetLocale = .english {
        didSet { if locale != oldValue && !formulas.isEmpty { recalculateAll() } }
    }
    /// Whether circular references are iterated, as Excel can (see `IterativeCalculation`);
    /// nil: they are #CYCLE!.
    public var iterativeCalculation: IterativeCalculation? {
        didSet { if iterativeCalculation != oldValue && !formulas.isEmpty { recalculateAll() } }
    }
    /// The path of the file the workbook was opened from or saved to, for CELL("filename"); nil
    /// for a workbook not in a file. The engine never reads it: the file layer sets it.
    public var documentName: String?
    /// Excel tables, which formulas refer to by name (see `Workbook+Tables.swift`).
    public internal(set) var tables: [Table] = []
    /// The rows and columns inserted and deleted since the workbook was made or read, in order
    /// (see `Workbook+Structure.swift`): a saver that patches the file's sheets cell by cell
    /// cannot move what it does not model (styles, merged cells) with them, and refuses.
    public internal(set) var structuralShifts: [StructuralShift] = []
    /// The time NOW() and TODAY() see, as a serial in local time (a Swede's TODAY() changes at
    /// midnight in Sweden, not in UTC); replaceable for tests.
    public var clock: () -> Double = {
        let now = Date()
        return (now.timeIntervalSince1970 + Double(TimeZone.current.secondsFromGMT(for: now))) / 86400 + 25569
    }

    /// Compiled formulas, shared by every cell whose formula is the same relative to its position.
#if KALKYL_CHECKED_EXCLUSIVITY
    var formulas: [CompiledFormula] = []
#else
    @exclusivity(unchecked) var formulas: [CompiledFormula] = []
#endif
    private var formulaIDs: [FormulaKey: Int32] = [:]
    /// So a filled-down formula is parsed once.
    var formulaIDsByText = FormulaTextCache()
    // The graph, the volatile cells and the spills are touched for every cell placed, read
    // or recomputed, by methods that hold no access across a call that changes them again.
    //
    // The graph and the volatile cells are built when first used after a load: a load puts the
    // cells in without them, and the first edit, incremental recalculation or question about
    // dependents builds them from every formula at once. Checking or converting a large file
    // never needs them: a full calculation orders the cells by their references.
#if KALKYL_CHECKED_EXCLUSIVITY
    private var storedGraph = DependencyGraph()
    private var storedVolatileCells: Set<Int> = []
#else
    @exclusivity(unchecked) private var storedGraph = DependencyGraph()
    @exclusivity(unchecked) private var storedVolatileCells: Set<Int> = []
#endif
    /// Whether the graph and the volatile cells are to be built from the cells before their next use.
    private var graphIsStale = false

    /// Who depends on whom: an edge from each formula's precedents, and from each spill's anchor
    /// to the cells it covers.
    var graph: DependencyGraph {
        _read {
            if graphIsStale { buildGraph() }
            yield storedGraph
        }
        _modify {
            if graphIsStale { buildGraph() }
            yield &storedGraph
        }
    }

    /// Cells with RAND, NOW, OFFSET …: recomputed by every recalculation.
    var volatileCells: Set<Int> {
        _read {
            if graphIsStale { buildGraph() }
            yield storedVolatileCells
        }
        _modify {
            if graphIsStale { buildGraph() }
            yield &storedVolatileCells
        }
    }

    /// The graph and the volatile cells from the cells as they are, in row order per sheet (the
    /// order a file is read in, so each cell's dependents are listed as if added one by one).
    private func buildGraph() {
        graphIsStale = false
        storedGraph = DependencyGraph()
        storedVolatileCells = []
        for s in sheets.indices {
            sheets[s].forEachUsedCellByRow { address, _, id in
                if id != Column.noFormula { register(formula: id, at: CellLocation(sheet: s, address: address)) }
            }
        }
        for (cell, anchor) in spilledCells { storedGraph.addCellEdge(from: anchor, to: cell) }
    }
    /// Cells edited since the last recalculation, with their values before the edit.
    var pendingEdits: [Int: Value] = [:]
    /// False inside `load(_:)`: the edits need no record, a full calculation follows.
    private(set) var tracksEdits = true
    /// Hash indexes of looked-up ranges, kept while their cells do not change.
#if KALKYL_CHECKED_EXCLUSIVITY
    var lookupIndexes = LookupIndexes()
#else
    @exclusivity(unchecked) var lookupIndexes = LookupIndexes()
#endif
    /// How many nodes the last recalculation's cone had: the next one's index starts that big.
    var coneSizeHint = 64
    /// The evaluator keeps its stack between recalculations.
    var evaluator = Evaluator()

    // Dynamic arrays (see `Workbook+Spills.swift`).
#if KALKYL_CHECKED_EXCLUSIVITY
    /// The spill of each formula cell whose result is an array, by the anchor's key.
    var spills: [Int: Spill] = [:]
    /// The anchor of each cell a spill covers (the anchor itself not included), by key.
    var spilledCells: [Int: Int] = [:]
#else
    /// The spill of each formula cell whose result is an array, by the anchor's key.
    @exclusivity(unchecked) var spills: [Int: Spill] = [:]
    /// The anchor of each cell a spill covers (the anchor itself not included), by key.
    @exclusivity(unchecked) var spilledCells: [Int: Int] = [:]
#endif
    /// Where a second pass of the recalculation starts, with the values before: cells a spill
    /// covered for the first time or gave back (their readers may not be in this pass's cone,
    /// or ran already), and the anchors of spills that were blocked or displaced and must try
    /// again.
    var spillFollowUps: [Int: Value] = [:]
    /// Cells of a spill whose values changed in this pass of a recalculation.
    var changedSpilledCells: Set<Int> = []
    /// Anchors found on a cycle once in this recalculation (see `Workbook.cycleThroughSpill`).
    var spillsRetriedAfterCycle: Set<Int> = []

    private struct FormulaKey: Hashable {
        var expression: Expression
        /// The host sheet when the formula uses defined names (sheet scope may differ), else -1.
        var sheet: Int32
    }

    public init() {}

    // MARK: Sheets

    @discardableResult
    public func addSheet(named name: String) throws(WorkbookError) -> Int {
        try Workbook.validateSheetName(name)
        guard sheetIndex(named: name) == nil else { throw WorkbookError.duplicateSheet(name) }
        sheets.append(Sheet(name: name))
        // Formulas that referred to this sheet before it existed (#REF!) can now resolve.
        if !formulas.isEmpty { rebuildFormulas() }
        return sheets.count - 1
    }

    public static func validateSheetName(_ name: String) throws(WorkbookError) {
        if name.isEmpty { throw WorkbookError.invalidSheetName(name, reason: "it is empty") }
        if name.count > 31 { throw WorkbookError.invalidSheetName(name, reason: "it is longer than 31 characters") }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw WorkbookError.invalidSheetName(name, reason: "it contains a control character")
        }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
            throw WorkbookError.invalidSheetName(name, reason: "it contains '\(bad)'")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            throw WorkbookError.invalidSheetName(name, reason: "it starts or ends with an apostrophe")
        }
    }

    /// The index of a sheet, matching the name case-insensitively as Excel does.
    public func sheetIndex(named name: String) -> Int? {
        if let exact = sheets.firstIndex(where: { $0.name == name }) { return exact }
        let lower = name.lowercased()
        return sheets.firstIndex(where: { $0.name.lowercased() == lower })
    }

    public var sheetNames: [String] { sheets.map(\.name) }

    /// Changes how a sheet is shown (column widths, number formats); its cells change only through `set`.
    /// The body works on a copy (its cells shared, not copied), so it may do anything with the
    /// workbook meanwhile without holding an access to `sheets`.
    public func updateLayout(ofSheet index: Int, _ body: (inout Sheet) -> Void) {
        var sheet = sheets[index]
        body(&sheet)
        sheets[index].columnWidths = sheet.columnWidths
        sheets[index].numberFormats = sheet.numberFormats
    }

    // MARK: Names

    /// Defines or redefines a name; `formula` is its definition (`=Parametrar!$B$1` or `=0.25`).
    public func defineName(_ name: String, formula: String, scope: Int? = nil) throws(WorkbookError) {
        guard DefinedName.isValid(name) else { throw WorkbookError.invalidName(name) }
        let expression: Expression
        do {
            expression = try FormulaParser.parse(formula, at: CellAddress(row: 0, column: 0))
        } catch {
            throw WorkbookError.formula(error, in: formula)
        }
        let upper = name.uppercased()
        names.removeAll(where: { $0.name.uppercased() == upper && $0.scope == scope })
        names.append(DefinedName(name: name, scope: scope, expression: expression))
        if !formulas.isEmpty { rebuildFormulas() }
    }

    /// Whether a defined name (or a table's name) may stand for several cells.
    public func nameMayBeArray(_ name: String, fromSheet sheet: Int, depth: Int = 0) -> Bool {
        guard depth < 16, let definition = definedName(name, fromSheet: sheet) else { return table(named: name) != nil }
        return LegacyFormula.mayBeArray(definition) { nameMayBeArray($0, fromSheet: sheet, depth: depth + 1) }
    }

    public func removeName(_ name: String, scope: Int? = nil) {
        let upper = name.uppercased()
        names.removeAll(where: { $0.name.uppercased() == upper && $0.scope == scope })
        if !formulas.isEmpty { rebuildFormulas() }
    }

    /// The expression a name stands for from a sheet: the sheet's own name first, then the workbook's.
    public func definedName(_ name: String, fromSheet sheet: Int) -> Expression? {
        let upper = name.uppercased()
        return (names.first(where: { $0.scope == sheet && $0.name.uppercased() == upper })
            ?? names.first(where: { $0.scope == nil && $0.name.uppercased() == upper }))?.expression
    }

    // MARK: Cells

    /// Loads cells in bulk, as a reader does, then computes every formula once. Inside
    /// `body` edits are not recorded one by one (a million cells would make a million records
    /// that the full calculation throws away).
    @discardableResult
    public func load<E: Error>(_ body: () throws(E) -> Void) throws(E) -> RecalculationResult {
        tracksEdits = false
        graphIsStale = true
        do {
            try body()
        } catch {
            tracksEdits = true
            recalculateAll()
            throw error
        }
        tracksEdits = true
        return recalculateAll()
    }

    /// Sets a cell's input. A formula is parsed now (a syntax error changes nothing); values are
    /// computed by the next `recalculate()`. `legacy`: the formula comes from a file that does
    /// not mark it as a dynamic array, and is read as Excel 365 reads it (see `LegacyFormula`).
    public func set(_ input: CellInput, at location: CellLocation, legacy: Bool = false) throws(WorkbookError) {
        switch input {
        case .constant(let value):
            place(value: value, formula: Column.noFormula, at: location)
        case .formula(let text):
            if let id = formulaIDsByText.id(of: text, at: location, isLegacy: legacy) {
                place(value: value(at: location), formula: id, at: location)
                return
            }
            var expression: Expression
            do {
                expression = try FormulaParser.parse(text, at: location.address)
            } catch {
                throw WorkbookError.formula(error, in: text)
            }
            if legacy {
                let sheet = Int(location.sheet)
                expression = LegacyFormula.intersected(expression) { nameMayBeArray($0, fromSheet: sheet) }
            }
            set(expression: expression, at: location)
            formulaIDsByText.store(sheets[Int(location.sheet)].formula(row: location.address.row, column: location.address.column), sheet: location.sheet, isLegacy: legacy)
        }
    }

    /// Sets a cell's formula from an expression parsed at that cell.
    public func set(expression: Expression, at location: CellLocation) {
        // A formula cell keeps its old value until it is recalculated, so the change can be reported.
        place(value: value(at: location), formula: intern(expression, sheet: Int(location.sheet)), at: location)
    }

    /// Gives a cell the formula of another cell on its sheet, moved to it, as an xlsx shared
    /// formula's other cells have their first cell's: the compiled formula is shared, not
    /// parsed or looked up again. False (and nothing changes) when `master` has no formula.
    @discardableResult
    public func setFormula(of master: CellLocation, at location: CellLocation) -> Bool {
        guard master.sheet == location.sheet, Int(master.sheet) < sheets.count else { return false }
        let id = sheets[Int(master.sheet)].formula(row: master.address.row, column: master.address.column)
        guard id != Column.noFormula else { return false }
        place(value: value(at: location), formula: id, at: location)
        return true
    }

    private func place(value: Value, formula: Int32, at location: CellLocation) {
        precondition(Int(location.sheet) < sheets.count, "no sheet \(location.sheet)")
        let key = location.key
        if !spills.isEmpty || !spilledCells.isEmpty { editTouchesSpills(at: location, keepsFormula: formula != Column.noFormula) }
        if graphIsStale && !tracksEdits {
            // A load: no edges to keep up (the graph is built later), no edit to record.
            sheets[Int(location.sheet)].set(value, formula: formula, at: location.address)
            lookupIndexes.cellChanged(sheet: location.sheet, at: location.address)
            return
        }
        let oldValue = self.value(at: location)
        let oldFormula = sheets[Int(location.sheet)].formula(row: location.address.row, column: location.address.column)
        if oldFormula != Column.noFormula { unregister(formula: oldFormula, at: location) }
        sheets[Int(location.sheet)].set(value, formula: formula, at: location.address)
        lookupIndexes.cellChanged(sheet: location.sheet, at: location.address)
        if formula != Column.noFormula { register(formula: formula, at: location) }
        if tracksEdits && pendingEdits[key] == nil { pendingEdits[key] = oldValue }
    }

    /// Stores a formula's newly computed value. The same value is not written again: a column
    /// shared with a `CellBaseline` (an opened file's cells) stays shared through a full
    /// calculation that finds what the file had, instead of being copied.
    @inline(__always)
    func storeComputedValue(_ value: Value, at location: CellLocation) {
        if case .number(let n) = value {
            // Most results: compared and stored as bits.
            if sheets[Int(location.sheet)].setComputedNumber(n, at: location.address) { lookupIndexes.cellChanged(sheet: location.sheet, at: location.address) }
            return
        }
        let old = sheets[Int(location.sheet)].value(row: location.address.row, column: location.address.column)
        // Not a number (numbers took the path above): compared as values.
        if old == value { return }
        sheets[Int(location.sheet)].setComputedValue(value, at: location.address)
        lookupIndexes.cellChanged(sheet: location.sheet, at: location.address)
    }

    /// Writes a value a spill puts into a cell that holds no input of its own.
    func storeSpilledValue(_ value: Value, at location: CellLocation) {
        sheets[Int(location.sheet)].set(value, formula: Column.noFormula, at: location.address)
        lookupIndexes.cellChanged(sheet: location.sheet, at: location.address)
    }

    /// The cell's current value (as of the last recalculation for formulas).
    public func value(at location: CellLocation) -> Value {
        guard Int(location.sheet) < sheets.count else { return .empty }
        return sheets[Int(location.sheet)].value(row: location.address.row, column: location.address.column)
    }

    /// The cell's formula, or nil when it holds a constant or nothing.
    public func formula(at location: CellLocation) -> CompiledFormula? {
        guard Int(location.sheet) < sheets.count else { return nil }
        let id = sheets[Int(location.sheet)].formula(row: location.address.row, column: location.address.column)
        return id == Column.noFormula ? nil : formulas[Int(id)]
    }

    /// The formula as canonical text (`=SUM(A1:A3)`), or nil.
    public func formulaText(at location: CellLocation) -> String? {
        formula(at: location).map { FormulaPrinter.formula($0.expression, at: location.address) }
    }

    /// The formula as a person of `locale` writes it (`=SUMMA(A1:A3)` in Swedish), or nil.
    public func formulaText(at location: CellLocation, locale: SpreadsheetLocale) -> String? {
        formula(at: location).map { FormulaPrinter.formula($0.expression, at: location.address, locale: locale) }
    }

    /// What was put into the cell: the formula text, or the constant value (nothing for a cell
    /// a spill covers).
    public func input(at location: CellLocation) -> CellInput {
        if let text = formulaText(at: location) { return .formula(text) }
        if spilledCells[location.key] != nil { return .constant(.empty) }
        return .constant(value(at: location))
    }

    /// Every non-empty cell of a sheet in row order, with its formula if any: what the sheet
    /// shows, cells a spill covers included (`inputsOnly` leaves them out: what was typed).
    public func cells(inSheet sheet: Int, inputsOnly: Bool = false) -> [(address: CellAddress, value: Value, formula: CompiledFormula?)] {
        var result: [(CellAddress, Value, CompiledFormula?)] = []
        forEachCellByRow(inSheet: sheet, inputsOnly: inputsOnly) { result.append(($0, $1, $2)) }
        return result
    }

    /// Every non-empty cell of a sheet in the order `cells(inSheet:)` has them (row by row),
    /// without collecting them: for writing a large sheet to a file.
    public func forEachCellByRow<E: Error>(inSheet sheet: Int, inputsOnly: Bool = false,
                                           _ body: (CellAddress, Value, CompiledFormula?) throws(E) -> Void) throws(E) {
        let skipsSpilled = inputsOnly && !spilledCells.isEmpty
        try sheets[sheet].forEachUsedCellByRow { (address, value, id) throws(E) in
            if skipsSpilled && spilledCells[CellLocation(sheet: sheet, address: address).key] != nil { return }
            try body(address, value, id == Column.noFormula ? nil : formulas[Int(id)])
        }
    }

    /// Every non-empty cell of a sheet as `cells(inSheet:)` has them (a spill's too), but column
    /// by column and without collecting them: for a walk over a large sheet that needs no order.
    public func forEachCell(inSheet sheet: Int, _ body: (CellAddress, Value, CompiledFormula?) -> Void) {
        sheets[sheet].forEachUsedCell { address, value, id in
            body(address, value, id == Column.noFormula ? nil : formulas[Int(id)])
        }
    }

    /// How many cells of a sheet hold something (a spill's too) and how many a formula, in one
    /// pass that looks closer only at the cells whose value is no number: texts, booleans and
    /// errors, each given to `body`. A check of a large sheet needs no more.
    public func tally(inSheet sheet: Int, _ body: (CellAddress, Value, _ hasFormula: Bool) -> Void) -> (cells: Int, formulas: Int) {
        var cells = 0, formulaCount = 0
        for (c, column) in sheets[sheet].columns.enumerated() {
            let counts = column.tally { row, value, hasFormula in body(CellAddress(row: Int32(row), column: Int32(c)), value, hasFormula) }
            cells += counts.used
            formulaCount += counts.formulas
        }
        return (cells, formulaCount)
    }

    /// Parses `B7`, `$B$7`, `Sheet2!B7` or `'My sheet'!B7`; unqualified addresses are on `defaultSheet`.
    /// A defined name for a cell (`Grundbelopp`, `avvikelser`) stands for that cell.
    public func location(of text: String, defaultSheet: Int = 0) throws(WorkbookError) -> CellLocation {
        if let (sheet, range) = namedRange(text, fromSheet: defaultSheet) {
            guard range.cellCount == 1 else { throw WorkbookError.invalidReference("\(text) (a name for \(range), not one cell)") }
            return CellLocation(sheet: sheet, address: range.start)
        }
        let (sheet, rest) = try splitSheet(text, defaultSheet: defaultSheet)
        guard let address = A1.parseCell(Substring(rest))?.address else { throw WorkbookError.invalidReference(text) }
        return CellLocation(sheet: sheet, address: address)
    }

    /// Parses a range such as `A1:B3` or `Sheet2!A1:B3` (a single cell is a range too), or a
    /// defined name that stands for a range (`Andel`).
    public func range(of text: String, defaultSheet: Int = 0) throws(WorkbookError) -> (sheet: Int, range: CellRange) {
        if let named = namedRange(text, fromSheet: defaultSheet) { return named }
        let (sheet, rest) = try splitSheet(text, defaultSheet: defaultSheet)
        let stripped = rest.replacingOccurrences(of: "$", with: "")
        guard let range = CellRange(stripped) else { throw WorkbookError.invalidReference(text) }
        return (sheet, range)
    }

    /// The cells a defined name stands for, when it is a plain reference (not a formula).
    public func namedRange(_ name: String, fromSheet sheet: Int) -> (sheet: Int, range: CellRange)? {
        guard A1.parseCell(Substring(name)) == nil, DefinedName.isValid(name),
              case .reference(let reference)? = definedName(name, fromSheet: sheet),
              let range = reference.resolve(from: CellAddress(row: 0, column: 0)) else { return nil }
        let scope = names.first(where: { $0.name.uppercased() == name.uppercased() && ($0.scope == sheet || $0.scope == nil) })?.scope
        if let sheetName = reference.sheet {
            guard let target = sheetIndex(named: sheetName) else { return nil }
            return (target, range)
        }
        return (scope ?? sheet, range)
    }

    private func splitSheet(_ text: String, defaultSheet: Int) throws(WorkbookError) -> (Int, String) {
        guard let bang = text.lastIndex(of: "!") else { return (defaultSheet, text) }
        var name = String(text[..<bang])
        if name.hasPrefix("'") && name.hasSuffix("'") && name.count >= 2 {
            name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        guard let sheet = sheetIndex(named: name) else { throw WorkbookError.noSuchSheet(name) }
        return (sheet, String(text[text.index(after: bang)...]))
    }

    /// `Sheet!A1` with the sheet quoted when needed.
    public func name(of location: CellLocation) -> String {
        SheetName.quotedIfNeeded(sheets[Int(location.sheet)].name) + "!" + location.address.description
    }

    // MARK: Formula table and graph registration

    private func intern(_ expression: Expression, sheet: Int) -> Int32 {
        let key = FormulaKey(expression: expression, sheet: FormulaCompiler.usesNames(expression) ? Int32(sheet) : -1)
        if let id = formulaIDs[key] { return id }
        let compiled = FormulaCompiler.compile(expression, hostSheet: sheet, environment: self)
        if !compiled.unknownNames.isEmpty { hasFormulasWithUnknownNames = true }
        let id = Int32(formulas.count)
        formulas.append(compiled)
        formulaIDs[key] = id
        return id
    }

    private func register(formula id: Int32, at location: CellLocation) {
        updateEdges(of: id, at: location, adding: true)
    }

    private func unregister(formula id: Int32, at location: CellLocation) {
        updateEdges(of: id, at: location, adding: false)
    }

    /// Adds or removes the graph edges from a formula's precedents to its cell (nothing while
    /// the graph waits to be built).
    private func updateEdges(of id: Int32, at location: CellLocation, adding: Bool) {
        guard !graphIsStale else { return }
        let formula = formulas[Int(id)]
        let key = location.key
        graph.updateEdges(to: key, at: location, from: formula.references, adding: adding)
        if formula.isVolatile {
            if adding { volatileCells.insert(key) } else { volatileCells.remove(key) }
        }
    }

    /// The static references of a formula resolved from a cell (references off the sheet are skipped).
    func forEachPrecedent(of formula: CompiledFormula, at location: CellLocation, _ body: (Int32, CellRange) -> Void) {
        DependencyGraph.forEachPrecedent(of: formula.references, at: location, body)
    }

    /// Recompiles every formula and rebuilds the graph, after sheets or names change.
    func rebuildFormulas() {
        var cells: [(CellLocation, Expression)] = []
        for (s, sheet) in sheets.enumerated() {
            sheet.forEachUsedCell { address, _, id in
                if id != Column.noFormula { cells.append((CellLocation(sheet: s, address: address), formulas[Int(id)].expression)) }
            }
        }
        formulas.removeAll()
        formulaIDs.removeAll()
        formulaIDsByText.removeAll()
        graphIsStale = true
        for (location, expression) in cells {
            let id = intern(expression, sheet: Int(location.sheet))
            sheets[Int(location.sheet)].set(value(at: location), formula: id, at: location.address)
            if tracksEdits && pendingEdits[location.key] == nil { pendingEdits[location.key] = value(at: location) }
        }
    }

    /// Empties every sheet of cells and forgets every formula, spill and graph edge, keeping
    /// the sheets, names and tables: a structural edit or a restore then loads the cells anew.
    func removeAllCells() {
        for s in sheets.indices { sheets[s].columns = [] }
        formulas.removeAll()
        formulaIDs.removeAll()
        formulaIDsByText.removeAll()
        storedGraph = DependencyGraph()
        storedVolatileCells = []
        graphIsStale = false
        pendingEdits.removeAll()
        lookupIndexes = LookupIndexes()
        spills.removeAll()
        spilledCells.removeAll()
        spillFollowUps.removeAll()
        changedSpilledCells.removeAll()
        spillsRetriedAfterCycle.removeAll()
    }

    // MARK: Precedents and dependents

    /// The cells and ranges a cell's formula refers to directly.
    public func precedents(of location: CellLocation) -> [(sheet: Int, range: CellRange)] {
        guard let formula = formula(at: location) else { return [] }
        var result: [(Int, CellRange)] = []
        forEachPrecedent(of: formula, at: location) { sheet, range in
            if !result.contains(where: { $0.0 == Int(sheet) && $0.1 == range }) { result.append((Int(sheet), range)) }
        }
        return result
    }

    /// The formula cells that refer to this cell directly, or through a range that contains it.
    public func dependents(of location: CellLocation) -> [CellLocation] {
        var result = Set<Int>()
        graph.forEachSuccessor(of: location.key) { node in
            if node >= 0 { result.insert(node) } else { for d in graph.rangeNode(of: node).dependents { result.insert(d) } }
        }
        return result.map { CellLocation(key: $0) }.sorted()
    }
}

extension Workbook: CompilationEnvironment {}
