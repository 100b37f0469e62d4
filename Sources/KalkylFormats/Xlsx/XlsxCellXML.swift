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
        var out: [UInt8] = []
        append(value: value, formula: formula, strings: strings, prefix: p, to: &out) { $0.append(contentsOf: attributes.utf8) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The element appended as bytes, its attributes written by `attributes`: a writer of a
    /// million cells makes no `String` per cell.
    static func append(value: Value, formula: String, strings: Strings, prefix p: String = "", to out: inout [UInt8],
                       attributes: (inout [UInt8]) -> Void) {
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        func open(type: String?) {
            add("<" + p + "c")
            attributes(&out)
            if let type { add(#" t=""# + type + #"""#) }
            out.append(UInt8(ascii: ">"))
            add(formula)
        }
        func valueElement(_ body: (inout [UInt8]) -> Void) {
            add("<" + p + "v>")
            body(&out)
            add("</" + p + "v>")
        }
        let close = "</" + p + "c>"
        switch value {
        case .number(let n):
            open(type: nil)
            valueElement { NumberLiteral.append(n, to: &$0) }
        case .boolean(let b):
            open(type: "b")
            valueElement { $0.append(b ? UInt8(ascii: "1") : UInt8(ascii: "0")) }
        case .error(.cycle):
            open(type: nil)  // Excel knows no cycle error; it recalculates
        case .error(let e):
            open(type: "e")
            valueElement { $0.append(contentsOf: e.code.utf8) }
        case .text(let s):
            if !formula.isEmpty {
                open(type: "str")
                valueElement { $0.append(contentsOf: OOXMLText.encode(s).utf8) }
            } else {
                switch strings {
                case .inline:
                    open(type: "inlineStr")
                    add("<" + p + #"is><"# + p + #"t xml:space="preserve">"# + OOXMLText.encode(s) + "</" + p + "t></" + p + "is>")
                case .shared(let table):
                    open(type: "s")
                    valueElement { A1.appendDecimal(table.index(of: s), to: &$0) }
                }
            }
        case .empty:
            if formula.isEmpty {
                add("<" + p + "c")
                attributes(&out)
                add("/>")
                return
            }
            open(type: nil)
        }
        add(close)
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
