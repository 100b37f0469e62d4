import Testing
@testable import KalkylEngine

/// A filled-down formula has one relative text, and two formulas share a relative text only
/// when they parse to the same expression.
struct RelativeFormulaTextTests {
    private func key(_ text: String, _ host: String) -> String? {
        RelativeFormulaText.of(text, at: A1.parseCell(Substring(host))!.address)
    }

    @Test func aFilledDownFormulaHasOneText() {
        #expect(key("=A2*2", "B2") != nil)
        #expect(key("=A2*2", "B2") == key("=A3*2", "B3"))
        #expect(key("=$A$1+A2", "B2") == key("=$A$1+A3", "B3"))
        #expect(key("=SUM($B$4:B7)", "C7") == key("=SUM($B$4:B8)", "C8"))
        #expect(key("=A2*2", "B2") != key("=A2*2", "B3"))  // the same text, another cell
        #expect(key("=$A2", "B2") != key("=$A2", "C3"))
    }

    @Test(arguments: ["=SUM(A:A)", "=SUM($B:$C)", "=SUM(1:3)", "=A1 (B1)", "=\"open", "=1+'Sheet"])
    func textsItCannotRewriteSafelyGiveNil(text: String) {
        #expect(key(text, "B2") == nil)
    }

    static let texts = [
        "=A1*2", "=A2*2", "=B2*2", "=$A$1+B2", "=$A1+B$2", "=LOG10(A1)", "=Sheet1!A1", "='My sheet'!B2",
        "=\"A1\"&A1", "=\"A2\"&A2", "=#REF!+A1", "=1E5+A1", "=1E5+A2", "=A1:B2", "=A2:B3", "=Total*A1",
        "=RANK.EQ(A1,B1:B9)", "=RANK.EQ(A2,B2:B10)", "=SUM(a1,A1)", "=-A1%", "=TRUE+A1", "=IF(A1>0,B1,\"x\")",
    ]
    static let hosts = ["A1", "B2", "B3", "C3", "D10"]

    @Test func equalTextsMeanEqualExpressions() throws {
        var seen: [String: (Expression, String)] = [:]
        for text in Self.texts {
            for host in Self.hosts {
                let address = A1.parseCell(Substring(host))!.address
                guard let relative = RelativeFormulaText.of(text, at: address),
                      let expression = try? FormulaParser.parse(text, at: address) else { continue }
                if let (other, origin) = seen[relative] {
                    #expect(other == expression, "\(text) at \(host) and \(origin) share '\(relative)'")
                } else {
                    seen[relative] = (expression, "\(text) at \(host)")
                }
            }
        }
        // Filled-down pairs did share a text.
        #expect(seen.count < Self.texts.count * Self.hosts.count)
    }
}
