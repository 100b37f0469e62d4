/// One field of a CSV file: quoted as RFC 4180 says, and made safe to open in a spreadsheet.
public enum CSVField {
    /// Quotes the field when it holds the delimiter, a quote or a line break.
    public static func quoted(_ field: String, delimiter: Character) -> String {
        guard field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text that Excel or LibreOffice would run as a formula when the CSV is opened (CSV
    /// injection: `=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, `-2+3`) gets a leading `'`, as OWASP
    /// recommends, so it opens as the text it is. Only text cells pass here: numbers, negative
    /// ones too, are not text and stay as they are.
    public static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }
}
