/// The attributes of one start tag by local name, as `XMLEvents` reports them: a few pairs
/// searched in order. A cell's two or three attributes cost a fraction of a dictionary's
/// hashing (half of reading a sheet the general way went to dictionaries).
struct XMLAttributes: Sequence, ExpressibleByDictionaryLiteral {
    private var pairs: [(key: String, value: String)] = []

    init() {}

    init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { self[name] = value }
    }

    /// The value of an attribute; setting one that is there replaces it (a tag's names are
    /// unique in XML; a repeated one keeps the last value, as a dictionary would).
    subscript(_ name: String) -> String? {
        get {
            for pair in pairs where pair.key == name { return pair.value }
            return nil
        }
        set {
            if let index = pairs.firstIndex(where: { $0.key == name }) {
                if let newValue { pairs[index].value = newValue } else { pairs.remove(at: index) }
            } else if let newValue {
                pairs.append((name, newValue))
            }
        }
    }

    var isEmpty: Bool { pairs.isEmpty }

    func makeIterator() -> IndexingIterator<[(key: String, value: String)]> { pairs.makeIterator() }
}
