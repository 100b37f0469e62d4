import KalkylEngine

/// One `<c>` element as Kalkyl writes it, for the writer of new files and the patcher alike.
enum XlsxCellXML {
    /// How text constants are written: inline (`t="inlineStr"`), or as an index into the
    /// shared strings the file already has.
    enum Strings {
        case inline
        case shared(SharedStringAppender)
    }

    /// The tags of a part's cells as bytes, made once: `<c`, `</c>`, `<v>` … with the part's
    /// namespace prefix (`x:` in some generators' files, usually none).
    struct Tags {
        let open: [UInt8], close: [UInt8], valueOpen: [UInt8], valueClose: [UInt8], inlineOpen: [UInt8], inlineClose: [UInt8]

        init(prefix p: String) {
            open = Array("<\(p)c".utf8)
            close = Array("</\(p)c>".utf8)
            valueOpen = Array("<\(p)v>".utf8)
            valueClose = Array("</\(p)v>".utf8)
            inlineOpen = Array(#"<\#(p)is><\#(p)t xml:space="preserve">"#.utf8)
            inlineClose = Array("</\(p)t></\(p)is>".utf8)
        }

        static let plain = Tags(prefix: "")
    }

    /// `attributes`: what goes after `<c` before the type (` r="B2" s="3"`); `formula`: the
    /// `<f>` element, or "" for a constant; `p`: the namespace prefix of the part's elements.
    static func element(attributes: String, formula: String, value: Value, strings: Strings, prefix p: String = "") -> String {
        var out: [UInt8] = []
        append(value: value, formula: formula, strings: strings, tags: p.isEmpty ? .plain : Tags(prefix: p), to: &out) { $0.append(contentsOf: attributes.utf8) }
        return String(decoding: out, as: UTF8.self)
    }

    private static let numberType: [UInt8] = [], booleanType = Array(#" t="b""#.utf8), errorType = Array(#" t="e""#.utf8),
                       stringType = Array(#" t="str""#.utf8), inlineType = Array(#" t="inlineStr""#.utf8), sharedType = Array(#" t="s""#.utf8),
                       selfClosing = Array("/>".utf8)

    /// The element appended as bytes, its attributes written by `attributes`: a writer of a
    /// million cells makes no `String` per cell.
    static func append(value: Value, formula: String, strings: Strings, tags: Tags = .plain, to out: inout [UInt8],
                       attributes: (inout [UInt8]) -> Void) {
        func open(type: [UInt8]) {
            out.append(contentsOf: tags.open)
            attributes(&out)
            out.append(contentsOf: type)
            out.append(UInt8(ascii: ">"))
            if !formula.isEmpty { out.append(contentsOf: formula.utf8) }
        }
        func valueElement(_ body: (inout [UInt8]) -> Void) {
            out.append(contentsOf: tags.valueOpen)
            body(&out)
            out.append(contentsOf: tags.valueClose)
        }
        switch value {
        case .number(let n):
            open(type: numberType)
            valueElement { NumberLiteral.append(n, to: &$0) }
        case .boolean(let b):
            open(type: booleanType)
            valueElement { $0.append(b ? UInt8(ascii: "1") : UInt8(ascii: "0")) }
        case .error(.cycle):
            open(type: numberType)  // Excel knows no cycle error; it recalculates
        case .error(let e):
            open(type: errorType)
            valueElement { $0.append(contentsOf: e.code.utf8) }
        case .text(let s):
            if !formula.isEmpty {
                open(type: stringType)
                valueElement { $0.append(contentsOf: OOXMLText.encode(s).utf8) }
            } else {
                switch strings {
                case .inline:
                    open(type: inlineType)
                    out.append(contentsOf: tags.inlineOpen)
                    out.append(contentsOf: OOXMLText.encode(s).utf8)
                    out.append(contentsOf: tags.inlineClose)
                case .shared(let table):
                    open(type: sharedType)
                    valueElement { A1.appendDecimal(table.index(of: s), to: &$0) }
                }
            }
        case .empty:
            if formula.isEmpty {
                out.append(contentsOf: tags.open)
                attributes(&out)
                out.append(contentsOf: selfClosing)
                return
            }
            open(type: numberType)
        }
        out.append(contentsOf: tags.close)
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
