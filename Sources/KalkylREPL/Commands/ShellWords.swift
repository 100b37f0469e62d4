/// Splits a command's arguments as a shell does: spaces separate words, `"…"` and `'…'` quote
/// (`"Region Gotland"`, `'My sheet'`), a backslash outside single quotes takes the next
/// character as it is, and quotes inside a word join it (`bidragsmottagare="Region Gotland"`
/// is one word, without the quotes).
public enum ShellWords {
    struct UnclosedQuote: Error, CustomStringConvertible {
        /// The position (0-based, in characters) of the quote that is not closed.
        var column: Int
        var quote: Character
        var description: String { "the quote \(quote) is not closed" }
    }

    static func split(_ text: String) throws(UnclosedQuote) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: (character: Character, column: Int)? = nil
        var escaped = false
        for (column, c) in text.enumerated() {
            if escaped {
                word.append(c)
                escaped = false
                continue
            }
            if let open = quote {
                if c == open.character {
                    quote = nil
                } else if c == "\\" && open.character == "\"" {
                    escaped = true
                } else {
                    word.append(c)
                }
                continue
            }
            switch c {
            case " ", "\t":
                if inWord { words.append(word); word = ""; inWord = false }
            case "\"", "'":
                quote = (c, column)
                inWord = true
            case "\\":
                escaped = true
                inWord = true
            default:
                word.append(c)
                inWord = true
            }
        }
        if let open = quote { throw UnclosedQuote(column: open.column, quote: open.character) }
        if escaped { word.append("\\") }
        if inWord { words.append(word) }
        return words
    }

    /// A word quoted so that `split` gives it back whole: `'My sheet'`, `'it'\''s'`.
    public static func quote(_ word: String) -> String {
        guard word.isEmpty || word.contains(where: { " \t\"'\\".contains($0) }) else { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
