import Testing
@testable import KalkylEngine
@testable import KalkylFormats

/// Each kind of value as one `<c>` element, as ECMA-376 §18.3.1.4 writes it: the type in `t`
/// (none for a number, `b`, `e`, `str` for a formula's text, `inlineStr` or `s` for a constant
/// text), the value in `<v>` after the formula's `<f>`.
struct XlsxCellXMLTests {
    @Test(arguments: [
        (Value.number(12), "", #"<c r="B2"><v>12</v></c>"#),
        (.number(-0.25), "<f>A1/4</f>", #"<c r="B2"><f>A1/4</f><v>-0.25</v></c>"#),
        (.number(1e20), "", #"<c r="B2"><v>1e+20</v></c>"#),
        (.boolean(true), "<f>A1&gt;0</f>", #"<c r="B2" t="b"><f>A1&gt;0</f><v>1</v></c>"#),
        (.error(.notAvailable), "<f>NA()</f>", #"<c r="B2" t="e"><f>NA()</f><v>#N/A</v></c>"#),
        (.error(.cycle), "<f>B2</f>", #"<c r="B2"><f>B2</f></c>"#),
        (.text("a<b"), "<f>A1</f>", #"<c r="B2" t="str"><f>A1</f><v>a&lt;b</v></c>"#),
        (.text("Gotland"), "", #"<c r="B2" t="inlineStr"><is><t xml:space="preserve">Gotland</t></is></c>"#),
        (.empty, "", #"<c r="B2"/>"#),
        (.empty, "<f>A9</f>", #"<c r="B2"><f>A9</f></c>"#),
    ])
    func oneElementPerKind(value: Value, formula: String, expected: String) {
        #expect(XlsxCellXML.element(attributes: #" r="B2""#, formula: formula, value: value, strings: .inline) == expected)
    }

    @Test func aPrefixedPartAndSharedStrings() {
        let table = SharedStringAppender(existingCount: 3)
        #expect(XlsxCellXML.element(attributes: #" r="A1""#, formula: "", value: .text("x"), strings: .shared(table), prefix: "x:")
                == #"<x:c r="A1" t="s"><x:v>3</x:v></x:c>"#)
        #expect(XlsxCellXML.element(attributes: #" r="A2""#, formula: "", value: .text("y"), strings: .shared(table), prefix: "x:")
                == #"<x:c r="A2" t="s"><x:v>4</x:v></x:c>"#)
        #expect(XlsxCellXML.element(attributes: #" r="A3""#, formula: "", value: .text("x"), strings: .inline, prefix: "x:")
                == #"<x:c r="A3" t="inlineStr"><x:is><x:t xml:space="preserve">x</x:t></x:is></x:c>"#)
    }
}
