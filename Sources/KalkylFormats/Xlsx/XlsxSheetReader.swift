import Foundation
import KalkylEngine

/// Reads one worksheet part into the workbook, cell by cell as the XML streams past.
enum SheetReader {
    static func read(_ data: Data, into document: inout XlsxDocument, sheet: Int, strings: [String], formats: [String?],
                     file: String, part: String) throws {
        let workbook = document.workbook
        var cached: [CellLocation: Value] = [:]
        var uncomputed: [CellLocation: UncomputedFormula] = [:]
        var shared: [String: (expression: KalkylEngine.Expression, master: CellAddress)] = [:]
        var unreadShared: [String: CellAddress] = [:]
        /// Legacy array formulas over several cells, and their other cells.
        var arrays: [ArrayFormulaRange] = []
        var arrayMembers: [CellAddress: Int] = [:]
        /// The areas dynamic-array formulas spill over: their other cells' values are the spill's.
        var spillAreas: [CellRange] = []
        var formatted: [String: [CellAddress]] = [:]
        var widths: [Int32: Double] = [:]

        // The cell being read.
        var address = CellAddress(row: 0, column: 0)
        var type = "n", style = 0
        /// `cm`: the cell's metadata, which marks Excel 365's dynamic-array formulas.
        var hasCellMetadata = false
        var formula: String? = nil, formulaAttributes: [String: String] = [:]
        var value = "", inValue = false, inFormula = false, inInline = false, sawValue = false
        var cursor = SheetCursor()
        // Cells come in order; one at or before the previous one may be a duplicate.
        var previous: CellAddress? = nil
        var failure: XlsxError? = nil

        let events = XMLEvents()
        events.onStart = { element, attributes in
            switch element {
            case "col":
                guard let min = attributes["min"].flatMap(Int32.init), let max = attributes["max"].flatMap(Int32.init),
                      1 <= min, min <= max, max <= CellAddress.maxColumns else {
                    events.reject("<col min=\"\(attributes["min"] ?? "")\" max=\"\(attributes["max"] ?? "")\"> is not a range of columns (1 to 16 384)")
                    return
                }
                // Excel's widths are 0 to 255 characters; anything else is not kept.
                if let width = attributes["width"].flatMap(Double.init), width >= 0, width <= 255, max - min < 100 {
                    for c in min...max { widths[c - 1] = (width * 100).rounded() / 100 }
                }
            case "row":
                do throws(SheetCursor.Invalid) { try cursor.enterRow(attributes) } catch { events.reject(error.message) }
            case "c":
                do throws(SheetCursor.Invalid) { address = try cursor.enterCell(attributes) } catch { events.reject(error.message); return }
                if let previous, (address.row, address.column) <= (previous.row, previous.column),
                   workbook.input(at: CellLocation(sheet: sheet, address: address)) != .constant(.empty) {
                    events.reject("the cell \(address) appears twice")
                    return
                }
                previous = address
                type = attributes["t"] ?? "n"
                hasCellMetadata = attributes["cm"] != nil
                style = attributes["s"].flatMap(Int.init) ?? 0
                guard style >= 0 else { events.reject("<c s=\"\(style)\"> is not a style index"); return }
                formula = nil
                formulaAttributes = [:]
                inFormula = false
                inValue = false
                value = ""
                sawValue = false
            case "f":
                inFormula = true
                formula = ""
                formulaAttributes = attributes
            case "v": inValue = true; sawValue = true
            case "is": inInline = true; sawValue = true
            case "t" where inInline: inValue = true
            default: break
            }
        }
        events.onText = { text in
            if inFormula { formula = (formula ?? "") + text } else if inValue { value += text }
        }
        events.onEnd = { element in
            switch element {
            case "f": inFormula = false
            case "v": inValue = false
            case "t" where inInline: inValue = false
            case "is": inInline = false
            case "c":
                let location = CellLocation(sheet: sheet, address: address)
                let constant: Value
                switch type {
                case "s":
                    guard let index = Int(value), index >= 0, index < strings.count else {
                        events.reject("the cell \(address) names shared string \(value.prefix(20)), which the file does not have")
                        return
                    }
                    constant = .text(strings[index])
                case "inlineStr", "str": constant = .text(OOXMLText.decode(value))
                case "b": constant = .boolean(value == "1" || value.lowercased() == "true")
                case "e": constant = FormulaError(code: value).map(Value.error) ?? .error(.value)
                default:
                    if value.isEmpty {
                        constant = .empty
                    } else if let n = Double(value) {
                        // "inf", "nan" and 1E+999 parse as numbers no cell may hold.
                        guard n.isFinite else { events.reject("the cell \(address) holds \(value.prefix(20)), which is not a finite number"); return }
                        constant = .number(n)
                    } else {
                        constant = .text(value)
                    }
                }
                if style < formats.count, let code = formats[style] { formatted[code, default: []].append(address) }
                if let text = formula {
                    // Only a stored <v> is a cached value; files written without values have none.
                    let hasCachedValue = sawValue && (!value.isEmpty || type == "str")
                    if hasCachedValue { cached[location] = constant }
                    // Why Kalkyl does not compute the formula, if it does not: Excel's value stands in.
                    var uncomputedReason: String? = nil
                    let sharedIndex = formulaAttributes["t"] == "shared" ? formulaAttributes["si"] : nil
                    if let si = sharedIndex, text.isEmpty, let master = shared[si] {
                        // A follower of a shared formula: the master's formula, shifted to this cell.
                        workbook.set(expression: master.expression, at: location)
                    } else if !text.isEmpty {
                        do throws(WorkbookError) {
                            let isArray = formulaAttributes["t"] == "array"
                            if isArray && hasCellMetadata {
                                // Excel 365's dynamic array: computed and spilled as typed.
                                try workbook.set(.formula("=" + text), at: location)
                                if let ref = formulaAttributes["ref"], let area = CellRange(ref), !area.isSingleCell { spillAreas.append(area) }
                            } else if isArray {
                                // A legacy array formula: the cell shows the first element of its result.
                                try workbook.set(.formula("=INDEX((\(text)),1,1)"), at: location)
                            } else {
                                // As text, so a filled-down formula is parsed once (see Workbook.set).
                                try workbook.set(.formula("=" + text), at: location, legacy: true)
                            }
                            if let si = sharedIndex, let compiled = workbook.formula(at: location) { shared[si] = (compiled.expression, address) }
                            // (A larger array formula keeps Excel's values in its other cells.)
                            if !hasCellMetadata, let array = ArrayFormulaRange(attributes: formulaAttributes, formula: text), array.range.cellCount <= 1 << 16 {
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
                    if let reason = uncomputedReason {
                        uncomputed[location] = UncomputedFormula(formula: text, reason: reason)
                        try? workbook.set(.constant(hasCachedValue ? constant : .empty), at: location)
                    }
                } else if constant != .empty {
                    // A value inside a dynamic array's spill is the spill's, not the cell's own.
                    if !spillAreas.isEmpty && spillAreas.contains(where: { $0.contains(address) }) { return }
                    do { try workbook.set(.constant(constant), at: location) } catch { failure = XlsxError(path: file, message: "\(error)") }
                }
            default: break
            }
        }
        try events.parse(data, part: part, file: file)
        if let failure { throw failure }
        // The other cells of array formulas: the values the file has are Excel's cached ones.
        for (address, index) in arrayMembers {
            let location = CellLocation(sheet: sheet, address: address)
            if workbook.formula(at: location) != nil { continue }  // a formula of its own (not valid OOXML): kept
            let stored = workbook.value(at: location)
            if stored != .empty { cached[location] = stored }
            try? workbook.set(.formula(arrays[index].memberFormula(at: address)), at: location)
        }
        // Formulas Excel computed that Kalkyl would show as #NAME? (a function it lacks): their
        // values are kept. Looked for only when some formula has an unknown name.
        if workbook.hasFormulasWithUnknownNames {
            for (location, value) in cached {
                guard let compiled = workbook.formula(at: location), let unknown = compiled.unknownNames.first else { continue }
                uncomputed[location] = UncomputedFormula(formula: FormulaPrinter.xlsxFormula(compiled.expression, at: location.address),
                                                        reason: "Kalkyl has no \(unknown)")
                try? workbook.set(.constant(value), at: location)
            }
        }

        workbook.updateLayout(ofSheet: sheet) { layout in
            layout.columnWidths = widths
            for (code, addresses) in formatted.sorted(by: { $0.key < $1.key }) {
                for range in SheetReader.runs(addresses) { layout.numberFormats.append((range: range, format: code)) }
            }
        }
        document.cachedValues.merge(cached) { $1 }
        document.uncomputed.merge(uncomputed) { $1 }
    }

    /// Addresses grouped into vertical runs per column, so a formatted column is one range.
    static func runs(_ addresses: [CellAddress]) -> [CellRange] {
        var result: [CellRange] = []
        for address in addresses.sorted(by: { ($0.column, $0.row) < ($1.column, $1.row) }) {
            if let last = result.last, last.start.column == address.column, last.end.row + 1 == address.row {
                result[result.count - 1] = CellRange(last.start, address)
            } else {
                result.append(CellRange(address))
            }
        }
        return result
    }
}
