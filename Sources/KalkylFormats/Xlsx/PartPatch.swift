import Foundation

/// Small edits of an xlsx part that leave the rest of its bytes as they were: the shared
/// strings, the workbook's calculation settings, the calcChain's relationship and content type.
enum PartPatch {
    /// Replacements of byte ranges, found while the part streams past, applied in order.
    private struct Edits {
        var list: [(range: Range<Int>, text: String)] = []

        mutating func replace(_ range: Range<Int>, with text: String) { list.append((range, text)) }
        mutating func insert(_ text: String, at offset: Int) { list.append((offset..<offset, text)) }

        func applied(to data: Data) -> Data {
            var out = Data()
            out.reserveCapacity(data.count + list.reduce(0) { $0 + $1.text.utf8.count })
            var copied = data.startIndex
            for edit in list.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
                let start = data.startIndex + edit.range.lowerBound
                out.append(data[copied..<start])
                out.append(contentsOf: edit.text.utf8)
                copied = data.startIndex + edit.range.upperBound
            }
            out.append(data[copied...])
            return out
        }
    }

    /// The bytes of a tag as text.
    private static func tag(_ data: Data, _ range: Range<Int>) -> String {
        String(decoding: data[(data.startIndex + range.lowerBound)..<(data.startIndex + range.upperBound)], as: UTF8.self)
    }

    /// The namespace prefix of a tag (`<x:sst …>` → `x:`), for elements written beside it.
    private static func prefix(of tag: String) -> String {
        let name = tag.dropFirst().prefix(while: { !" \t\r\n/>".contains($0) })
        guard let colon = name.firstIndex(of: ":") else { return "" }
        return String(name[...colon])
    }

    /// xl/sharedStrings.xml with `strings` appended and its counts raised.
    static func appendingStrings(_ strings: [String], to data: Data, file: String) throws -> Data {
        var edits = Edits()
        var rootStart: Range<Int>? = nil
        var sst = ""
        var count = 0, unique = 0
        let events = XMLEvents()
        var depth = 0
        events.onStart = { element, attributes in
            depth += 1
            guard depth == 1, element == "sst" else { return }
            rootStart = events.tagRange
            sst = tag(data, events.tagRange)
            count = attributes["count"].flatMap(Int.init) ?? 0
            unique = attributes["uniqueCount"].flatMap(Int.init) ?? 0
        }
        events.onEnd = { element in
            defer { depth -= 1 }
            guard depth == 1, element == "sst", let start = rootStart else { return }
            let p = prefix(of: sst)
            let items = strings.map { "<\(p)si><\(p)t xml:space=\"preserve\">\(OOXMLText.encode($0))</\(p)t></\(p)si>" }.joined()
            var head = StartTag(sst)
            if head.has("count") { head.set("count", to: String(count + strings.count)) }
            if head.has("uniqueCount") { head.set("uniqueCount", to: String(unique + strings.count)) }
            if events.tagRange == start {
                head.isSelfClosing = false
                edits.replace(start, with: head.text + items + "</\(p)sst>")
            } else {
                edits.replace(start, with: head.text)
                edits.insert(items, at: events.tagRange.lowerBound)
            }
        }
        try events.parse(data, part: "xl/sharedStrings.xml", file: file)
        return edits.applied(to: data)
    }

    /// The elements that follow `<calcPr>` in a workbook part (ECMA-376 §18.2.27).
    private static let afterCalculationProperties: Set<String> = [
        "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
        "fileRecoveryPr", "webPublishObjects", "extLst",
    ]

    /// xl/workbook.xml with `fullCalcOnLoad="1"`: Excel and LibreOffice recalculate on opening,
    /// so what depends on formulas Kalkyl does not compute is brought up to date.
    static func fullCalculationOnLoad(_ data: Data, file: String) throws -> Data {
        var edits = Edits()
        var depth = 0, done = false, rootTag = ""
        let events = XMLEvents()
        events.onStart = { element, _ in
            depth += 1
            if depth == 1 { rootTag = tag(data, events.tagRange) }
            guard depth == 2, !done else { return }
            if element == "calcPr" {
                var calculation = StartTag(tag(data, events.tagRange))
                calculation.set("fullCalcOnLoad", to: "1")
                edits.replace(events.tagRange, with: calculation.text)
                done = true
            } else if afterCalculationProperties.contains(element) {
                edits.insert("<\(prefix(of: rootTag))calcPr fullCalcOnLoad=\"1\"/>", at: events.tagRange.lowerBound)
                done = true
            }
        }
        events.onEnd = { _ in
            if depth == 1, !done {
                edits.insert("<\(prefix(of: rootTag))calcPr fullCalcOnLoad=\"1\"/>", at: events.tagRange.lowerBound)
                done = true
            }
            depth -= 1
        }
        try events.parse(data, part: "xl/workbook.xml", file: file)
        return edits.applied(to: data)
    }

    /// A part with one attribute set on every element of the given names.
    static func settingAttribute(_ name: String, to value: String, ofElements elements: Set<String>, in data: Data, part: String, file: String) throws -> Data {
        var edits = Edits()
        let events = XMLEvents()
        events.onStart = { element, _ in
            guard elements.contains(element) else { return }
            var tag = StartTag(tag(data, events.tagRange))
            tag.set(name, to: XMLText.escape(value))
            edits.replace(events.tagRange, with: tag.text)
        }
        try events.parse(data, part: part, file: file)
        return edits.applied(to: data)
    }

    /// [Content_Types].xml or xl/_rels/workbook.xml.rels without the calcChain's entry.
    static func removingCalcChain(from data: Data, part: String, file: String) throws -> Data {
        var edits = Edits()
        let events = XMLEvents()
        events.onStart = { element, attributes in
            let isCalcChain = (element == "Override" && attributes["PartName"] == "/xl/calcChain.xml")
                || (element == "Relationship" && attributes["Type"]?.hasSuffix("/calcChain") == true)
            if isCalcChain { edits.replace(events.tagRange, with: "") }
        }
        try events.parse(data, part: part, file: file)
        return edits.applied(to: data)
    }

    /// [Content_Types].xml or the workbook's relationships with xl/metadata.xml declared, for a
    /// file that gets its first dynamic-array formula.
    static func declaringMetadata(in data: Data, part: String, file: String) throws -> Data {
        let isContentTypes = part == "[Content_Types].xml"
        let closing = isContentTypes ? "</Types>" : "</Relationships>"
        let text = String(decoding: data, as: UTF8.self)
        guard let end = text.range(of: closing, options: .backwards) else {
            throw XlsxError(path: file, message: "\(part) has no \(closing)")
        }
        let declaration = isContentTypes
            ? #"<Override PartName="/\#(DynamicArrayXML.part)" ContentType="\#(DynamicArrayXML.contentType)"/>"#
            : #"<Relationship Id="rIdKalkylMetadata" Type="\#(DynamicArrayXML.relationshipType)" Target="metadata.xml"/>"#
        return Data((text[..<end.lowerBound] + declaration + text[end.lowerBound...]).utf8)
    }
}
