/// The form as plain text for e-mail: sections in Bilaga 2's order, labels and values.
public enum TextFormRenderer {
    public static func render(_ form: FilledForm, draft: Bool = false) -> String {
        var out = (draft ? "UTKAST – " : "") + form.definition.title.uppercased() + "\n"
        if case .text(let name)? = form.values["benamning"], !name.isEmpty { out += name + "\n" }
        for section in form.definition.sections {
            out += "\n\(section.number). \(section.title)\n"
            for line in section.fixedText { out += "   \(line)\n" }
            for field in section.fields {
                switch field.kind {
                case .signature:
                    out += "   \(field.label): ______________________________\n"
                case .costs:
                    out += "   \(field.label):\n"
                    for (item, amount) in form.costLines { out += "     – \(item): \(amount)\n" }
                default:
                    let value = form.display(field)
                    out += "   \(field.label): \(value)\n"
                }
            }
        }
        return out
    }
}
