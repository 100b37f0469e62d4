extension FunctionRegistry {
    static let lookupFunctions: [FunctionDefinition] = [
        FunctionDefinition("VLOOKUP", 3...4) { (args) throws(FormulaError) in
            try tableLookup(args, vertical: true)
        },
        FunctionDefinition("HLOOKUP", 3...4) { (args) throws(FormulaError) in
            try tableLookup(args, vertical: false)
        },
        FunctionDefinition("MATCH", 2...3) { (args) throws(FormulaError) in
            let needle = try lookupValue(args)
            let grid = try Criteria.Grid(args[1], context: args.context)
            let size = grid.declaredSize
            guard size.rows == 1 || size.columns == 1 else { throw FormulaError.notAvailable }
            let vector = LookupVector(grid: grid, vertical: size.columns == 1, line: 0)
            let type = try args.number(2, default: 1)
            let found: Int?
            if type == 0 {
                found = vector.firstExact(needle, wildcards: true)
            } else {
                found = vector.approximate(needle, descending: type < 0)
            }
            guard let found else { throw FormulaError.notAvailable }
            return .number(Double(found + 1))
        },
        FunctionDefinition("XLOOKUP", 3...6) { (args) throws(FormulaError) in
            let found = try xSearch(args, modeArgument: 4)
            guard let index = found.index else {
                if args.count > 3 && !args.isOmitted(3) { return args[3] }
                throw FormulaError.notAvailable
            }
            let resultSize = args[2].dimensions, size = found.size
            guard found.vertical ? resultSize.rows == size.rows : resultSize.columns == size.columns else { throw FormulaError.value }
            return try slice(args[2], index: index, vertical: found.vertical, context: args.context)
        },
        // XMATCH: XLOOKUP's search, giving the position (1 for the first).
        FunctionDefinition("XMATCH", 2...4) { (args) throws(FormulaError) in
            guard let index = try xSearch(args, modeArgument: 2).index else { throw FormulaError.notAvailable }
            return .value(.number(Double(index + 1)))
        },
        FunctionDefinition("LOOKUP", 2...3) { (args) throws(FormulaError) in
            let needle = try lookupValue(args)
            let lookupGrid = try Criteria.Grid(args[1], context: args.context)
            let size = lookupGrid.declaredSize
            let vertical = size.rows >= size.columns
            let vector = LookupVector(grid: lookupGrid, vertical: vertical, line: 0)
            guard let index = vector.approximate(needle, descending: false) else { throw FormulaError.notAvailable }
            if args.count > 2 {
                let result = try Criteria.Grid(args[2], context: args.context)
                let rs = result.declaredSize
                return .value(rs.columns == 1 || rs.rows > 1 ? result.value(index, 0) : result.value(0, index))
            }
            // Array form: the last row or column of the same array.
            return .value(vertical ? lookupGrid.value(index, size.columns - 1) : lookupGrid.value(size.rows - 1, index))
        },
        FunctionDefinition("INDEX", 1...3) { (args) throws(FormulaError) in
            let size = args[0].dimensions
            var row = try args.integer(1, default: 0), column = try args.integer(2, default: 0)
            if args.count < 3 && (size.rows == 1 || size.columns == 1) && size.rows * size.columns > 1 {
                // One-dimensional: the single index runs along it.
                if size.rows == 1 { column = row; row = 1 }
            }
            if args.count >= 3 && args.isOmitted(1) { row = 0 }
            guard row >= 0, column >= 0 else { throw FormulaError.value }
            guard row <= size.rows, column <= size.columns else { throw FormulaError.reference }
            if size.columns == 1 && column == 0 { column = 1 }
            if size.rows == 1 && row == 0 && size.columns > 1 && column > 0 { row = 1 }
            switch args[0] {
            case .reference(let sheet, let range):
                let r1 = row == 0 ? range.start.row : range.start.row + Int32(row - 1)
                let r2 = row == 0 ? range.end.row : r1
                let c1 = column == 0 ? range.start.column : range.start.column + Int32(column - 1)
                let c2 = column == 0 ? range.end.column : c1
                return .reference(sheet: sheet, range: CellRange(CellAddress(row: r1, column: c1), CellAddress(row: r2, column: c2)))
            case .array(let m):
                if row > 0 && column > 0 { return .value(m[row - 1, column - 1]) }
                if row > 0 { return .array(Matrix(rows: 1, columns: m.columns, values: Array(m.values[(row - 1) * m.columns..<row * m.columns]))) }
                if column > 0 { return .array(Matrix(rows: m.rows, columns: 1, values: (0..<m.rows).map { m[$0, column - 1] })) }
                return .array(m)
            case .value(let v):
                if case .error(let e) = v { throw e }
                return .value(v)
            }
        },
        // ROW and COLUMN of a range give the array of its row (column) numbers, as in Excel;
        // a single cell shows the first.
        FunctionDefinition("ROW", 0...1) { (args) throws(FormulaError) in
            if args.isOmitted(0) { return .number(Double(args.context.host.row + 1)) }
            let range = try args.reference(0).range
            if range.rowCount == 1 { return .number(Double(range.start.row + 1)) }
            return .array(Matrix(rows: range.rowCount, columns: 1, values: (range.start.row...range.end.row).map { .number(Double($0 + 1)) }))
        },
        FunctionDefinition("COLUMN", 0...1) { (args) throws(FormulaError) in
            if args.isOmitted(0) { return .number(Double(args.context.host.column + 1)) }
            let range = try args.reference(0).range
            if range.columnCount == 1 { return .number(Double(range.start.column + 1)) }
            return .array(Matrix(rows: 1, columns: range.columnCount, values: (range.start.column...range.end.column).map { .number(Double($0 + 1)) }))
        },
        FunctionDefinition("ROWS", 1...1) { (args) throws(FormulaError) in
            if case .value(.error(let e)) = args[0] { throw e }
            return .number(Double(args[0].dimensions.rows))
        },
        FunctionDefinition("COLUMNS", 1...1) { (args) throws(FormulaError) in
            if case .value(.error(let e)) = args[0] { throw e }
            return .number(Double(args[0].dimensions.columns))
        },
        FunctionDefinition("OFFSET", 3...5, dynamic: true) { (args) throws(FormulaError) in
            let (sheet, range) = try args.reference(0)
            let rows = try args.integer(1), columns = try args.integer(2)
            let height = try args.integer(3, default: range.rowCount), width = try args.integer(4, default: range.columnCount)
            guard height != 0, width != 0 else { throw FormulaError.reference }
            let top = Int(range.start.row) + rows, left = Int(range.start.column) + columns
            let bottom = top + (height > 0 ? height - 1 : height + 1), right = left + (width > 0 ? width - 1 : width + 1)
            let a = CellAddress(row: min(top, bottom), column: min(left, right))
            let b = CellAddress(row: max(top, bottom), column: max(left, right))
            guard min(top, bottom) >= 0, min(left, right) >= 0, a.isValid, b.isValid else { throw FormulaError.reference }
            return .reference(sheet: sheet, range: CellRange(a, b))
        },
        FunctionDefinition("INDIRECT", 1...2, dynamic: true) { (args) throws(FormulaError) in
            let text = try args.text(0)
            let a1 = try args.boolean(1, default: true)
            return try indirect(text, a1: a1, context: args.context)
        },
    ]

    /// XLOOKUP's and XMATCH's search: argument 0 in the row or column of argument 1, with the
    /// match mode and search mode at `modeArgument` and the one after it.
    private static func xSearch(_ args: Arguments, modeArgument: Int) throws(FormulaError) -> (index: Int?, vertical: Bool, size: (rows: Int, columns: Int)) {
        let needle = try lookupValue(args)
        let lookup = try Criteria.Grid(args[1], context: args.context)
        let size = lookup.declaredSize
        guard size.rows == 1 || size.columns == 1 else { throw FormulaError.value }
        let vertical = size.columns == 1
        let vector = LookupVector(grid: lookup, vertical: vertical, line: 0)
        let mode = try args.integer(modeArgument, default: 0)
        let search = try args.integer(modeArgument + 1, default: 1)
        guard [-1, 0, 1, 2].contains(mode), [-2, -1, 1, 2].contains(search) else { throw FormulaError.value }
        if (search == 2 || search == -2) && mode != 2 {
            return (vector.binarySearch(needle, mode: mode, descending: search == -2), vertical, size)
        }
        return (vector.xlookup(needle, mode: mode, reverse: search == -1), vertical, size)
    }

    private static func lookupValue(_ args: Arguments) throws(FormulaError) -> Value {
        let v = args.scalar(0)
        if case .error(let e) = v { throw e }
        return v
    }

    private static func tableLookup(_ args: Arguments, vertical: Bool) throws(FormulaError) -> Operand {
        let needle = try lookupValue(args)
        let grid = try Criteria.Grid(args[1], context: args.context)
        let size = grid.declaredSize
        let index = try args.integer(2)
        guard index >= 1 else { throw FormulaError.value }
        guard index <= (vertical ? size.columns : size.rows) else { throw FormulaError.reference }
        let approximate = try args.boolean(3, default: true)
        let vector = LookupVector(grid: grid, vertical: vertical, line: 0)
        let found = approximate ? vector.approximate(needle, descending: false) : vector.firstExact(needle, wildcards: true)
        guard let found else { throw FormulaError.notAvailable }
        return .value(vertical ? grid.value(found, index - 1) : grid.value(index - 1, found))
    }

    /// Row `index` (or column) of an XLOOKUP return array: a reference stays a reference.
    private static func slice(_ operand: Operand, index: Int, vertical: Bool, context: EvaluationContext) throws(FormulaError) -> Operand {
        switch operand {
        case .reference(let sheet, let range):
            if vertical {
                let r = range.start.row + Int32(index)
                return .reference(sheet: sheet, range: CellRange(CellAddress(row: r, column: range.start.column), CellAddress(row: r, column: range.end.column)))
            }
            let c = range.start.column + Int32(index)
            return .reference(sheet: sheet, range: CellRange(CellAddress(row: range.start.row, column: c), CellAddress(row: range.end.row, column: c)))
        case .array(let m):
            return vertical ? .value(m[index, 0]) : .value(m[0, index])
        case .value(let v):
            return .value(v)
        }
    }

    /// INDIRECT: a reference written as text, `"B3"`, `"Sheet2!A1:B2"`, `"'My sheet'!C4"` or R1C1.
    static func indirect(_ text: String, a1: Bool, context: EvaluationContext) throws(FormulaError) -> Operand {
        if !a1 {
            let upper = text.uppercased()
            guard upper.first == "R", let cIndex = upper.firstIndex(of: "C"),
                  let row = Int(upper[upper.index(after: upper.startIndex)..<cIndex]),
                  let column = Int(upper[upper.index(after: cIndex)...]) else { throw FormulaError.reference }
            let address = CellAddress(row: row - 1, column: column - 1)
            guard address.isValid else { throw FormulaError.reference }
            return .reference(sheet: context.sheet, range: CellRange(address))
        }
        let expression: Expression
        do {
            expression = try FormulaParser.parse(text, at: context.host)
        } catch {
            throw FormulaError.reference
        }
        var resolved = expression
        if case .name(let name) = expression, let definition = context.workbook.definedName(name, fromSheet: Int(context.sheet)) {
            resolved = definition
        }
        guard case .reference(let reference) = resolved, let range = reference.resolve(from: context.host) else {
            throw FormulaError.reference
        }
        var sheet = context.sheet
        if let name = reference.sheet {
            guard let index = context.sheetIndex(named: name) else { throw FormulaError.reference }
            sheet = Int32(index)
        }
        return .reference(sheet: sheet, range: range)
    }
}

/// One row or column of a lookup table, searched as Excel's lookup functions search.
struct LookupVector {
    let grid: Criteria.Grid
    let vertical: Bool
    let line: Int

    var count: Int { vertical ? grid.rows : grid.columns }

    func value(_ i: Int) -> Value { vertical ? grid.value(i, line) : grid.value(line, i) }

    /// Exact match: same kind and equal (text case-insensitively, with wildcards if asked).
    func firstExact(_ needle: Value, wildcards: Bool, reverse: Bool = false) -> Int? {
        let pattern: String? = {
            if wildcards, case .text(let s) = needle, Wildcard.hasWildcards(s) { return s }
            return nil
        }()
        if pattern == nil, !reverse, let answer = indexed(needle) { return answer }
        let indices = reverse ? Array((0..<count).reversed()) : Array(0..<count)
        for i in indices {
            let v = value(i)
            if let pattern {
                if case .text(let s) = v, Wildcard.matches(s, pattern: pattern) { return i }
            } else if LookupVector.exactlyEqual(v, needle) {
                return i
            }
        }
        return nil
    }

    /// A first-to-last exact match through the recalculation's hash index of a range column or
    /// row: `.some(nil)` is a definite miss, nil means the index cannot answer (scan instead).
    private func indexed(_ needle: Value) -> Int?? {
        let context = grid.context
        guard context.cachesRanges, case .reference(let sheet, let range) = grid.operand else { return nil }
        let line: CellRange = vertical
            ? CellRange(CellAddress(row: range.start.row, column: range.start.column + Int32(self.line)),
                        CellAddress(row: range.end.row, column: range.start.column + Int32(self.line)))
            : CellRange(CellAddress(row: range.start.row + Int32(self.line), column: range.start.column),
                        CellAddress(row: range.start.row + Int32(self.line), column: range.end.column))
        if let position = context.indexedPosition(of: needle, sheet: sheet, range: line, vertical: vertical) { return .some(position) }
        // Text and truth values hash exactly as they compare, so a miss is final; a number may
        // still equal one within 15 digits, which only a scan finds.
        if case .number = needle { return nil }
        return .some(nil)
    }

    static func exactlyEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return ValueComparison.compareNumbers(x, y) == 0
        case (.text(let x), .text(let y)): return ValueComparison.compareText(x, y) == 0
        case (.boolean(let x), .boolean(let y)): return x == y
        default: return false
        }
    }

    /// Sorted data: the last position whose value is ≤ the needle (≥ when descending), by binary
    /// search over values of the needle's kind, as Excel does.
    func approximate(_ needle: Value, descending: Bool) -> Int? {
        var low = 0, high = count - 1, found: Int? = nil
        while low <= high {
            let mid = (low + high) / 2
            let v = value(mid)
            if case .empty = v { high = mid - 1; continue }
            let order = ValueComparison.compare(v, needle)
            let sameKind = LookupVector.kindRank(v) == LookupVector.kindRank(needle)
            if descending ? order >= 0 : order <= 0 {
                if sameKind { found = mid }
                low = mid + 1
            } else {
                high = mid - 1
            }
        }
        return found
    }

    /// XLOOKUP's match modes: 0 exact, -1 exact or next smaller, 1 exact or next larger, 2 wildcard.
    func xlookup(_ needle: Value, mode: Int, reverse: Bool) -> Int? {
        if mode == 0 || mode == 2 { return firstExact(needle, wildcards: mode == 2, reverse: reverse) }
        if let exact = firstExact(needle, wildcards: false, reverse: reverse) { return exact }
        var best: Int? = nil
        for i in 0..<count {
            let v = value(i)
            guard LookupVector.kindRank(v) == LookupVector.kindRank(needle) else { continue }
            let order = ValueComparison.compare(v, needle)
            if mode == -1, order < 0, best.map({ ValueComparison.compare(v, value($0)) > 0 }) ?? true { best = i }
            if mode == 1, order > 0, best.map({ ValueComparison.compare(v, value($0)) < 0 }) ?? true { best = i }
        }
        return best
    }

    /// XLOOKUP's and XMATCH's binary search (search mode 2 on data sorted ascending, −2 on
    /// descending): as Excel, it trusts the order, so unsorted data gives what the halving finds.
    func binarySearch(_ needle: Value, mode: Int, descending: Bool) -> Int? {
        // The last position at or before the needle in the data's order.
        let atOrBefore = approximate(needle, descending: descending)
        let exact = atOrBefore.flatMap { LookupVector.exactlyEqual(value($0), needle) ? $0 : nil }
        if mode == 0 { return exact }
        // Ascending, −1 (next smaller) is at or before, 1 (next larger) just after; descending the other way.
        let wantsBefore = (mode == -1) != descending
        if wantsBefore { return atOrBefore }
        if let exact { return exact }
        let after = (atOrBefore ?? -1) + 1
        guard after < count, LookupVector.kindRank(value(after)) == LookupVector.kindRank(needle) else { return nil }
        return after
    }

    private static func kindRank(_ v: Value) -> Int {
        switch v {
        case .number: return 0
        case .text: return 1
        case .boolean: return 2
        default: return 3
        }
    }
}
