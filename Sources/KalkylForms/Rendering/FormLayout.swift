import KalkylEngine

/// What a printed form shows, in order, decided once: the text, HTML and PDF renderers only
/// draw it. Values are as a reader expects them (organisationsnummer `NNNNNN-NNNN`, bankgiro
/// `NNNN-NNNN`, amounts in kronor), the finance director's chosen alternative is marked and
/// carries the director's name for Bilaga 2's "N.N.", and the addressee and both diarienummer
/// head every page, as the agreement asks of every document.
public struct FormLayout {
    public enum Item: Equatable {
        case field(label: String, value: String, isAmount: Bool)
        case paragraph(String)
        case choice(isChosen: Bool, text: String)
        case costs(label: String, lines: [CostLine])
        case signature(label: String)
    }

    public struct CostLine: Equatable {
        public var item: String
        public var amount: String
    }

    public struct Section: Equatable {
        public var number: Int
        public var title: String
        public var items: [Item]
    }

    public var title: String
    public var subtitle: String?
    public var isDraft: Bool
    /// `Till: Kammarkollegiet` and the diarienummer, printed at the top of every page.
    public var addressee: [String]
    /// The recipient and the form, for the running footer.
    public var footer: String
    public var sections: [Section]

    public init(_ form: FilledForm, draft: Bool = false) {
        title = form.definition.title
        isDraft = draft
        let name = form.text(of: FormField("benamning", "")).trimmingSpaces()
        subtitle = name.isEmpty ? nil : name
        var addressee = ["Till: Kammarkollegiet"]
        for (key, label) in [("dnr_overenskommelse", "Dnr överenskommelse"), ("dnr_utbetalning", "Dnr beslut om utbetalning")] {
            let dnr = form.text(of: FormField(key, "")).trimmingSpaces()
            if !dnr.isEmpty { addressee.append("\(label): \(dnr)") }
        }
        self.addressee = addressee
        let recipient = form.text(of: FormField("bidragsmottagare", "")).trimmingSpaces()
        footer = [form.definition.title, recipient].filter { !$0.isEmpty }.joined(separator: " – ")
        sections = form.definition.sections.map { section in
            var items = section.fixedText.map(Item.paragraph)
            for field in section.fields { items += FormLayout.items(for: field, of: form) }
            return Section(number: section.number, title: section.title, items: items)
        }
    }

    private static func items(for field: FormField, of form: FilledForm) -> [Item] {
        switch field.kind {
        case .signature:
            return [.signature(label: field.label)]
        case .costs:
            return [.costs(label: field.label, lines: form.costLines.map { CostLine(item: $0.item, amount: $0.amount) })]
        case .attestation:
            let chosen = form.text(of: field).trimmingSpaces()
            let director = form.text(of: FormField("granskare_namn", "")).trimmingSpaces()
            return FormDefinition.attestationAlternatives.enumerated().map { index, text in
                .choice(isChosen: chosen == String(index + 1), text: director.isEmpty ? text : text.replacingOccurrences(of: "N.N.", with: director))
            }
        default:
            return [.field(label: field.label, value: form.display(field), isAmount: field.kind == .amount)]
        }
    }
}
