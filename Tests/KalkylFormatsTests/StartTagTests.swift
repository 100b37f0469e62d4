import Testing
@testable import KalkylFormats

/// A start tag taken apart as a patcher needs it: its name with any prefix, each attribute as
/// written (quotes, spaces around `=`, text in any script), and put back together unchanged.
struct StartTagTests {
    @Test func attributesAreKeptAsWritten() {
        let tag = StartTag(#"<x:c r="B2"  s = '3' t="inlineStr" ext:note="Västra Götaland ☺">"#)
        #expect(tag.head == "<x:c")
        #expect(tag.attributes.map(\.name) == ["r", "s", "t", "ext:note"])
        #expect(tag.attributeText() == #" r="B2" s = '3' t="inlineStr" ext:note="Västra Götaland ☺""#)
        #expect(tag.attributeText(without: ["r", "t"]) == #" s = '3' ext:note="Västra Götaland ☺""#)
        #expect(tag.attributeText(only: ["s"]) == " s = '3'")
        #expect(!tag.isSelfClosing && tag.has("ext:note") && !tag.has("note"))
        #expect(tag.text == #"<x:c r="B2" s = '3' t="inlineStr" ext:note="Västra Götaland ☺">"#)
    }

    @Test func aSelfClosingTagGetsAnAttributeSetOrAdded() {
        var tag = StartTag(#"<dimension ref="A1:D9"/>"#)
        #expect(tag.isSelfClosing && tag.head == "<dimension")
        tag.set("ref", to: "A1:D12")
        tag.set("extra", to: "1")
        #expect(tag.text == #"<dimension ref="A1:D12" extra="1"/>"#)
    }
}
