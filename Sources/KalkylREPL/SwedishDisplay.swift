import KalkylEngine

/// Values as a Swedish reader expects them: `3 981 450`, `1,5 %`, `0,25`.
public enum SwedishDisplay {
    public static let separators = NumberFormat.Separators(decimal: ",", thousands: " ")

    /// The value in the cell's number format (General when it has none).
    public static func text(_ value: Value, format: String? = nil) -> String {
        switch value {
        case .number(let n):
            var text = NumberFormat(format ?? "General").format(n, separators: separators)
            // Swedish puts a space before the percent sign.
            if text.hasSuffix("%"), text.dropLast().last?.isNumber == true { text = text.dropLast() + " %" }
            return text
        case .text(let s): return s
        default: return value.description
        }
    }

    /// A value in a list of changes, where an empty cell must still be visible.
    public static func change(_ value: Value, format: String? = nil) -> String {
        value == .empty ? "(tom)" : text(value, format: format)
    }
}
