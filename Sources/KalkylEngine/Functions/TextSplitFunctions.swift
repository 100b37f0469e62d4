import Foundation

/// Excel 365's text cutting: TEXTBEFORE, TEXTAFTER and TEXTSPLIT. Delimiters may be one text or
/// an array of texts (the earliest match wins); `match_mode` 1 ignores case; a negative
/// instance counts from the end; `match_end` 1 lets the end of the text count as a delimiter.
/// An instance not found is #N/A (or `if_not_found`), instance 0 or beyond the text #VALUE!.
extension FunctionRegistry {
    static let textSplitFunctions: [FunctionDefinition] = [
        FunctionDefinition("TEXTBEFORE", 2...6) { (args) throws(FormulaError) in try TextCutting.cut(args, before: true) },
        FunctionDefinition("TEXTAFTER", 2...6) { (args) throws(FormulaError) in try TextCutting.cut(args, before: false) },
        FunctionDefinition("TEXTSPLIT", 2...6) { (args) throws(FormulaError) in
            let text = try args.text(0)
            let ignoresCase = try args.integer(4, default: 0) != 0
            let columns = try TextCutting.delimiters(args, 1), rows = try TextCutting.delimiters(args, 2)
            let ignoreEmpty = try args.boolean(3, default: false)
            let pad: Value = args.isOmitted(5) ? .error(.notAvailable) : args.scalar(5)
            guard !(columns.allSatisfy(\.isEmpty) && rows.allSatisfy(\.isEmpty)) else { throw FormulaError.value }
            var lines = rows.allSatisfy(\.isEmpty) ? [text] : TextCutting.split(text, by: rows, ignoresCase: ignoresCase)
            if ignoreEmpty { lines = lines.filter { !$0.isEmpty } }
            var table = lines.map { line -> [String] in
                let cells = columns.allSatisfy(\.isEmpty) ? [line] : TextCutting.split(line, by: columns, ignoresCase: ignoresCase)
                return ignoreEmpty ? cells.filter { !$0.isEmpty } : cells
            }
            table = table.filter { !$0.isEmpty }
            guard !table.isEmpty else { throw FormulaError.calc }
            let width = table.map(\.count).max() ?? 1
            try Matrix.checkSize(rows: table.count, columns: width)
            let values = table.flatMap { row in row.map { Value.text($0) } + Array(repeating: pad, count: width - row.count) }
            return .array(Matrix(rows: table.count, columns: width, values: values))
        },
    ]
}

enum TextCutting {
    /// The delimiter texts of an argument (one text or an array of them); none when omitted.
    static func delimiters(_ args: Arguments, _ i: Int) throws(FormulaError) -> [String] {
        guard !args.isOmitted(i) else { return [] }
        return try (try args.matrix(i)).values.map { (v) throws(FormulaError) in
            switch v.asText() {
            case .success(let s): return s
            case .failure(let e): throw e
            }
        }
    }

    /// Where each delimiter occurs, earliest first; overlapping matches are skipped.
    static func occurrences(of delimiters: [String], in text: String, ignoresCase: Bool) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var start = text.startIndex
        let options: String.CompareOptions = ignoresCase ? [.caseInsensitive] : []
        while start < text.endIndex {
            var best: Range<String.Index>?
            for d in delimiters where !d.isEmpty {
                if let r = text.range(of: d, options: options, range: start..<text.endIndex),
                   best == nil || r.lowerBound < best!.lowerBound || (r.lowerBound == best!.lowerBound && r.upperBound > best!.upperBound) {
                    best = r
                }
            }
            guard let r = best else { break }
            found.append(r)
            start = r.upperBound
        }
        return found
    }

    static func split(_ text: String, by delimiters: [String], ignoresCase: Bool) -> [String] {
        var pieces: [String] = [], start = text.startIndex
        for r in occurrences(of: delimiters, in: text, ignoresCase: ignoresCase) {
            pieces.append(String(text[start..<r.lowerBound]))
            start = r.upperBound
        }
        pieces.append(String(text[start...]))
        return pieces
    }

    static func cut(_ args: Arguments, before: Bool) throws(FormulaError) -> Operand {
        let text = try args.text(0)
        let delimiters = try delimiters(args, 1)
        let instance = try args.integer(2, default: 1)
        let ignoresCase = try args.integer(3, default: 0) != 0
        let matchEnd = try args.integer(4, default: 0) != 0
        guard instance != 0, abs(instance) <= max(1, text.count) else { throw FormulaError.value }
        var matches = occurrences(of: delimiters, in: text, ignoresCase: ignoresCase)
        if delimiters.contains("") {
            // An empty delimiter matches at once: at the start, or (counting from the end) at the end.
            matches = instance > 0 ? [text.startIndex..<text.startIndex] : [text.endIndex..<text.endIndex]
        }
        if matchEnd {
            if instance > 0 { matches.append(text.endIndex..<text.endIndex) } else { matches.insert(text.startIndex..<text.startIndex, at: 0) }
        }
        let index = instance > 0 ? instance - 1 : matches.count + instance
        guard index >= 0, index < matches.count else {
            if args.count > 5 { return args[5] }
            throw FormulaError.notAvailable
        }
        let r = matches[index]
        return .value(.text(String(before ? text[..<r.lowerBound] : text[r.upperBound...])))
    }
}
