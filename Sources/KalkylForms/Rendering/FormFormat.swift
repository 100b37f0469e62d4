import KalkylEngine
import Foundation

/// The formats a form is written in, and the one place that picks the renderer: the command
/// line and the REPL both render through here.
public enum FormFormat: String, CaseIterable, Sendable {
    case text, html, json, csv, pdf

    public var fileExtension: String { self == .text ? "txt" : rawValue }

    /// The format a file name asks for (`.pdf`, `.html` …), if any.
    public init?(fileName: String) {
        let ext = (fileName as NSString).pathExtension.lowercased()
        guard let format = FormFormat.allCases.first(where: { $0.fileExtension == ext }) else { return nil }
        self = format
    }

    public func render(_ form: FilledForm, draft: Bool = false) -> Data {
        switch self {
        case .text: return Data(TextFormRenderer.render(form, draft: draft).utf8)
        case .html: return Data(HTMLFormRenderer.render(form, draft: draft).utf8)
        case .json: return Data(StructuredFormRenderer.json(form, draft: draft).utf8)
        case .csv: return Data(StructuredFormRenderer.csv(form, draft: draft).utf8)
        case .pdf: return PDFFormRenderer.render(form, draft: draft)
        }
    }
}

/// Putting one recipient's row of a recipients table into a form workbook, for a batch.
extension FormWorkbook {
    /// Sets the recipient's own fields from its row (an empty or missing cell leaves the field
    /// empty, so no detail of another recipient is left in the form) and recalculates.
    public static func fill(_ workbook: Workbook, recipient: String, row: [String: String]?) {
        for key in RecipientsTable.fieldKeys {
            guard let location = location(of: key, in: workbook) else { continue }
            let text = key == "bidragsmottagare" ? recipient : (row?[key] ?? "")
            try? workbook.set(.constant(text.isEmpty ? .empty : .text(text)), at: location)
        }
        workbook.recalculate()
    }
}
