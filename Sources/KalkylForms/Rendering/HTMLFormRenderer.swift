import KalkylFormats

/// The form as an HTML page for screens (and printing from a browser): the addressee, the
/// agreement's sections as ruled tables, the chosen alternative marked, cost items wrapped,
/// and room to sign. The PDF (`PDFFormRenderer`) is the form to print and sign.
public enum HTMLFormRenderer {
    public static func render(_ form: FilledForm, draft: Bool = false) -> String {
        let layout = FormLayout(form, draft: draft)
        var body = ""
        for section in layout.sections {
            body += "<section><h2>\(section.number). \(escape(section.title))</h2>\n<table>\n"
            for item in section.items {
                switch item {
                case .paragraph(let text):
                    body += "<tr><td colspan=\"2\" class=\"fixed\">\(escape(text))</td></tr>\n"
                case .field(let label, let value, let isAmount):
                    body += "<tr><th>\(escape(label))</th><td\(isAmount ? " class=\"amount\"" : "")>\(escape(value))</td></tr>\n"
                case .choice(let chosen, let text):
                    body += "<tr><td colspan=\"2\" class=\"choice\"><span class=\"box\">\(chosen ? "☒" : "☐")</span> \(escape(text))</td></tr>\n"
                case .signature(let label):
                    body += "<tr><th>\(escape(label))</th><td><div class=\"sign\"></div></td></tr>\n"
                case .costs(let label, let lines):
                    body += "<tr><th>\(escape(label))</th><td><table class=\"costs\">"
                        + lines.map { "<tr><td>\(escape($0.item))</td><td class=\"amount\">\(escape($0.amount))</td></tr>" }.joined()
                        + "</table></td></tr>\n"
                }
            }
            body += "</table></section>\n"
        }
        let title = escape(layout.title)
        return """
            <!DOCTYPE html>
            <html lang="sv"><head><meta charset="utf-8"><title>\(title)</title>
            <style>
            @page { size: A4; margin: 12mm 14mm 10mm 14mm; }
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #000; margin: 0; }
            .page { width: 182mm; margin: 0 auto; }
            header { display: flex; justify-content: space-between; align-items: flex-start; }
            h1 { font-size: 14pt; margin: 0 0 0.5mm 0; }
            .subtitle { margin: 0 0 2mm 0; font-size: 9pt; }
            .addressee { text-align: right; font-size: 8pt; margin: 0; }
            .draft { color: #b00; font-weight: bold; letter-spacing: 0.2em; margin: 0; }
            h2 { font-size: 9pt; margin: 2mm 0 0.8mm 0; padding: 0.6mm 1.5mm; background: #e8e8e8; border: 0.3mm solid #000; break-after: avoid; }
            table { width: 100%; border-collapse: collapse; table-layout: fixed; }
            tr { break-inside: avoid; }
            th, td { border: 0.2mm solid #555; padding: 0.5mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
            th { width: 36%; font-weight: normal; background: #f6f6f6; }
            table.costs td { border: none; padding: 0 0 0.3mm 0; font-size: 7.5pt; }
            table.costs td.amount { width: 26mm; }
            .amount { text-align: right; white-space: nowrap; }
            .fixed { font-style: italic; border: none; }
            .choice { border: none; }
            .box { font-size: 10pt; }
            .sign { height: 20mm; border-bottom: 0.3mm solid #000; }
            @media print { .page { width: auto; } }
            </style></head>
            <body><div class="page">
            \(draft ? "<p class=\"draft\">UTKAST – INTE GILTIG</p>\n" : "")<header><div><h1>\(title)</h1>
            <p class="subtitle">\(escape(layout.subtitle ?? ""))</p></div>
            <p class="addressee">\(layout.addressee.map(escape).joined(separator: "<br>"))</p></header>
            \(body)<footer>\(escape(layout.footer))</footer></div></body></html>

            """
    }

    static func escape(_ s: String) -> String { XMLText.escape(s) }
}
