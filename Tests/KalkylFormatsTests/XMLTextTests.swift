import PropertyBased
import Testing
@testable import KalkylFormats

/// XML text as the writers escape it: the five characters XML reserves in attribute values and
/// text (`'` needs none in double-quoted attributes), control characters XML cannot hold left
/// out. Text with none of them is returned unchanged without a walk; both paths are checked.
struct XMLTextTests {
    @Test func escapesWhatXMLReservesAndDropsControlCharacters() {
        #expect(XMLText.escape("=IF(A1<2,\"a&b\",B1>3)") == "=IF(A1&lt;2,&quot;a&amp;b&quot;,B1&gt;3)")
        #expect(XMLText.escape("Gotland\u{1}\tFårö\n") == "Gotland\tFårö\n")
        #expect(XMLText.escape("=SUM(A1:A3)") == "=SUM(A1:A3)")
        #expect(XMLText.escape("") == "")
    }

    @Test func anyTextEscapesAsTheCharacterRulesSay() async {
        let alphabet: [String] = ["a", "Z", "å", "€", "&", "<", ">", "\"", "'", "\n", "\t", "\r", "\u{1}", "\u{1F}", " ", "😀"]
        await propertyCheck(count: 1000, input: Gen.int(in: 0...(alphabet.count - 1)).array(of: 0...12)) { picks in
            let text = picks.map { alphabet[$0] }.joined()
            let expected = picks.map { alphabet[$0] }.map { piece -> String in
                switch piece {
                case "&": return "&amp;"
                case "<": return "&lt;"
                case ">": return "&gt;"
                case "\"": return "&quot;"
                case "\u{1}", "\u{1F}": return ""
                default: return piece
                }
            }.joined()
            #expect(XMLText.escape(text) == expected, "\(text.debugDescription)")
        }
    }
}
