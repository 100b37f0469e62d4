/// A condition of COUNTIF, SUMIF and their relatives: `5`, `">=10"`, `"<>"`, `"app*"`, `TRUE`.
/// Excel's rules, which are these (tested in CriterionTests; LibreOffice differs where noted):
///
/// - An operator (`=`, `<>`, `<`, `<=`, `>`, `>=`) may start a text criterion; the rest is read
///   as a number if it is one (`"23"`, `"1e3"`, `"> 23"` after the operator's spaces), as a date
///   if it is one (`">2024-01-15"`), as TRUE/FALSE, as an error code (`"#N/A"`), else as text.
/// - A number criterion (`23` or `"23"`) matches numbers equal within 15 digits and, for `=` and
///   `<>`, text that reads as that number ("23"); `<`, `>` … compare numbers only. Blank cells
///   are not 0 (`COUNTIF(A:A,0)` leaves them out). Truth values are not numbers (LibreOffice
///   counts FALSE as 0).
/// - `""` matches blank cells and empty text, `"="` blank cells only, `"<>"` every cell that is
///   not blank; an ordering operator with nothing after it (`">"&""`) matches nothing.
/// - Text compares without regard to case; `=` and `<>` take the wildcards `*`, `?` and `~`
///   (`"a~*b"` is the text a*b), which match text cells only (LibreOffice lets them match
///   numbers too); `<` and `>` compare text alphabetically.
/// - Every criterion but `<>` leaves out cells of another kind; `<>` counts them.
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
            guard comparison == .equal || comparison == .notEqual else { return false }
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
///
/// Matching is linear in the text for each piece of the pattern (O(text × pattern) at worst):
/// the pattern is cut at its stars into pieces of literals and `?`, and each piece is found at
/// its earliest place after the previous one. Taking the earliest place is always right — a
/// later place leaves less text for the pieces after it — so nothing is ever tried twice, and
/// no pattern (`*?*?*?…b`) can make it backtrack.
enum Wildcard {
    static func hasWildcards(_ pattern: String) -> Bool {
        pattern.contains(where: { $0 == "*" || $0 == "?" || $0 == "~" })
    }

    /// One character of a piece: a literal, or `?`.
    private enum Element: Equatable {
        case literal(Character), one

        func matches(_ c: Character) -> Bool {
            if case .literal(let l) = self { return l == c }
            return true
        }
    }

    /// The pattern cut at its stars: `a*b?c*` is pieces `a`, `b?c`, `` with stars between.
    private struct Pattern {
        var pieces: [[Element]] = [[]]

        init(_ pattern: String) {
            var chars = Array(pattern.lowercased())[...]
            while let c = chars.popFirst() {
                switch c {
                case "~": pieces[pieces.count - 1].append(.literal(chars.popFirst() ?? "~"))
                case "*": pieces.append([])
                case "?": pieces[pieces.count - 1].append(.one)
                default: pieces[pieces.count - 1].append(.literal(c))
                }
            }
        }

        var hasStar: Bool { pieces.count > 1 }
    }

    static func matches(_ text: String, pattern: String) -> Bool {
        if !hasWildcards(pattern) { return ValueComparison.compareText(text, pattern) == 0 }
        let t = Array(text.lowercased())
        let p = Pattern(pattern)
        guard p.hasStar else { return p.pieces[0].count == t.count && piece(p.pieces[0], matchesAt: 0, in: t) }
        // First piece anchored at the start, last at the end, the middle ones as early as they fit.
        let first = p.pieces[0], last = p.pieces[p.pieces.count - 1]
        guard first.count + last.count <= t.count, piece(first, matchesAt: 0, in: t),
              piece(last, matchesAt: t.count - last.count, in: t) else { return false }
        var position = first.count
        let end = t.count - last.count
        for middle in p.pieces.dropFirst().dropLast() {
            guard let found = earliest(middle, in: t, from: position, before: end) else { return false }
            position = found + middle.count
        }
        return true
    }

    /// Where `pattern` first matches inside `text` from `start`, for SEARCH; nil when nowhere.
    /// (A match may end anywhere, so the pattern is its pieces with a star after the last.)
    static func firstMatch(of pattern: String, in text: [Character], from start: Int) -> Int? {
        guard start <= text.count else { return nil }
        let t = text.map { Character($0.lowercased()) }
        let p = Pattern(pattern)
        // The first piece at its earliest place (a pattern that starts with `*` at `start`); if
        // the rest does not fit after that place, it fits after no later one either.
        let first = p.pieces[0]
        guard let at = earliest(first, in: t, from: start, before: t.count) else { return nil }
        var position = at + first.count
        for next in p.pieces.dropFirst() {
            guard let found = earliest(next, in: t, from: position, before: t.count) else { return nil }
            position = found + next.count
        }
        return at
    }

    private static func piece(_ piece: [Element], matchesAt i: Int, in t: [Character]) -> Bool {
        guard i >= 0, i + piece.count <= t.count else { return false }
        for (k, e) in piece.enumerated() where !e.matches(t[i + k]) { return false }
        return true
    }

    /// The first position ≥ `from` where `piece` matches and ends by `before`.
    private static func earliest(_ piece: [Element], in t: [Character], from: Int, before end: Int) -> Int? {
        guard from + piece.count <= end else { return nil }
        for i in from...(end - piece.count) where Wildcard.piece(piece, matchesAt: i, in: t) { return i }
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
        /// The rows and columns that can hold values: a range clipped to its sheet's used area.
        let rows: Int
        let columns: Int

        init(_ operand: Operand, context: EvaluationContext) throws(FormulaError) {
            self.operand = operand
            self.context = context
            switch operand {
            case .reference(let sheet, let range):
                matrix = nil
                // Whole columns or rows: only the used part can hold values.
                let used = context.workbook.sheets[Int(sheet)]
                rows = max(0, min(range.rowCount, used.usedRowCount - Int(range.start.row)))
                columns = max(0, min(range.columnCount, used.usedColumnCount - Int(range.start.column)))
            default:
                let m = try Arguments.matrix(of: operand, context: context)
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

    /// Calls `body` with the target cell of every position where all criteria hold, within the
    /// part of the ranges that can hold values. Returns how many more positions match outside
    /// it: there every cell, the target's too, is empty, so they are counted, not visited
    /// (`COUNTIF(A:XFD,"")` is arithmetic, not 17 billion cells).
    @discardableResult
    static func forEachMatch(_ args: Arguments, ranges: [Int], criteria: [Criterion], target: Int,
                             _ body: (Value) throws(FormulaError) -> Void) throws(FormulaError) -> Int {
        let grids = try ranges.map { (i) throws(FormulaError) in try Grid(args[i], context: args.context) }
        let shape = grids[0].declaredSize
        guard grids.allSatisfy({ $0.declaredSize == shape }) else { throw FormulaError.value }
        let targetGrid = try Grid(args[target], context: args.context)
        let all = grids + [targetGrid]
        let rows = min(all.map(\.rows).max() ?? 0, shape.rows)
        let columns = min(all.map(\.columns).max() ?? 0, shape.columns)
        for r in 0..<rows {
            for c in 0..<columns {
                var all = true
                for (k, grid) in grids.enumerated() where !criteria[k].matches(grid.value(r, c)) {
                    all = false
                    break
                }
                if all { try body(targetGrid.value(r, c)) }
            }
        }
        guard criteria.allSatisfy({ $0.matches(.empty) }) else { return 0 }
        return shape.rows * shape.columns - rows * columns
    }

    /// The `(range, criterion)` pairs from argument `start` on.
    @discardableResult
    static func forEachMatch(_ args: Arguments, pairsFrom start: Int, target: Int,
                             _ body: (Value) throws(FormulaError) -> Void) throws(FormulaError) -> Int {
        var ranges: [Int] = [], criteria: [Criterion] = []
        var i = start
        while i + 1 < args.count {
            ranges.append(i)
            criteria.append(Criterion(args.scalar(i + 1)))
            i += 2
        }
        return try forEachMatch(args, ranges: ranges, criteria: criteria, target: target, body)
    }
}
