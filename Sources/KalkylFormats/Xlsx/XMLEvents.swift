import Foundation

/// Streams an XML part through callbacks (SAX), so a sheet of a million rows is read without
/// building a tree: element starts with their attributes, text, and element ends.
///
/// It reads the bytes itself. Foundation's `XMLParser` (libxml2 behind a delegate that makes a
/// `String` and a dictionary for every event) spent some 20 µs a cell, over a minute for a
/// million-row sheet; the parts of an xlsx file need only this subset of XML: UTF-8, elements,
/// attributes, text with entities and character references, CDATA, comments and processing
/// instructions (skipped). A document type declaration, which xlsx never has, is refused.
final class XMLEvents {
    var onStart: (_ name: String, _ attributes: XMLAttributes) -> Void = { _, _ in }
    var onText: (_ text: String) -> Void = { _ in }
    var onEnd: (_ name: String) -> Void = { _ in }
    /// Offered the content of each element after its start tag: a reader that reads it from
    /// the bytes itself returns how far it read — where the element's end tag starts (the end
    /// is then reported as usual), or where content it leaves to these events starts, inside
    /// the element; nil leaves all the content to these events.
    var onContent: ((_ name: String, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int?)? = nil

    private struct Malformed: Error {
        var offset: Int
        var reason: String
        var isRejection = false
    }

    /// What a callback found wrong in what it read (an invalid cell reference, a duplicate
    /// cell): parsing stops after the callback, and the error names the part and the line.
    private var rejection: String?
    private var rejectionOffset: Int?
    private var tagStart = 0
    private var tagEnd = 0

    /// Where the tag being reported stands in the data, from `<` to after `>` (for a
    /// self-closing element, `onStart` and `onEnd` see the same tag): a patcher copies the
    /// bytes between tags it keeps.
    var tagRange: Range<Int> { tagStart..<tagEnd }

    func reject(_ message: String) {
        if rejection == nil { rejection = message }
    }

    /// A rejection of what stands at `offset` of the part (for the line the error names).
    func reject(_ message: String, at offset: Int) {
        if rejection == nil { rejection = message; rejectionOffset = offset }
    }

    @inline(__always)
    private func checkRejection() throws(Malformed) {
        if let rejection { throw Malformed(offset: rejectionOffset ?? tagStart, reason: rejection, isRejection: true) }
    }

    /// Parses `data`; element names are given without their namespace prefix. The callbacks are
    /// dropped at the end: one that uses these events (`reject`, `tagRange`) holds them, and
    /// the two would keep each other, and all the callbacks captured, alive.
    func parse(_ data: Data, part: String, file: String) throws {
        defer {
            onStart = { _, _ in }
            onText = { _ in }
            onEnd = { _ in }
            onContent = nil
        }
        do {
            try data.withUnsafeBytes { raw in
                try parse(raw.bindMemory(to: UInt8.self))
            }
        } catch let error as Malformed {
            let line = data.prefix(error.offset).reduce(1) { $1 == 10 ? $0 + 1 : $0 }
            throw XlsxError(path: file, message: "\(part) line \(line): " + (error.isRejection ? error.reason : "malformed XML (\(error.reason))"))
        }
    }

    private func parse(_ b: UnsafeBufferPointer<UInt8>) throws(Malformed) {
        let n = b.count
        var i = 0
        if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
        if n >= 2 && (b[0] == 0xFE || b[0] == 0xFF) { throw Malformed(offset: 0, reason: "only UTF-8 is read") }
        /// Open elements: where the name stands (to match the end tag) and the name without its prefix.
        var open: [(name: Range<Int>, local: String)] = []
        var sawRoot = false

        /// The index of `pattern` at or after `from`, or nil.
        func find(_ pattern: [UInt8], from: Int) -> Int? {
            var k = from
            while k + pattern.count <= n {
                if b[k] == pattern[0] {
                    var matches = true
                    for m in 1..<pattern.count where b[k + m] != pattern[m] { matches = false; break }
                    if matches { return k }
                }
                k += 1
            }
            return nil
        }

        while i < n {
            if b[i] != UInt8(ascii: "<") {
                var j = i
                while j < n && b[j] != UInt8(ascii: "<") { j += 1 }
                if !open.isEmpty {
                    onText(try Self.decode(b, i..<j))
                } else if b[i..<j].contains(where: { !Self.isSpace($0) }) {
                    throw Malformed(offset: i, reason: "text outside the root element")
                }
                i = j
                continue
            }
            guard i + 1 < n else { throw Malformed(offset: i, reason: "the document ends inside a tag") }
            switch b[i + 1] {
            case UInt8(ascii: "?"):
                guard let end = find(Array("?>".utf8), from: i + 2) else { throw Malformed(offset: i, reason: "unclosed processing instruction") }
                i = end + 2
            case UInt8(ascii: "!"):
                if i + 4 <= n, b[i + 2] == UInt8(ascii: "-"), b[i + 3] == UInt8(ascii: "-") {
                    guard let end = find(Array("-->".utf8), from: i + 4) else { throw Malformed(offset: i, reason: "unclosed comment") }
                    i = end + 3
                } else if i + 9 <= n, Array(b[(i + 2)..<(i + 9)]) == Array("[CDATA[".utf8) {
                    guard let end = find(Array("]]>".utf8), from: i + 9) else { throw Malformed(offset: i, reason: "unclosed CDATA section") }
                    if !open.isEmpty { onText(String(decoding: b[(i + 9)..<end], as: UTF8.self)) }
                    i = end + 3
                } else {
                    throw Malformed(offset: i, reason: "a document type declaration, which xlsx parts do not have")
                }
            case UInt8(ascii: "/"):
                var j = i + 2
                while j < n && b[j] != UInt8(ascii: ">") { j += 1 }
                guard j < n else { throw Malformed(offset: i, reason: "unclosed end tag") }
                var nameEnd = i + 2
                while nameEnd < j && !Self.isSpace(b[nameEnd]) { nameEnd += 1 }
                guard let last = open.popLast(), b[last.name].elementsEqual(b[(i + 2)..<nameEnd]) else {
                    let name = String(decoding: b[(i + 2)..<nameEnd], as: UTF8.self)
                    throw Malformed(offset: i, reason: "</\(name)> does not close the open element")
                }
                tagStart = i
                tagEnd = j + 1
                onEnd(last.local)
                try checkRejection()
                i = j + 1
            default:
                guard open.isEmpty ? !sawRoot : true else { throw Malformed(offset: i, reason: "a second root element") }
                var j = i + 1
                while j < n && !Self.isSpace(b[j]) && b[j] != UInt8(ascii: ">") && b[j] != UInt8(ascii: "/") { j += 1 }
                guard j > i + 1 else { throw Malformed(offset: i, reason: "an element without a name") }
                let nameRange = (i + 1)..<j
                var attributes = XMLAttributes()
                while true {
                    while j < n && Self.isSpace(b[j]) { j += 1 }
                    guard j < n else { throw Malformed(offset: i, reason: "the document ends inside a tag") }
                    if b[j] == UInt8(ascii: ">") || b[j] == UInt8(ascii: "/") { break }
                    let nameStart = j
                    while j < n && b[j] != UInt8(ascii: "=") && !Self.isSpace(b[j]) && b[j] != UInt8(ascii: ">") { j += 1 }
                    let attributeRange = nameStart..<j
                    var attribute: String { String(decoding: b[attributeRange], as: UTF8.self) }
                    while j < n && Self.isSpace(b[j]) { j += 1 }
                    guard j < n, b[j] == UInt8(ascii: "=") else { throw Malformed(offset: j, reason: "attribute '\(attribute)' has no value") }
                    j += 1
                    while j < n && Self.isSpace(b[j]) { j += 1 }
                    guard j < n, b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") else {
                        throw Malformed(offset: j, reason: "attribute '\(attribute)' has no quoted value")
                    }
                    let quote = b[j]
                    let valueStart = j + 1
                    j = valueStart
                    while j < n && b[j] != quote { j += 1 }
                    guard j < n else { throw Malformed(offset: valueStart, reason: "unclosed attribute value") }
                    attributes[Self.local(b, attributeRange)] = try Self.decode(b, valueStart..<j)
                    j += 1
                }
                let selfClosing = b[j] == UInt8(ascii: "/")
                if selfClosing {
                    guard j + 1 < n, b[j + 1] == UInt8(ascii: ">") else { throw Malformed(offset: j, reason: "expected '/>'") }
                    j += 1
                }
                sawRoot = true
                let local = Self.local(b, nameRange)
                tagStart = i
                tagEnd = j + 1
                onStart(local, attributes)
                if selfClosing {
                    onEnd(local)
                }
                try checkRejection()
                i = j + 1
                if !selfClosing {
                    open.append((nameRange, local))
                    if let onContent, let end = onContent(local, b, i) {
                        try checkRejection()
                        i = end
                    }
                }
            }
        }
        if let last = open.last { throw Malformed(offset: n, reason: "<\(String(decoding: b[last.name], as: UTF8.self))> is not closed") }
        guard sawRoot else { throw Malformed(offset: 0, reason: "no root element") }
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }

    /// A name without its namespace prefix (`x:c` → `c`).
    private static func local(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let start = b[range].lastIndex(of: UInt8(ascii: ":")).map { $0 + 1 } ?? range.lowerBound
        return String(decoding: b[start..<range.upperBound], as: UTF8.self)
    }

    /// Text with `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;` and `&#…;` replaced.
    private static func decode(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(Malformed) -> String {
        guard b[range].contains(UInt8(ascii: "&")) else { return String(decoding: b[range], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var k = range.lowerBound
        while k < range.upperBound {
            guard b[k] == UInt8(ascii: "&") else { out.append(b[k]); k += 1; continue }
            guard let semicolon = b[k..<range.upperBound].firstIndex(of: UInt8(ascii: ";")) else {
                throw Malformed(offset: k, reason: "'&' without ';'")
            }
            let entity = String(decoding: b[(k + 1)..<semicolon], as: UTF8.self)
            switch entity {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                let code: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    code = UInt32(entity.dropFirst(2), radix: 16)
                } else if entity.hasPrefix("#") {
                    code = UInt32(entity.dropFirst())
                } else {
                    code = nil
                }
                guard let code, let scalar = Unicode.Scalar(code) else { throw Malformed(offset: k, reason: "unknown entity '&\(entity);'") }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            k = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
