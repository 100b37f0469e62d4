import KalkylEngine

/// Every non-empty cell as JSON, for scripts: one object per cell with its sheet, address,
/// type, value, formula (when it has one) and number format (when set).
///
///     [{"sheet":"Fördelning","cell":"B2","type":"number","value":158876},
///      {"sheet":"Fördelning","cell":"C2","type":"number","value":0.0151,"formula":"=B2/$B$23"}]
public enum JSONExporter {
    public static func text(of workbook: Workbook, sheet only: Int? = nil) -> String {
        var objects: [String] = []
        for (index, sheet) in workbook.sheets.enumerated() where only == nil || only == index {
            for cell in workbook.cells(inSheet: index) {
                var fields = [
                    "\"sheet\":" + string(sheet.name),
                    "\"cell\":" + string(cell.address.description),
                    "\"type\":" + string(cell.value.kindName),
                    "\"value\":" + value(cell.value),
                ]
                if let formula = cell.formula {
                    fields.append("\"formula\":" + string(FormulaPrinter.formula(formula.expression, at: cell.address)))
                }
                if let format = sheet.numberFormat(at: cell.address) {
                    fields.append("\"format\":" + string(format))
                }
                objects.append("{" + fields.joined(separator: ",") + "}")
            }
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    static func value(_ value: Value) -> String {
        switch value {
        case .empty: return "null"
        case .number(let n): return NumberLiteral.text(n).replacingOccurrences(of: "e+", with: "e")
        case .text(let s): return string(s)
        case .boolean(let b): return b ? "true" : "false"
        case .error(let e): return string(e.code)
        }
    }

    static func string(_ s: String) -> String { QuotedText.quote(s) }
}
