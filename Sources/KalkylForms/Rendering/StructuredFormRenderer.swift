import Foundation
import KalkylEngine
import KalkylFormats

/// The form for other systems: JSON (sections with fields) and CSV (one field per line).
public enum StructuredFormRenderer {
    public static func json(_ form: FilledForm, draft: Bool = false) -> String {
        var sections: [String] = []
        for section in form.definition.sections {
            var fields: [String] = []
            for field in section.fields where field.kind != .signature {
                var value: String
                if field.kind == .costs {
                    value = "[" + form.costs.map { item, amount in
                        "{\"post\":\(quote(item)),\"belopp\":\(number(amount))}"
                    }.joined(separator: ",") + "]"
                } else if field.kind == .amount, let n = form.number(field.key) {
                    value = number(.number(n))
                } else {
                    let text = form.text(of: field)
                    value = text.isEmpty ? "null" : quote(text)
                }
                fields.append("{\"key\":\(quote(field.key)),\"label\":\(quote(field.label)),\"value\":\(value)}")
            }
            sections.append("{\"number\":\(section.number),\"title\":\(quote(section.title)),\"fields\":[\(fields.joined(separator: ","))]}")
        }
        return "{\"form\":\(quote(form.definition.kind.rawValue)),\"draft\":\(draft),\"sections\":[\n" + sections.joined(separator: ",\n") + "\n]}\n"
    }

    /// `avsnitt;fält;värde` per line, cost items as `Kostnader: item`, Swedish CSV (`;`).
    public static func csv(_ form: FilledForm, draft: Bool = false) -> String {
        var rows = [["avsnitt", "fält", "värde"]]
        if draft { rows.append(["", "UTKAST", ""]) }
        for section in form.definition.sections {
            for field in section.fields where field.kind != .signature {
                if field.kind == .costs {
                    for (item, amount) in form.costs {
                        rows.append(["\(section.number)", "Kostnad: \(item)", csvText(of: amount)])
                    }
                } else if field.kind == .amount, let n = form.number(field.key) {
                    rows.append(["\(section.number)", field.label, String(format: n == n.rounded() ? "%.0f" : "%.2f", n).replacingOccurrences(of: ".", with: ",")])
                } else {
                    rows.append(["\(section.number)", field.label, CSVField.neutralized(form.text(of: field))])
                }
            }
        }
        return rows.map { $0.map { CSVField.quoted($0, delimiter: ";") }.joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A cost amount: a number with a decimal comma; anything else is text and neutralized.
    private static func csvText(of value: Value) -> String {
        if case .number = value { return value.description.replacingOccurrences(of: ".", with: ",") }
        return CSVField.neutralized(value.description)
    }

    private static func number(_ value: Value) -> String {
        if case .number(let n) = value { return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : "\(n)" }
        return quote(value.description)
    }

    static func quote(_ s: String) -> String { QuotedText.quote(s) }
}
