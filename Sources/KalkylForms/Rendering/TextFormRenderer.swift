/// The form as plain text for e-mail: the addressee, then the sections in Bilaga 2's order.
public enum TextFormRenderer {
    public static func render(_ form: FilledForm, draft: Bool = false) -> String {
        let layout = FormLayout(form, draft: draft)
        var out = (draft ? "UTKAST – " : "") + layout.title.uppercased() + "\n"
        if let subtitle = layout.subtitle { out += subtitle + "\n" }
        out += "\n" + layout.addressee.joined(separator: "\n") + "\n"
        for section in layout.sections {
            out += "\n\(section.number). \(section.title)\n"
            for item in section.items {
                switch item {
                case .paragraph(let text): out += "   \(text)\n"
                case .field(let label, let value, _): out += "   \(label): \(value)\n"
                case .choice(let chosen, let text): out += "   \(chosen ? "☒" : "☐") \(text)\n"
                case .signature(let label): out += "   \(label): ______________________________\n"
                case .costs(let label, let lines):
                    out += "   \(label):\n"
                    for line in lines { out += "     – \(line.item): \(line.amount)\n" }
                }
            }
        }
        return out
    }
}
