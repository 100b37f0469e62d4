/// The two forms of Bilaga 2 to the agreements: a requisition (rekvisition) and a financial
/// report (ekonomisk redovisning), with every field in the agreement's order and wording.
public struct FormDefinition: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case rekvisition
        case redovisning
    }

    public var kind: Kind
    public var title: String
    public var sections: [FormSection]

    public var fields: [FormField] { sections.flatMap(\.fields) }

    public static func of(_ kind: Kind) -> FormDefinition {
        kind == .rekvisition ? rekvisition : redovisning
    }

    static let contactDetails = FormSection(number: 1, title: "Kontaktuppgifter", fixedText: [], fields: [
        FormField("bidragsmottagare", "Bidragsmottagare"),
        FormField("organisationsnummer", "Organisationsnummer", .organisationsnummer),
        FormField("kontaktperson", "Kontaktperson"),
        FormField("postadress", "Postadress"),
        FormField("telefon", "Telefon inkl. riktnummer", .phone),
        FormField("fax", "Faxnummer", .phone, required: false),
        FormField("epost", "E-postadress", .email),
    ])

    static let agreementNumbers = [
        FormField("dnr_overenskommelse", "Regeringskansliets diarienummer för bakomliggande överenskommelse", .diarienummer),
        FormField("dnr_utbetalning", "Regeringskansliets diarienummer för regeringsbeslut avseende utbetalning", .diarienummer),
        FormField("benamning", "Överenskommelsens benämning"),
    ]

    static let signature = [
        FormField("datum", "Datum", .date),
        FormField("underskrift", "Underskrift", .signature, required: false),
        FormField("namnfortydligande", "Namnförtydligande"),
    ]

    public static let rekvisition = FormDefinition(kind: .rekvisition, title: "Rekvisition", sections: [
        contactDetails,
        FormSection(number: 2, title: "Bidrag som ansökan avser", fixedText: [], fields: agreementNumbers + [
            FormField("belopp", "Belopp som rekvireras", .amount),
            FormField("period", "Period som rekvisitionen avser", .period),
        ]),
        FormSection(number: 3, title: "Uppgifter för utbetalning", fixedText: [], fields: [
            FormField("bankgiro", "Bankgiro/Plusgiro", .giro),
            FormField("betalningsreferens", "Önskad betalningsreferens"),
        ]),
        FormSection(number: 4, title: "Underskrift i original av behörig företrädare", fixedText: [
            "Bidragstagaren intygar att lämnade uppgifter är riktiga samt försäkrar att bidraget kommer att användas enligt den gemensamma överenskommelsen.",
        ], fields: signature),
    ])

    /// The finance director's two alternatives as Bilaga 2 words them; a form prints them with
    /// the director's name for N.N. and the chosen one marked.
    public static let attestationAlternatives = [
        "Alt 1: N.N. (ekonomichefen eller motsvarande) intygar att den ekonomiska redovisningen under punkt 3 är korrekt.",
        "Alt 2: N.N. (ekonomichefen eller motsvarande) bedömer inte att den ekonomiska redovisningen under punkt 3 är korrekt. (Avvikelserna och eventuella åtgärder ska också redovisas.)",
    ]

    public static let redovisning = FormDefinition(kind: .redovisning, title: "Ekonomisk redovisning", sections: [
        contactDetails,
        FormSection(number: 2, title: "Bidrag som ansökan avser", fixedText: [], fields: agreementNumbers + [
            FormField("summa_overenskommelse", "Summa bidrag enligt överenskommelsen", .amount),
            FormField("summa_utbetalat", "Summa bidrag som utbetalats från Kammarkollegiet", .amount),
            FormField("period", "Period som den ekonomiska redovisningen avser", .period),
        ]),
        FormSection(number: 3, title: "Redovisning av verksamhet eller aktivitet", fixedText: [], fields: [
            FormField("bidrag_erhallet", "Bidrag som erhållits Kammarkollegiet", .amount),
            FormField("kostnader", "Kostnader (specificera större kostnadsposter)", .costs),
            FormField("summa_kostnader", "Summa kostnader", .amount),
            FormField("ej_forbrukat", "Medel som inte har förbrukats (Bidrag – kostnader)", .amount),
        ]),
        FormSection(number: 4, title: "Ekonomichefens (eller motsvarande) granskning av den ekonomiska redovisningen", fixedText: [], fields: [
            FormField("granskning", "Alternativ (1 eller 2)", .attestation),
            FormField("avvikelser", "Avvikelser och åtgärder", required: false),
            FormField("granskare_namn", "Namn"),
            FormField("granskare_befattning", "Befattning"),
            FormField("granskare_telefon", "Telefon inkl. riktnummer", .phone),
            FormField("granskare_epost", "E-postadress", .email),
        ]),
        FormSection(number: 5, title: "Underskrift i original av behörig företrädare", fixedText: [
            "Bidragstagaren intygar att lämnade uppgifter är riktiga.",
        ], fields: signature),
    ])
}
