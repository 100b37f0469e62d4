/// A condition of COUNTIF, SUMIF and their relatives: `5`, `">=10"`, `"<>"`, `"app*"`, `TRUE`.
struct Criterion {
    private enum Comparison { case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual }
    private enum Operand {
        case number(Double)
        case boolean(Bool)
        case text(String)
        case error(FormulaError)
        /// `""`, `"="`: blank cells (and, for `""`, empty text).
        case blank(includesEmptyText: Bool)
    }

    private let comparison: Comparison
    private let operand: Operand

    init(_ value: Value) {
        switch value {
        case .number(let n): comparison = .equal; operand = .number(n)
        case .boolean(let b): comparison = .equal; operand = .boolean(b)
        case .error(let e): comparison = .equal; operand = .error(e)
        case .empty: comparison = .equal; operand = .number(0)
        case .text(let s):
            var rest = Substring(s)
            var op = Comparison.equal
            for (prefix, c) in [("<=", Comparison.lessOrEqual), (">=", .greaterOrEqual), ("<>", .notEqual),
                                ("<", .less), (">", .greater), ("=", .equal)] where rest.hasPrefix(prefix) {
                op = c
                rest = rest.dropFirst(prefix.count)
                break
            }
            comparison = op
            let text = String(rest)
            if text.isEmpty {
                operand = .blank(includesEmptyText: s.isEmpty)
            } else if let n = NumberText.parse(text) {
                operand = .number(n)
            } else if text.uppercased() == "TRUE" || text.uppercased() == "FALSE" {
                operand = .boolean(text.uppercased() == "TRUE")
            } else if let e = FormulaError(code: text) {
                operand = .error(e)
            } else {
                operand = .text(text)
            }
        }
    }

    func matches(_ value: Value) -> Bool {
        switch operand {
        case .blank(let includesEmptyText):
            let isBlank: Bool
            switch value {
            case .empty: isBlank = true
            case .text(let s): isBlank = includesEmptyText && s.isEmpty
            default: isBlank = false
            }
            return comparison == .notEqual ? !isBlank : isBlank
        case .number(let n):
            let cell: Double
            switch value {
            case .number(let x): cell = x
            case .text(let s):
                // Excel matches text that reads as the same number only for equality.
                guard comparison == .equal || comparison == .notEqual, let x = NumberText.parse(s) else {
                    return comparison == .notEqual
                }
                cell = x
            default: return comparison == .notEqual
            }
            return test(ValueComparison.compareNumbers(cell, n))
        case .boolean(let b):
            guard case .boolean(let x) = value else { return comparison == .notEqual }
            return test(x == b ? 0 : (x ? 1 : -1))
        case .error(let e):
            guard case .error(let x) = value else { return comparison == .notEqual }
            return test(x == e ? 0 : 1)
        case .text(let pattern):
            guard case .text(let s) = value else { return comparison == .notEqual }
            switch comparison {
            case .equal: return Wildcard.matches(s, pattern: pattern)
            case .notEqual: return !Wildcard.matches(s, pattern: pattern)
            default: return test(ValueComparison.compareText(s, pattern))
            }
        }
    }

    private func test(_ order: Int) -> Bool {
        switch comparison {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }
}

/// Excel's wildcards: `*` any run, `?` one character, `~` escapes the next; case-insensitive.
enum Wildcard {
    static func hasWildcards(_ pattern: String) -> Bool {
        pattern.contains(where: { $0 == "*" || $0 == "?" || $0 == "~" })
    }

    static func matches(_ text: String, pattern: String) -> Bool {
        if !hasWildcards(pattern) { return ValueComparison.compareText(text, pattern) == 0 }
        let t = Array(text.lowercased())
        // Pattern as tokens: a literal character or a wildcard.
        enum Token: Equatable { case literal(Character), any, one }
        var p: [Token] = []
        var chars = Array(pattern.lowercased())[...]
        while let c = chars.popFirst() {
            switch c {
            case "~": p.append(.literal(chars.popFirst() ?? "~"))
            case "*": p.append(.any)
            case "?": p.append(.one)
            default: p.append(.literal(c))
            }
        }
        // Two-pointer matching with backtracking to the last `*`.
        var ti = 0, pi = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == .one || p[pi] == .literal(t[ti]) {
                ti += 1; pi += 1
            } else if pi < p.count, p[pi] == .any {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == .any { pi += 1 }
        return pi == p.count
    }

    /// Where `pattern` first matches inside `text` from `start`, for SEARCH; nil when nowhere.
    static func firstMatch(of pattern: String, in text: [Character], from start: Int) -> Int? {
        guard start <= text.count else { return nil }
        for i in start...text.count {
            // Try every end so the pattern may match a substring.
            for j in stride(from: text.count, through: i, by: -1) where matches(String(text[i..<j]), pattern: pattern) {
                return i
            }
        }
        return nil
    }
}

/// Walking criteria ranges together, for the *IF and *IFS functions.
enum Criteria {
    /// A range or array argument read cell by cell from its top-left corner.
    struct Grid {
        let operand: Operand
        let matrix: Matrix?
        let context: EvaluationContext
        let rows: Int
        let columns: Int

        init(_ operand: Operand, context: EvaluationContext) {
            self.operand = operand
            self.context = context
            switch operand {
            case .reference(let sheet, let range):
                matrix = nil
                // Whole columns: only rows up to the last used one can hold values.
                let used = context.workbook.sheets[Int(sheet)].usedRowCount
                rows = max(0, min(range.rowCount, used - Int(range.start.row)))
                columns = range.columnCount
            default:
                let m = Arguments.matrix(of: operand, context: context)
                matrix = m
                rows = m.rows
                columns = m.columns
            }
        }

        func value(_ r: Int, _ c: Int) -> Value {
            if let matrix { return r < matrix.rows && c < matrix.columns ? matrix[r, c] : .empty }
            guard case .reference(let sheet, let range) = operand else { return .empty }
            let row = Int(range.start.row) + r, column = Int(range.start.column) + c
            guard row < Int(CellAddress.maxRows), column < Int(CellAddress.maxColumns) else { return .empty }
            return context.value(sheet: sheet, row: Int32(row), column: Int32(column))
        }

        var declaredSize: (rows: Int, columns: Int) { operand.dimensions }
    }

    /// Calls `body` with the target cell of every position where all criteria hold.
    static func forEachMatch(_ args: Arguments, ranges: [Int], criteria: [Criterion], target: Int,
                             _ body: (Value) throws(FormulaError) -> Void) throws(FormulaError) {
        let grids = ranges.map { Grid(args[$0], context: args.context) }
        let shape = grids[0].declaredSize
        guard grids.allSatisfy({ $0.declaredSize == shape }) else { throw FormulaError.value }
        let targetGrid = Grid(args[target], context: args.context)
        // Rows beyond every sheet's used area are blank in all ranges; visit them only if a
        // criterion matches blanks.
        var rows = grids.map(\.rows).max() ?? 0
        if criteria.allSatisfy({ $0.matches(.empty) }) { rows = shape.rows }
        rows = min(rows, shape.rows)
        for r in 0..<rows {
            for c in 0..<shape.columns {
                var all = true
                for (k, grid) in grids.enumerated() where !criteria[k].matches(grid.value(r, c)) {
                    all = false
                    break
                }
                if all { try body(targetGrid.value(r, c)) }
            }
        }
    }

    /// The `(range, criterion)` pairs from argument `start` on.
    static func forEachMatch(_ args: Arguments, pairsFrom start: Int, target: Int,
                             _ body: (Value) throws(FormulaError) -> Void) throws(FormulaError) {
        var ranges: [Int] = [], criteria: [Criterion] = []
        var i = start
        while i + 1 < args.count {
            ranges.append(i)
            criteria.append(Criterion(args.scalar(i + 1)))
            i += 2
        }
        try forEachMatch(args, ranges: ranges, criteria: criteria, target: target, body)
    }
}
