import KalkylEngine

/// One `<c>` element as Kalkyl writes it, for the writer of new files and the patcher alike.
enum XlsxCellXML {
    /// How text constants are written: inline (`t="inlineStr"`), or as an index into the
    /// shared strings the file already has.
    enum Strings {
        case inline
        case shared(SharedStringAppender)
    }

    /// `attributes`: what goes after `<c` before the type (` r="B2" s="3"`); `formula`: the
    /// `<f>` element, or "" for a constant; `p`: the namespace prefix of the part's elements
    /// (`x:` in some generators' files, usually none).
    static func element(attributes: String, formula: String, value: Value, strings: Strings, prefix p: String = "") -> String {
        let c = p + "c", v = p + "v"
        switch value {
        case .number(let n): return "<\(c)\(attributes)>\(formula)<\(v)>\(NumberLiteral.text(n))</\(v)></\(c)>"
        case .boolean(let b): return #"<\#(c)\#(attributes) t="b">\#(formula)<\#(v)>\#(b ? 1 : 0)</\#(v)></\#(c)>"#
        case .error(.cycle): return "<\(c)\(attributes)>\(formula)</\(c)>"  // Excel knows no cycle error; it recalculates
        case .error(let e): return #"<\#(c)\#(attributes) t="e">\#(formula)<\#(v)>\#(e.code)</\#(v)></\#(c)>"#
        case .text(let s):
            if !formula.isEmpty { return #"<\#(c)\#(attributes) t="str">\#(formula)<\#(v)>\#(OOXMLText.encode(s))</\#(v)></\#(c)>"# }
            switch strings {
            case .inline: return #"<\#(c)\#(attributes) t="inlineStr"><\#(p)is><\#(p)t xml:space="preserve">\#(OOXMLText.encode(s))</\#(p)t></\#(p)is></\#(c)>"#
            case .shared(let table): return #"<\#(c)\#(attributes) t="s"><\#(v)>\#(table.index(of: s))</\#(v)></\#(c)>"#
            }
        case .empty: return formula.isEmpty ? "<\(c)\(attributes)/>" : "<\(c)\(attributes)>\(formula)</\(c)>"
        }
    }

}

/// New strings for xl/sharedStrings.xml: each gets the next index after the file's own.
final class SharedStringAppender {
    private let existingCount: Int
    private(set) var added: [String] = []
    private var indexes: [String: Int] = [:]

    init(existingCount: Int) {
        self.existingCount = existingCount
    }

    func index(of text: String) -> Int {
        if let index = indexes[text] { return index }
        let index = existingCount + added.count
        added.append(text)
        indexes[text] = index
        return index
    }
}
