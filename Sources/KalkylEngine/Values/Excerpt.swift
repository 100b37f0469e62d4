/// Text quoted in a message, cut to a readable length: a 50 MB bad line or a cycle through
/// 100 000 cells is not echoed whole, but its beginning and how long it was are.
public enum Excerpt {
    public static func of(_ text: some StringProtocol, limit: Int = 80) -> String {
        var count = 0
        var end = text.startIndex
        while end < text.endIndex, count < limit {
            end = text.index(after: end)
            count += 1
        }
        guard end < text.endIndex else { return String(text) }
        return "\(text[..<end])… (\(text.count) characters)"
    }
}
