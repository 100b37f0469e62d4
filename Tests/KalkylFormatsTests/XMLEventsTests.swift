import Foundation
import Testing
@testable import KalkylFormats

/// The XML subset xlsx parts use, read byte by byte.
struct XMLEventsTests {
    private func events(_ xml: String) throws -> [String] {
        let events = XMLEvents()
        var log: [String] = []
        events.onStart = { name, attributes in
            log.append("<\(name)" + attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined() + ">")
        }
        events.onText = { log.append("'\($0)'") }
        events.onEnd = { log.append("</\($0)>") }
        try events.parse(Data(xml.utf8), part: "p.xml", file: "f.xlsx")
        return log
    }

    /// A callback that uses its events (`reject`, `tagRange`) and what it captured are let go
    /// once parsing ends (the sheet patcher's captured the whole sheet's cell list, kept alive).
    @Test func callbacksAreLetGoAfterParsing() throws {
        final class Witness {}
        weak var gone: Witness?
        do {
            let witness = Witness()
            gone = witness
            let events = XMLEvents()
            events.onStart = { _, _ in _ = (witness, events.tagRange) }
            try events.parse(Data("<a><b/></a>".utf8), part: "p.xml", file: "f.xlsx")
        }
        #expect(gone == nil)
    }

    @Test func elementsAttributesTextAndEntities() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- a comment --><x:worksheet xmlns:x="urn:x"><c r="A1" t='s'><v>1 &lt; 2 &amp; &#228;&#x263A;</v></c>\
            <f a="&quot;q&quot;"/><t><![CDATA[<raw> & ]]></t></x:worksheet>
            """
        #expect(try events(xml) == [
            "<worksheet x=urn:x>", "<c r=A1 t=s>", "<v>", "'1 < 2 & ä☺'", "</v>", "</c>",
            "<f a=\"q\">", "</f>", "<t>", "'<raw> & '", "</t>", "</worksheet>",
        ])
    }

    @Test(arguments: [
        ("<a><b></a>", "line 1: malformed XML (</a> does not close the open element)"),
        ("<a>\n<b>\n</b>", "line 3: malformed XML (<a> is not closed)"),
        ("<a x=1/>", "line 1: malformed XML (attribute 'x' has no quoted value)"),
        ("<a>&nbsp;</a>", "line 1: malformed XML (unknown entity '&nbsp;')"),
        ("<!DOCTYPE a><a/>", "line 1: malformed XML (a document type declaration, which xlsx parts do not have)"),
        ("", "line 1: malformed XML (no root element)"),
    ])
    func malformedXMLSaysWhereAndWhat(xml: String, message: String) {
        do {
            _ = try events(xml)
            Issue.record("no error for \(xml)")
        } catch {
            #expect("\(error)" == "f.xlsx: p.xml \(message)")
        }
    }
}
