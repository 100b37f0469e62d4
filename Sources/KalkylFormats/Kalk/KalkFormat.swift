/// The .kalk workbook format: UTF-8 text, one item per line, so a diff shows exactly which
/// cell, name or format changed. See docs/kalk-format.md for the full description.
///
///     kalkyl 1
///     name Pool = Parametrar!$B$1
///     param total number cell=Parametrar!B1 default=400000000 min=0 "Belopp att fördela"
///
///     sheet Fördelning
///     width A 28
///     format C2:C22 "0.0%"
///     A1 "Region"
///     B2 158876
///     C2 =B2/$B$23
public enum KalkFormat {
    public static let version = 1
    public static let header = "kalkyl \(version)"

    /// Text values in double quotes, escaped as JSON escapes them.
    static func quote(_ text: String) -> String { QuotedText.quote(text) }
}
