import Testing
@testable import KalkylEngine
import KalkylTestSupport

/// The linear wildcard matcher against the obvious recursive one (exponential, so only on
/// short texts), on random patterns and texts over a small alphabet where stars, question
/// marks and escapes meet often.
struct WildcardPropertyTests {
    private enum Piece: Equatable { case literal(Character), one, any }

    private static func pieces(_ pattern: String) -> [Piece] {
        var result: [Piece] = []
        var chars = Array(pattern.lowercased())[...]
        while let c = chars.popFirst() {
            switch c {
            case "~": result.append(.literal(chars.popFirst() ?? "~"))
            case "*": result.append(.any)
            case "?": result.append(.one)
            default: result.append(.literal(c))
            }
        }
        return result
    }

    private static func reference(_ t: ArraySlice<Character>, _ p: ArraySlice<Piece>) -> Bool {
        guard let first = p.first else { return t.isEmpty }
        switch first {
        case .any: return reference(t, p.dropFirst()) || (!t.isEmpty && reference(t.dropFirst(), p))
        case .one: return !t.isEmpty && reference(t.dropFirst(), p.dropFirst())
        case .literal(let c): return t.first == c && reference(t.dropFirst(), p.dropFirst())
        }
    }

    @Test func matchesAgreeWithTheRecursiveDefinition() {
        var random = SeededRandom(seed: 2026)
        let textAlphabet: [Character] = ["a", "b", "A", "*", "?"], patternAlphabet: [Character] = ["a", "b", "B", "*", "?", "~"]
        var matched = 0
        for _ in 0..<20_000 {
            let text = String((0..<Int.random(in: 0...7, using: &random)).map { _ in textAlphabet.randomElement(using: &random)! })
            let pattern = String((0..<Int.random(in: 1...6, using: &random)).map { _ in patternAlphabet.randomElement(using: &random)! })
            guard Wildcard.hasWildcards(pattern) else { continue }
            let expected = Self.reference(Array(text.lowercased())[...], Self.pieces(pattern)[...])
            #expect(Wildcard.matches(text, pattern: pattern) == expected, "'\(text)' against '\(pattern)'")
            if expected { matched += 1 }
            // SEARCH: the first start from which the pattern matches some prefix of the rest.
            let characters = Array(text)
            let lower = Array(text.lowercased())
            let search = (0...lower.count).first { i in
                (i...lower.count).contains { j in Self.reference(lower[i..<j], Self.pieces(pattern)[...]) }
            }
            #expect(Wildcard.firstMatch(of: pattern, in: characters, from: 0) == search, "SEARCH '\(pattern)' in '\(text)'")
        }
        #expect(matched > 1_000)  // the cases are not all misses
    }
}
