import Foundation
import KalkylEngine

/// A `WorkbookDifference` as text for a person (values in their locale and formats), as JSON
/// or as CSV for a script: what `kalkyl diff` prints and the REPL's `scenario diff`.
public enum DifferenceReport {
    public enum Format: String, CaseIterable, Sendable { case text, json, csv }

    public static func render(_ difference: WorkbookDifference, format: Format, locale: SpreadsheetLocale,
                              oldName: String, newName: String) -> String {
        switch format {
        case .text: return text(difference, locale: locale, oldName: oldName, newName: newName)
        case .json: return json(difference, oldName: oldName, newName: newName)
        case .csv: return csv(difference)
        }
    }

    // MARK: Text

    static func text(_ difference: WorkbookDifference, locale: SpreadsheetLocale, oldName: String, newName: String) -> String {
        guard !difference.isEmpty else { return "no differences between \(oldName) and \(newName)\n" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        for name in difference.onlyInOld { out += "sheet \(name) only in \(oldName)\n" }
        for name in difference.onlyInNew { out += "sheet \(name) only in \(newName)\n" }
        var summary: [String] = []
        for sheet in difference.sheets where !sheet.cells.isEmpty {
            out += sheet.name + "\n"
            let rows = sheet.cells.map { cell -> [String] in
                let old = cell.old.map { show($0, format: cell.format, locale: locale) } ?? "(empty)"
                let new = cell.new.map { show($0, format: cell.format, locale: locale) } ?? "(empty)"
                let delta = cell.difference.map { signed($0, format: cell.format, locale: locale) } ?? ""
                return [cell.address.description, cell.kind == .input ? "input" : "", cell.label ?? "", old, "→", new, delta]
            }
            out += aligned(rows, rightAligned: [3, 5, 6])
            var parts: [String] = []
            if sheet.inputCount > 0 { parts.append("\(sheet.inputCount) input\(sheet.inputCount == 1 ? "" : "s")") }
            if sheet.computedCount > 0 { parts.append("\(sheet.computedCount) computed value\(sheet.computedCount == 1 ? "" : "s")") }
            var line = "\(sheet.name): " + parts.joined(separator: " and ") + " differ in \(sheet.rowCount) row\(sheet.rowCount == 1 ? "" : "s")"
            if !sheet.unchanged.isEmpty {
                let named = sheet.unchanged.prefix(3).map { cell in
                    "\(cell.address)\(cell.label.map { " (\($0))" } ?? "") at \(cell.new.map { show($0, format: cell.format, locale: locale) } ?? "")"
                }
                line += "; unchanged: " + named.joined(separator: ", ") + (sheet.unchanged.count > 3 ? " and \(sheet.unchanged.count - 3) more" : "")
            }
            summary.append(line)
        }
        return out + summary.joined(separator: "\n") + "\n"
    }

    private static func show(_ cell: WorkbookState.Cell, format: String?, locale: SpreadsheetLocale) -> String {
        cell.value == .empty && cell.formula == nil ? "(empty)" : locale.text(of: cell.value, format: format)
    }

    /// A difference with its sign: `+438 918`, `−1 933 746` (a minus sign, as in print).
    private static func signed(_ n: Double, format: String?, locale: SpreadsheetLocale) -> String {
        let text = locale.text(of: .number(abs(n)), format: format)
        return n < 0 ? "−" + text : (n > 0 ? "+" + text : text)
    }

    private static func aligned(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        guard let columns = rows.first?.count else { return "" }
        let widths = (0..<columns).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { c, text in
                let pad = String(repeating: " ", count: widths[c] - text.count)
                return rightAligned.contains(c) ? pad + text : text + pad
            }.joined(separator: "  ").replacingOccurrences(of: " +$", with: "", options: .regularExpression) + "\n"
        }.joined()
    }

    // MARK: JSON and CSV

    static func json(_ difference: WorkbookDifference, oldName: String, newName: String) -> String {
        func cell(_ c: WorkbookState.Cell?) -> String {
            guard let c else { return "null" }
            var fields = ["\"value\":" + JSONExporter.value(c.value)]
            if let formula = c.formula { fields.append("\"formula\":" + JSONExporter.string(formula)) }
            return "{" + fields.joined(separator: ",") + "}"
        }
        func entry(_ d: WorkbookDifference.CellDifference) -> String {
            var fields = ["\"cell\":" + JSONExporter.string(d.address.description), "\"kind\":" + JSONExporter.string(d.kind.rawValue)]
            if let label = d.label { fields.append("\"label\":" + JSONExporter.string(label)) }
            fields += ["\"old\":" + cell(d.old), "\"new\":" + cell(d.new)]
            if let delta = d.difference { fields.append("\"difference\":" + JSONExporter.value(.number(delta))) }
            return "{" + fields.joined(separator: ",") + "}"
        }
        let sheets = difference.sheets.filter { !$0.cells.isEmpty }.map { sheet in
            "    {\"sheet\":\(JSONExporter.string(sheet.name)),\"inputs\":\(sheet.inputCount),\"computed\":\(sheet.computedCount),\"rows\":\(sheet.rowCount),\n"
                + "     \"cells\":[\n" + sheet.cells.map { "      " + entry($0) }.joined(separator: ",\n") + "\n     ],\n"
                + "     \"unchanged\":[" + sheet.unchanged.map(entry).joined(separator: ",") + "]}"
        }
        return "{\"old\":\(JSONExporter.string(oldName)),\"new\":\(JSONExporter.string(newName)),\"equal\":\(difference.isEmpty),\n"
            + " \"onlyInOld\":[" + difference.onlyInOld.map(JSONExporter.string).joined(separator: ",") + "],"
            + "\"onlyInNew\":[" + difference.onlyInNew.map(JSONExporter.string).joined(separator: ",") + "],\n"
            + " \"sheets\":[\n" + sheets.joined(separator: ",\n") + "\n ]}\n"
    }

    static func csv(_ difference: WorkbookDifference) -> String {
        // Text a spreadsheet would run (a label or formula starting with =) gets a leading ', as in export.
        func text(_ s: String) -> String { CSVField.quoted(CSVField.neutralized(s), delimiter: ",") }
        func value(_ v: Value?) -> String {
            guard let v else { return "" }
            if case .number(let n) = v { return NumberLiteral.text(n) }
            return text(v.description)
        }
        var out = "sheet,cell,kind,label,old,new,difference,old formula,new formula\r\n"
        for sheet in difference.sheets {
            for d in sheet.cells {
                let fields = [text(sheet.name), d.address.description, d.kind.rawValue, text(d.label ?? ""), value(d.old?.value), value(d.new?.value),
                              d.difference.map { NumberLiteral.text($0) } ?? "", text(d.old?.formula ?? ""), text(d.new?.formula ?? "")]
                out += fields.joined(separator: ",") + "\r\n"
            }
        }
        return out
    }
}
