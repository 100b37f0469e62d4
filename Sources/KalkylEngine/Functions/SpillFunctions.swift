/// The operators of Excel 365's dynamic arrays as functions: `@` (SINGLE) and `A1#` (ANCHORARRAY).
extension FunctionRegistry {
    static let spillFunctions: [FunctionDefinition] = [
        // `@x`: one value where x could be many. A range gives its cell in the formula's row or
        // column (implicit intersection, #VALUE! when there is none), an array its first element.
        FunctionDefinition("SINGLE", 1...1) { (args) throws(FormulaError) in
            switch args[0] {
            case .reference(let sheet, let range) where !range.isSingleCell:
                let host = args.context.host
                if range.columnCount == 1, range.start.row <= host.row, host.row <= range.end.row {
                    return .reference(sheet: sheet, range: CellRange(CellAddress(row: host.row, column: range.start.column)))
                }
                if range.rowCount == 1, range.start.column <= host.column, host.column <= range.end.column {
                    return .reference(sheet: sheet, range: CellRange(CellAddress(row: range.start.row, column: host.column)))
                }
                throw FormulaError.value
            case .array(let m):
                return .value(m.values.first ?? .error(.value))
            default:
                return args[0]
            }
        },
        // `A1#`: every cell of the spill whose anchor is A1; #REF! when A1 does not spill.
        FunctionDefinition("ANCHORARRAY", 1...1) { (args) throws(FormulaError) in
            let (sheet, range) = try args.reference(0)
            guard range.isSingleCell else { throw FormulaError.value }
            // The spill is the anchor's result: reading it is reading the anchor (a cycle check).
            _ = args.context.value(sheet: sheet, row: range.start.row, column: range.start.column)
            guard let spill = args.context.workbook.spills[CellLocation(sheet: Int(sheet), address: range.start).key] else {
                throw FormulaError.reference
            }
            if spill.isBlocked { throw FormulaError.spill }
            return .reference(sheet: sheet, range: spill.area)
        },
    ]
}
