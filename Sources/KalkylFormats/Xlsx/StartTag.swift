/// A start tag as the file has it (`<c r="B2" s="3" t="s">`), taken apart only as far as a
/// patcher needs: the name, and each attribute as written, so what is kept stays byte for byte.
struct StartTag {
    /// `<c` (with any namespace prefix).
    var head: String
    var attributes: [(name: String, text: String)]
    var isSelfClosing: Bool

    init(_ tag: String) {
        // Taken apart by its UTF-8 bytes: every delimiter is ASCII, so each piece cut at one is
        // whole characters.
        let bytes = Array(tag.utf8)
        func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        let equals = UInt8(ascii: "="), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/"), quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")
        var i = 0
        while i < bytes.count, !isSpace(bytes[i]), bytes[i] != gt, bytes[i] != slash { i += 1 }
        head = text(0..<i)
        attributes = []
        isSelfClosing = tag.hasSuffix("/>")
        while true {
            while i < bytes.count, isSpace(bytes[i]) { i += 1 }
            let nameStart = i
            while i < bytes.count, bytes[i] != equals, !isSpace(bytes[i]), bytes[i] != gt, bytes[i] != slash { i += 1 }
            guard i > nameStart else { break }
            let name = text(nameStart..<i)
            while i < bytes.count, bytes[i] != quote, bytes[i] != apostrophe { i += 1 }
            guard i < bytes.count else { break }
            let mark = bytes[i]
            i += 1
            while i < bytes.count, bytes[i] != mark { i += 1 }
            guard i < bytes.count else { break }
            i += 1
            attributes.append((name, text(nameStart..<i)))
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
