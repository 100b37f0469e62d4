/// TEXTJOIN's result as it grows, stopped with #VALUE! as soon as it passes Excel's length limit
/// (so a delimiter between a million empty cells is never built).
struct TextJoin {
    let delimiter: String
    private(set) var text = ""
    private var parts = 0
    private var length = 0

    init(delimiter: String) { self.delimiter = delimiter }

    /// Fails early when `count` more parts would need more delimiters than the limit allows.
    mutating func reserve(parts count: Int) throws(FormulaError) {
        let delimiters = (parts + count - 1) * delimiter.utf16.count
        guard delimiters <= Value.maximumTextLength else { throw FormulaError.value }
    }

    mutating func append(_ value: Value, ignoreEmpty: Bool) throws(FormulaError) {
        let part: String
        switch value.asText() {
        case .success(let s): part = s
        case .failure(let e): throw e
        }
        if ignoreEmpty && part.isEmpty { return }
        if parts > 0 {
            text += delimiter
            length += delimiter.utf16.count
        }
        text += part
        length += part.utf16.count
        parts += 1
        guard length <= Value.maximumTextLength else { throw FormulaError.value }
    }
}
