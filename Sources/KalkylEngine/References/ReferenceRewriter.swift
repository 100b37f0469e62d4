/// Rewrites the references of a formula when cells move: each reference is resolved from the
/// formula's old cell to the rectangle it covers, mapped to where that rectangle is now (or to
/// nil, `#REF!`, when its cells are gone), and written again from the formula's new cell, with
/// each coordinate as absolute or relative as it was. Structural edits, moves and sorts use it.
enum ReferenceRewriter {
    /// `map(sheet name, shape, rectangle)`: where the rectangle is now; nil when it is gone.
    /// For whole rows or columns the rectangle spans the sheet the other way.
    static func rewrite(_ expression: Expression, from oldHost: CellAddress, to newHost: CellAddress,
                        map: (String?, Reference.Shape, CellRange) -> CellRange?) -> Expression {
        func walk(_ e: Expression) -> Expression {
            switch e {
            case .reference(let reference): return rewrite(reference, from: oldHost, to: newHost, map: map)
            case .array(let rows): return .array(rows.map { $0.map(walk) })
            case .unary(let op, let x): return .unary(op, walk(x))
            case .binary(let op, let x, let y): return .binary(op, walk(x), walk(y))
            case .percent(let x): return .percent(walk(x))
            case .call(let name, let arguments): return .call(name, arguments.map(walk))
            case .parenthesized(let x): return .parenthesized(walk(x))
            case .number, .text, .boolean, .error, .name, .structured, .missing: return e
            }
        }
        return walk(expression)
    }

    private static func rewrite(_ reference: Reference, from oldHost: CellAddress, to newHost: CellAddress,
                                map: (String?, Reference.Shape, CellRange) -> CellRange?) -> Expression {
        var r = reference
        let rows = (r.startRow.resolve(from: oldHost.row), r.endRow.resolve(from: oldHost.row))
        let columns = (r.startColumn.resolve(from: oldHost.column), r.endColumn.resolve(from: oldHost.column))
        func rewrite(_ c: ReferenceCoordinate, to target: Int32, host: Int32) -> ReferenceCoordinate {
            ReferenceCoordinate(c.isAbsolute ? target : target - host, absolute: c.isAbsolute)
        }
        // A reference already off the sheet keeps pointing where it did.
        var rectangle: CellRange? = nil
        switch reference.shape {
        case .columns:
            if columns.0 >= 0, columns.1 >= 0, columns.0 < CellAddress.maxColumns, columns.1 < CellAddress.maxColumns {
                rectangle = CellRange(CellAddress(row: 0, column: columns.0), CellAddress(row: CellAddress.maxRows - 1, column: columns.1))
            }
        case .rows:
            if rows.0 >= 0, rows.1 >= 0, rows.0 < CellAddress.maxRows, rows.1 < CellAddress.maxRows {
                rectangle = CellRange(CellAddress(row: rows.0, column: 0), CellAddress(row: rows.1, column: CellAddress.maxColumns - 1))
            }
        case .cell, .area:
            let a = CellAddress(row: rows.0, column: columns.0), b = CellAddress(row: rows.1, column: columns.1)
            if a.isValid && b.isValid { rectangle = CellRange(a, b) }
        }
        var newRows = rows, newColumns = columns
        if let rectangle {
            guard let mapped = map(reference.sheet, reference.shape, rectangle) else { return .error(.reference) }
            // Keep the order the corners were written in (`A5:A1` stays bottom first).
            newRows = rows.0 <= rows.1 ? (mapped.start.row, mapped.end.row) : (mapped.end.row, mapped.start.row)
            newColumns = columns.0 <= columns.1 ? (mapped.start.column, mapped.end.column) : (mapped.end.column, mapped.start.column)
        }
        if reference.shape != .columns {
            r.startRow = rewrite(r.startRow, to: newRows.0, host: newHost.row)
            r.endRow = rewrite(r.endRow, to: newRows.1, host: newHost.row)
        }
        if reference.shape != .rows {
            r.startColumn = rewrite(r.startColumn, to: newColumns.0, host: newHost.column)
            r.endColumn = rewrite(r.endColumn, to: newColumns.1, host: newHost.column)
        }
        return .reference(r)
    }
}
