import Foundation

/// What a reference says about its cells rather than their values: FORMULATEXT, ISFORMULA,
/// ISREF, CELL, SHEET, SHEETS, AREAS, ADDRESS, TYPE and HYPERLINK. Reading a cell's formula or
/// position is no read of its value, so `=FORMULATEXT(A1)` in A1 is no cycle (see Recalculation).
extension FunctionRegistry {
    static let cellInformationFunctions: [FunctionDefinition] = [
        FunctionDefinition("FORMULATEXT", 1...1) { (args) throws(FormulaError) in
            let (sheet, range) = try args.reference(0)
            let workbook = args.context.workbook
            let location = CellLocation(sheet: Int(sheet), address: range.start)
            guard let text = workbook.formulaText(at: location, locale: workbook.locale) else { throw FormulaError.notAvailable }
            return .value(.text(text))
        },
        FunctionDefinition("ISFORMULA", 1...1) { (args) throws(FormulaError) in
            let (sheet, range) = try args.reference(0)
            return .value(.boolean(args.context.workbook.formula(at: CellLocation(sheet: Int(sheet), address: range.start)) != nil))
        },
        FunctionDefinition("ISREF", 1...1) { (args) in
            if case .reference = args[0] { return .value(.boolean(true)) }
            return .value(.boolean(false))
        },
        FunctionDefinition("AREAS", 1...1) { (args) throws(FormulaError) in
            _ = try args.reference(0)
            return .value(.number(1))
        },
        FunctionDefinition("SHEET", 0...1) { (args) throws(FormulaError) in
            if args.count == 0 || args.isOmitted(0) { return .value(.number(Double(args.context.sheet + 1))) }
            switch args[0] {
            case .reference(let sheet, _): return .value(.number(Double(sheet + 1)))
            case .value(.text(let name)):
                guard let index = args.context.workbook.sheetIndex(named: name) else { throw FormulaError.notAvailable }
                return .value(.number(Double(index + 1)))
            case .value(.error(let e)): throw e
            default: throw FormulaError.value
            }
        },
        FunctionDefinition("SHEETS", 0...1) { (args) throws(FormulaError) in
            if args.count == 0 || args.isOmitted(0) { return .value(.number(Double(args.context.workbook.sheetNames.count))) }
            _ = try args.reference(0)
            return .value(.number(1))
        },
        FunctionDefinition("TYPE", 1...1) { (args) in
            if args[0].isMultiCell { return .value(.number(64)) }
            switch args.scalar(0) {
            case .number, .empty: return .value(.number(1))
            case .text: return .value(.number(2))
            case .boolean: return .value(.number(4))
            case .error: return .value(.number(16))
            }
        },
        .scalar("HYPERLINK", 1...2) { (args) throws(FormulaError) in
            // The value only: Kalkyl has no clicks to follow.
            args.isOmitted(1) ? .text(try args.text(0)) : args.scalar(1)
        },
        .scalar("ADDRESS", 2...5) { (args) throws(FormulaError) in
            let row = try args.integer(0), column = try args.integer(1)
            let kind = try args.integer(2, default: 1), a1 = try args.boolean(3, default: true)
            guard (1...Int(CellAddress.maxRows)).contains(row), (1...Int(CellAddress.maxColumns)).contains(column),
                  (1...4).contains(kind) else { throw FormulaError.value }
            let absoluteRow = kind == 1 || kind == 2, absoluteColumn = kind == 1 || kind == 3
            let address: String
            if a1 {
                address = (absoluteColumn ? "$" : "") + A1.columnName(column - 1) + (absoluteRow ? "$" : "") + String(row)
            } else {
                address = "R" + (absoluteRow ? String(row) : "[\(row)]") + "C" + (absoluteColumn ? String(column) : "[\(column)]")
            }
            guard !args.isOmitted(4) else { return .text(address) }
            return .text(SheetName.quotedIfNeeded(try args.text(4)) + "!" + address)
        },
        FunctionDefinition("CELL", 1...2, volatile: true) { (args) throws(FormulaError) in
            .value(try CellInformation.info(args))
        },
    ]
}

/// CELL's information types.
enum CellInformation {
    static func info(_ args: Arguments) throws(FormulaError) -> Value {
        let kind = try args.text(0).lowercased()
        let context = args.context, workbook = context.workbook
        let sheet: Int32, address: CellAddress
        if args.isOmitted(1) {
            (sheet, address) = (context.sheet, context.host)
        } else {
            let (s, range) = try args.reference(1)
            (sheet, address) = (s, range.start)
        }
        switch kind {
        case "address":
            let text = "$" + A1.columnName(Int(address.column)) + "$" + String(address.row + 1)
            return .text(sheet == context.sheet ? text : SheetName.quotedIfNeeded(workbook.sheetNames[Int(sheet)]) + "!" + text)
        case "col": return .number(Double(address.column + 1))
        case "row": return .number(Double(address.row + 1))
        case "contents": return context.value(sheet: sheet, row: address.row, column: address.column)
        case "type":
            switch context.value(sheet: sheet, row: address.row, column: address.column) {
            case .empty: return .text("b")
            case .text: return .text("l")
            default: return .text("v")
            }
        case "format":
            return .text(formatCode(workbook.sheets[Int(sheet)].numberFormat(at: address)))
        case "filename":
            guard let document = workbook.documentName else { return .text("") }
            let url = URL(fileURLWithPath: document)
            return .text(url.deletingLastPathComponent().path + "/[" + url.lastPathComponent + "]" + workbook.sheetNames[Int(sheet)])
        case "prefix": return .text("")
        case "protect": return .number(1)
        case "color", "parentheses": return .number(0)
        case "width": return .number(8)
        default:
            throw FormulaError.value
        }
    }

    /// Excel's short names of number formats: G, F2, ,2, C2, P2, S2, D1 … (`-` after it for a
    /// format that shows negatives in colour, `()` for parentheses are not distinguished here).
    static func formatCode(_ format: String?) -> String {
        guard let format, format.lowercased() != "general" else { return "G" }
        let first = format.split(separator: ";").first.map(String.init) ?? format
        let decimals = first.split(separator: ".").dropFirst().first.map { $0.prefix { $0 == "0" }.count } ?? 0
        let lower = first.lowercased()
        if lower.contains("y") || lower.contains("d") || (lower.contains("m") && !lower.contains("0")) {
            if lower.contains("h") { return "D9" }
            if lower.contains("y") && lower.contains("d") { return "D1" }
            if lower.contains("y") { return "D3" }
            return "D2"
        }
        if lower.contains("h") || lower.contains("s") { return "D9" }
        if first.contains("%") { return "P\(decimals)" }
        if lower.contains("e+") || lower.contains("e-") { return "S\(decimals)" }
        if first.contains("$") || first.contains("kr") || first.contains("€") { return "C\(decimals)" }
        if first.contains(",") { return ",\(decimals)" }
        return "F\(decimals)"
    }
}
