/// A start tag as the file has it (`<c r="B2" s="3" t="s">`), taken apart only as far as a
/// patcher needs: the name, and each attribute as written, so what is kept stays byte for byte.
struct StartTag {
    /// `<c` (with any namespace prefix).
    var head: String
    var attributes: [(name: String, text: String)]
    var isSelfClosing: Bool

    init(_ tag: String) {
        let scalars = Array(tag.unicodeScalars)
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\n" || s == "\r" }
        var i = 0
        while i < scalars.count, !isSpace(scalars[i]), scalars[i] != ">", scalars[i] != "/" { i += 1 }
        head = String(String.UnicodeScalarView(scalars[0..<i]))
        attributes = []
        isSelfClosing = tag.hasSuffix("/>")
        while true {
            while i < scalars.count, isSpace(scalars[i]) { i += 1 }
            let nameStart = i
            while i < scalars.count, scalars[i] != "=", !isSpace(scalars[i]), scalars[i] != ">", scalars[i] != "/" { i += 1 }
            guard i > nameStart else { break }
            let name = String(String.UnicodeScalarView(scalars[nameStart..<i]))
            while i < scalars.count, scalars[i] != "\"", scalars[i] != "'" { i += 1 }
            guard i < scalars.count else { break }
            let quote = scalars[i]
            i += 1
            while i < scalars.count, scalars[i] != quote { i += 1 }
            guard i < scalars.count else { break }
            i += 1
            attributes.append((name, String(String.UnicodeScalarView(scalars[nameStart..<i]))))
        }
    }

    /// The attributes as written, each with a leading space, leaving out `excluded`, or
    /// keeping only `included`.
    func attributeText(without excluded: Set<String> = [], only included: Set<String>? = nil) -> String {
        attributes.filter { !excluded.contains($0.name) && (included?.contains($0.name) ?? true) }.map { " " + $0.text }.joined()
    }

    func has(_ name: String) -> Bool { attributes.contains { $0.name == name } }

    /// Sets an attribute where it stands, or adds it at the end. `value` must be XML-escaped.
    mutating func set(_ name: String, to value: String) {
        let text = #"\#(name)="\#(value)""#
        if let index = attributes.firstIndex(where: { $0.name == name }) { attributes[index].text = text } else { attributes.append((name, text)) }
    }

    var text: String { head + attributeText() + (isSelfClosing ? "/>" : ">") }
}
