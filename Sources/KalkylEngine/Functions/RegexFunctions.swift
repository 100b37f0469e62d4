import Foundation

/// Excel 365's regular expressions, REGEXTEST, REGEXEXTRACT and REGEXREPLACE, in the PCRE2-like
/// syntax of Swift's Regex (which Excel's PCRE2 patterns mostly share). `case_sensitivity` 1
/// ignores case; a pattern that does not compile is #VALUE!, no match in REGEXEXTRACT #N/A.
extension FunctionRegistry {
    static let regexFunctions: [FunctionDefinition] = [
        .scalar("REGEXTEST", 2...3) { (args) throws(FormulaError) in
            let text = try args.text(0), regex = try Patterns.regex(args, 1, caseArgument: 2)
            return .boolean(text.firstMatch(of: regex) != nil)
        },
        FunctionDefinition("REGEXEXTRACT", 2...4) { (args) throws(FormulaError) in
            let text = try args.text(0), mode = try args.integer(2, default: 0)
            let regex = try Patterns.regex(args, 1, caseArgument: 3)
            guard (0...2).contains(mode) else { throw FormulaError.value }
            switch mode {
            case 0:
                guard let m = text.firstMatch(of: regex) else { throw FormulaError.notAvailable }
                return .value(.text(String(text[m.range])))
            case 1:
                let all = text.matches(of: regex).map { Value.text(String(text[$0.range])) }
                guard !all.isEmpty else { throw FormulaError.notAvailable }
                return .array(Matrix(rows: all.count, columns: 1, values: all))
            default:
                guard let m = text.firstMatch(of: regex) else { throw FormulaError.notAvailable }
                let groups = (1..<max(1, m.output.count)).map { i -> Value in
                    m.output[i].substring.map { .text(String($0)) } ?? .text("")
                }
                guard !groups.isEmpty else { return .value(.text(String(text[m.range]))) }
                return .array(Matrix(rows: 1, columns: groups.count, values: groups))
            }
        },
        .scalar("REGEXREPLACE", 3...5) { (args) throws(FormulaError) in
            let text = try args.text(0), replacement = try args.text(2), occurrence = try args.integer(3, default: 0)
            let regex = try Patterns.regex(args, 1, caseArgument: 4)
            let matches = text.matches(of: regex)
            let chosen: Set<Int>
            if occurrence == 0 { chosen = Set(matches.indices) } else {
                let i = occurrence > 0 ? occurrence - 1 : matches.count + occurrence
                chosen = matches.indices.contains(i) ? [i] : []
            }
            var result = "", start = text.startIndex
            for (i, m) in matches.enumerated() where chosen.contains(i) {
                result += text[start..<m.range.lowerBound]
                result += Patterns.expand(replacement, m)
                start = m.range.upperBound
            }
            result += text[start...]
            guard result.utf16.count <= Value.maximumTextLength else { throw FormulaError.value }
            return .text(result)
        },
    ]
}

enum Patterns {
    static func regex(_ args: Arguments, _ i: Int, caseArgument: Int) throws(FormulaError) -> Regex<AnyRegexOutput> {
        let pattern = try args.text(i), sensitivity = try args.integer(caseArgument, default: 0)
        guard sensitivity == 0 || sensitivity == 1 else { throw FormulaError.value }
        guard let regex = try? Regex(pattern) else { throw FormulaError.value }
        return sensitivity == 1 ? regex.ignoresCase() : regex
    }

    /// A replacement with `$1`…`$9` (and `${n}`) standing for the match's groups and `$0` for all of it.
    static func expand(_ replacement: String, _ m: Regex<AnyRegexOutput>.Match) -> String {
        var out = "", chars = Array(replacement), i = 0
        while i < chars.count {
            if chars[i] == "$", i + 1 < chars.count, let d = chars[i + 1].wholeNumberValue {
                if d < m.output.count, let s = m.output[d].substring { out += s }
                i += 2
            } else if chars[i] == "$", i + 1 < chars.count, chars[i + 1] == "{",
                      let close = chars[(i + 2)...].firstIndex(of: "}"), let n = Int(String(chars[(i + 2)..<close])) {
                if n < m.output.count, let s = m.output[n].substring { out += s }
                i = close + 1
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }
}
