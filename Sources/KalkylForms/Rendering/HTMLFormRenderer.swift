import KalkylFormats

/// The form as a printable A4 page: the agreement's sections as ruled tables, fixed texts,
/// lines to sign on, and print CSS so it prints as one page.
public enum HTMLFormRenderer {
    public static func render(_ form: FilledForm, draft: Bool = false) -> String {
        var body = ""
        for section in form.definition.sections {
            body += "<section><h2>\(section.number). \(escape(section.title))</h2>\n"
            for line in section.fixedText { body += "<p class=\"fixed\">\(escape(line))</p>\n" }
            body += "<table>\n"
            for field in section.fields {
                body += "<tr><th>\(escape(field.label))</th><td>"
                switch field.kind {
                case .signature:
                    body += "<div class=\"sign\"></div>"
                case .costs:
                    body += "<table class=\"costs\">" + form.costLines.map { "<tr><td>\(escape($0.item))</td><td class=\"amount\">\(escape($0.amount))</td></tr>" }.joined() + "</table>"
                default:
                    let value = form.display(field)
                    body += field.kind == .amount ? "<span class=\"amount\">\(escape(value))</span>" : escape(value)
                }
                body += "</td></tr>\n"
            }
            body += "</table></section>\n"
        }
        let title = escape(form.definition.title)
        let subtitle = form.values["benamning"].map { escape($0.description) } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="sv"><head><meta charset="utf-8"><title>\(title)</title>
            <style>
            @page { size: A4; margin: 12mm 14mm 10mm 14mm; }
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #000; margin: 0; }
            .page { width: 182mm; margin: 0 auto; }
            h1 { font-size: 14pt; margin: 0 0 0.5mm 0; }
            .subtitle { margin: 0 0 2mm 0; font-size: 9pt; }
            .draft { color: #b00; font-weight: bold; letter-spacing: 0.2em; margin: 0; }
            h2 { font-size: 9pt; margin: 2mm 0 0.8mm 0; padding: 0.6mm 1.5mm; background: #e8e8e8; border: 0.3mm solid #000; }
            table { width: 100%; border-collapse: collapse; table-layout: fixed; }
            th, td { border: 0.2mm solid #555; padding: 0.5mm 1.5mm; vertical-align: top; text-align: left; }
            th { width: 36%; font-weight: normal; background: #f6f6f6; }
            table.costs td { border: none; padding: 0; font-size: 7.5pt; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
            table.costs td.amount { width: 24mm; }
            .amount { text-align: right; white-space: nowrap; }
            span.amount { display: block; }
            .fixed { margin: 0.3mm 0 0.8mm 0; font-style: italic; }
            .sign { height: 7mm; border-bottom: 0.3mm solid #000; }
            @media print { .page { width: auto; } }
            </style></head>
            <body><div class="page">
            \(draft ? "<p class=\"draft\">UTKAST – INTE GILTIG</p>\n" : "")<h1>\(title)</h1>
            <p class="subtitle">\(subtitle)</p>
            \(body)</div></body></html>

            """
    }

    static func escape(_ s: String) -> String { XMLText.escape(s) }
}
