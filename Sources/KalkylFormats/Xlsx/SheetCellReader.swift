import Foundation
import KalkylEngine

/// Puts the cells of one worksheet part into the workbook: constants, formulas (shared, array,
/// dynamic-array), the values Excel stored for them, and the formulas Kalkyl does not compute.
struct SheetCellReader {
    let workbook: Workbook
    let sheet: Int
    let strings: [String]
    let formats: [String?]
    let file: String
    /// Whether every formula cell's stored value is kept (see `XlsxReader.load`), or only
    /// those a formula Kalkyl does not compute needs.
    let keepsCachedValues: Bool
    private(set) var failure: XlsxError? = nil

    private var cached: [CellLocation: Value] = [:]
    private var uncomputed: [CellLocation: UncomputedFormula] = [:]
    private var shared: [Int: SharedFormula] = [:]
    /// The shared formulas met last, looked at before `shared`: a row of filled-down columns
    /// meets a few in turn, and comparing a few numbers costs less than hashing one.
    private var recentShared: [(index: Int, formula: SharedFormula)] = []
    private var nextRecentShared = 0

    private typealias SharedFormula = (expression: KalkylEngine.Expression, master: CellAddress)
    private var unreadShared: [Int: CellAddress] = [:]
    /// Legacy array formulas over several cells, and their other cells.
    private var arrays: [ArrayFormulaRange] = []
    private var arrayMembers: [CellAddress: Int] = [:]
    /// The areas dynamic-array formulas spill over: their other cells' values are the spill's.
    private var spillAreas: [CellRange] = []
    private var formatted: [String: [CellAddress]] = [:]
    /// Cells come in order; one at or before the previous one may be a duplicate.
    private var previous: CellAddress? = nil

    init(workbook: Workbook, sheet: Int, strings: [String], formats: [String?], file: String, keepsCachedValues: Bool) {
        self.workbook = workbook
        self.keepsCachedValues = keepsCachedValues
        self.sheet = sheet
        self.strings = strings
        self.formats = formats
        self.file = file
    }

    /// Reads one cell; a message when the file is wrong there (the reader stops).
    mutating func read(_ cell: borrowing SheetCell) -> String? {
        let address = cell.address
        let location = CellLocation(sheet: sheet, address: address)
        if let previous, (address.row, address.column) <= (previous.row, previous.column),
           workbook.input(at: location) != .constant(.empty) {
            return "the cell \(address) appears twice"
        }
        previous = address
        let type = cell.type
        let constant: Value
        if let whole = cell.wholeNumber, type == .number || (type == .sharedString && whole >= 0 && whole < strings.count) {
            // Most cells: a number or a shared string's index, read without a String.
            constant = type == .number ? .number(Double(whole)) : .text(strings[Int(whole)])
        } else {
            switch Self.constant(type, cell.valueText, strings: strings) {
            case .success(let value): constant = value
            case .failure(let problem): return "the cell \(address) \(problem.message)"
            }
        }
        if cell.style < formats.count, let code = formats[cell.style] { formatted[code, default: []].append(address) }
        guard let text = cell.formula else {
            guard constant != .empty else { return nil }
            // A value inside a dynamic array's spill is the spill's, not the cell's own.
            if !spillAreas.isEmpty && spillAreas.contains(where: { $0.contains(address) }) { return nil }
            do { try workbook.set(.constant(constant), at: location) } catch { failure = XlsxError(path: file, message: "\(error)") }
            return nil
        }
        // Only a stored <v> is a cached value; files written without values have none.
        let hasCachedValue = cell.sawValue && (cell.wholeNumber != nil || !cell.value.isEmpty || type == .formulaString)
        // Why Kalkyl does not compute the formula, if it does not: Excel's value stands in.
        var uncomputedReason: String? = nil
        let sharedIndex = cell.formulaKind == .shared ? cell.sharedIndex : nil
        if let si = sharedIndex, text.isEmpty, let master = sharedFormula(si) {
            // A follower of a shared formula: the master's formula, shifted to this cell.
            if !workbook.setFormula(of: CellLocation(sheet: sheet, address: master.master), at: location) {
                workbook.set(expression: master.expression, at: location)
            }
        } else if !text.isEmpty {
            do throws(WorkbookError) {
                let isArray = cell.formulaKind == .array
                if isArray && cell.hasCellMetadata {
                    // Excel 365's dynamic array: computed and spilled as typed.
                    try workbook.set(.formula("=" + text), at: location)
                    if let ref = cell.formulaRef, let area = CellRange(ref), !area.isSingleCell { spillAreas.append(area) }
                } else if isArray {
                    // A legacy array formula: the cell shows the first element of its result.
                    try workbook.set(.formula("=INDEX((\(text)),1,1)"), at: location)
                } else {
                    // As text, so a filled-down formula is parsed once (see Workbook.set).
                    try workbook.set(.formula("=" + text), at: location, legacy: true)
                }
                if let si = sharedIndex, let compiled = workbook.formula(at: location) {
                    shared[si] = (compiled.expression, address)
                    // A later master of the same index replaces the first (rare: forget the recent ones).
                    recentShared.removeAll()
                    nextRecentShared = 0
                }
                // (A larger array formula keeps Excel's values in its other cells.)
                if !cell.hasCellMetadata, let array = ArrayFormulaRange(kind: cell.formulaKind, ref: cell.formulaRef, formula: text), array.range.cellCount <= 1 << 16 {
                    for member in array.range.addresses where array.isMember(member) { arrayMembers[member] = arrays.count }
                    arrays.append(array)
                }
            } catch {
                var message = "\(error)"
                if case .formula(var syntax, _) = error {
                    syntax.offset -= 1  // positions in the text as the file has it, without '='
                    message = "\(syntax)"
                }
                uncomputedReason = message
                if let si = sharedIndex { unreadShared[si] = address }
            }
        } else if let si = sharedIndex, let master = unreadShared[si] {
            uncomputedReason = "it shares the formula of \(master), which Kalkyl cannot read"
        } else {
            try? workbook.set(.constant(constant), at: location)
        }
        if hasCachedValue && (keepsCachedValues || callsUnknownFunction(at: location)) { cached[location] = constant }
        if let reason = uncomputedReason {
            uncomputed[location] = UncomputedFormula(formula: text, reason: reason)
            try? workbook.set(.constant(hasCachedValue ? constant : .empty), at: location)
        }
        return nil
    }

    private struct Problem: Error { var message: String }

    /// The value a cell's `t` and text stand for.
    private static func constant(_ type: SheetCell.Kind, _ value: String, strings: [String]) -> Result<Value, Problem> {
        switch type {
        case .sharedString:
            guard let index = Int(value), index >= 0, index < strings.count else {
                return .failure(Problem(message: "names shared string \(value.prefix(20)), which the file does not have"))
            }
            return .success(.text(strings[index]))
        case .inlineString, .formulaString: return .success(.text(OOXMLText.decode(value)))
        case .boolean: return .success(.boolean(value == "1" || value.lowercased() == "true"))
        case .error: return .success(FormulaError(code: value).map(Value.error) ?? .error(.value))
        case .number:
            if value.isEmpty { return .success(.empty) }
            guard let n = number(value) else { return .success(.text(value)) }
            // "inf", "nan" and 1E+999 parse as numbers no cell may hold.
            guard n.isFinite else { return .failure(Problem(message: "holds \(value.prefix(20)), which is not a finite number")) }
            return .success(.number(n))
        }
    }

    /// The shared formula with index `si`, if its first cell was read.
    private mutating func sharedFormula(_ si: Int) -> SharedFormula? {
        for entry in recentShared where entry.index == si { return entry.formula }
        guard let formula = shared[si] else { return nil }
        if recentShared.count < 8 {
            recentShared.append((si, formula))
        } else {
            recentShared[nextRecentShared] = (si, formula)
            nextRecentShared = (nextRecentShared + 1) % 8
        }
        return formula
    }

    /// `Double(text)`, with whole numbers of up to 15 digits (most cells) read without strtod.
    static func number(_ text: String) -> Double? {
        var bytes = text
        let whole = bytes.withUTF8 { utf8 -> Int? in
            let negative = utf8.first == UInt8(ascii: "-")
            let digits = negative ? utf8.count - 1 : utf8.count
            guard digits >= 1, digits <= 15 else { return nil }
            var n = 0
            for k in (negative ? 1 : 0)..<utf8.count {
                let b = utf8[k]
                guard b >= 48 && b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            if negative && n == 0 { return nil }  // -0 is not the integer 0
            return negative ? -n : n
        }
        return whole.map(Double.init) ?? Double(text)
    }

    /// Whether the cell's formula calls a function or name Kalkyl and the workbook lack
    /// (looked at only once some formula does).
    private func callsUnknownFunction(at location: CellLocation) -> Bool {
        workbook.hasFormulasWithUnknownNames && workbook.formula(at: location)?.unknownNames.isEmpty == false
    }

    /// After the last cell: the other cells of array formulas, the formulas Kalkyl lacks a
    /// function for, the formats and widths, and what the document keeps of them.
    mutating func finish(into document: inout XlsxDocument, widths: [Int32: Double]) {
        // The other cells of array formulas: the values the file has are Excel's cached ones.
        for (address, index) in arrayMembers {
            let location = CellLocation(sheet: sheet, address: address)
            if workbook.formula(at: location) != nil { continue }  // a formula of its own (not valid OOXML): kept
            let stored = workbook.value(at: location)
            try? workbook.set(.formula(arrays[index].memberFormula(at: address)), at: location)
            if stored != .empty && (keepsCachedValues || callsUnknownFunction(at: location)) { cached[location] = stored }
        }
        // Formulas Excel computed that Kalkyl would show as #NAME? (a function it lacks): their
        // values are kept.
        if workbook.hasFormulasWithUnknownNames {
            for (location, value) in cached {
                guard let compiled = workbook.formula(at: location), let unknown = compiled.unknownNames.first else { continue }
                uncomputed[location] = UncomputedFormula(formula: FormulaPrinter.xlsxFormula(compiled.expression, at: location.address),
                                                        reason: "Kalkyl has no \(unknown)")
                try? workbook.set(.constant(value), at: location)
            }
        }
        let formatted = formatted
        workbook.updateLayout(ofSheet: sheet) { layout in
            layout.columnWidths = widths
            for (code, addresses) in formatted.sorted(by: { $0.key < $1.key }) {
                for range in SheetReader.runs(addresses) { layout.numberFormats.append((range: range, format: code)) }
            }
        }
        if keepsCachedValues { document.cachedValues.merge(cached) { $1 } }
        document.uncomputed.merge(uncomputed) { $1 }
    }
}
