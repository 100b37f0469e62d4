import Foundation

extension FunctionRegistry {
    static let textFunctions: [FunctionDefinition] = [
        .scalar("LEFT", 1...2) { (args) throws(FormulaError) in
            let s = try args.text(0), n = try args.integer(1, default: 1)
            guard n >= 0 else { throw FormulaError.value }
            return .text(String(s.prefix(n)))
        },
        .scalar("RIGHT", 1...2) { (args) throws(FormulaError) in
            let s = try args.text(0), n = try args.integer(1, default: 1)
            guard n >= 0 else { throw FormulaError.value }
            return .text(String(s.suffix(n)))
        },
        .scalar("MID", 3...3) { (args) throws(FormulaError) in
            let s = Array(try args.text(0)), start = try args.integer(1), n = try args.integer(2)
            guard start >= 1, n >= 0 else { throw FormulaError.value }
            guard start <= s.count else { return .text("") }
            return .text(String(s[(start - 1)..<min(s.count, start - 1 + n)]))
        },
        .scalar("LEN", 1...1) { (args) throws(FormulaError) in .number(Double(try args.text(0).count)) },
        .scalar("UPPER", 1...1) { (args) throws(FormulaError) in .text(try args.text(0).uppercased()) },
        .scalar("LOWER", 1...1) { (args) throws(FormulaError) in .text(try args.text(0).lowercased()) },
        .scalar("PROPER", 1...1) { (args) throws(FormulaError) in
            var out = "", previousIsLetter = false
            for ch in try args.text(0) {
                out += previousIsLetter ? ch.lowercased() : ch.uppercased()
                previousIsLetter = ch.isLetter
            }
            return .text(out)
        },
        .scalar("TRIM", 1...1) { (args) throws(FormulaError) in
            .text(try args.text(0).split(separator: " ").joined(separator: " "))
        },
        .scalar("SUBSTITUTE", 3...4) { (args) throws(FormulaError) in
            let s = try args.text(0), old = try args.text(1), new = try args.text(2)
            guard !old.isEmpty else { return .text(s) }
            if args.isOmitted(3) {
                // The result's length is known before it is built: too long is #VALUE!.
                let occurrences = s.components(separatedBy: old).count - 1
                guard s.utf16.count + occurrences * (new.utf16.count - old.utf16.count) <= Value.maximumTextLength else {
                    throw FormulaError.value
                }
                return .text(s.replacingOccurrences(of: old, with: new))
            }
            let instance = try args.integer(3)
            guard instance >= 1 else { throw FormulaError.value }
            var count = 0
            var searchStart = s.startIndex
            while let range = s.range(of: old, range: searchStart..<s.endIndex) {
                count += 1
                if count == instance { return .text(s.replacingCharacters(in: range, with: new)) }
                searchStart = range.upperBound
            }
            return .text(s)
        },
        .scalar("REPLACE", 4...4) { (args) throws(FormulaError) in
            let s = Array(try args.text(0)), start = try args.integer(1), n = try args.integer(2), new = try args.text(3)
            guard start >= 1, n >= 0 else { throw FormulaError.value }
            let from = min(start - 1, s.count), to = min(from + n, s.count)
            return .text(String(s[..<from]) + new + String(s[to...]))
        },
        .scalar("FIND", 2...3) { (args) throws(FormulaError) in
            let needle = Array(try args.text(0)), haystack = Array(try args.text(1))
            let start = try args.integer(2, default: 1)
            guard start >= 1, start <= haystack.count + 1 else { throw FormulaError.value }
            if needle.isEmpty { return .number(Double(start)) }
            guard needle.count <= haystack.count else { throw FormulaError.value }
            var i = start - 1
            while i + needle.count <= haystack.count {
                if Array(haystack[i..<(i + needle.count)]) == needle { return .number(Double(i + 1)) }
                i += 1
            }
            throw FormulaError.value
        },
        .scalar("SEARCH", 2...3) { (args) throws(FormulaError) in
            let needle = try args.text(0), haystack = Array(try args.text(1))
            let start = try args.integer(2, default: 1)
            guard start >= 1, start <= haystack.count + 1 else { throw FormulaError.value }
            if needle.isEmpty { return .number(Double(start)) }
            if !Wildcard.hasWildcards(needle) {
                let n = Array(needle.lowercased()), h = haystack.map { Character($0.lowercased()) }
                var i = start - 1
                while i + n.count <= h.count {
                    if Array(h[i..<(i + n.count)]) == n { return .number(Double(i + 1)) }
                    i += 1
                }
                throw FormulaError.value
            }
            guard let found = Wildcard.firstMatch(of: needle, in: haystack, from: start - 1) else { throw FormulaError.value }
            return .number(Double(found + 1))
        },
        .scalar("CONCATENATE", 1...variadic) { (args) throws(FormulaError) in
            var out = ""
            for i in 0..<args.count {
                out += try args.text(i)
                guard out.utf16.count <= Value.maximumTextLength else { throw FormulaError.value }
            }
            return .text(out)
        },
        FunctionDefinition("CONCAT", 1...variadic) { (args) throws(FormulaError) in
            var out = ""
            for i in 0..<args.count {
                try args.forEachValue(i) { (value, _) throws(FormulaError) in
                    switch value.asText() {
                    case .success(let s):
                        out += s
                        guard out.utf16.count <= Value.maximumTextLength else { throw FormulaError.value }
                    case .failure(let e): throw e
                    }
                }
            }
            return .value(.text(out))
        },
        FunctionDefinition("TEXTJOIN", 3...variadic) { (args) throws(FormulaError) in
            let delimiter = try args.text(0), ignoreEmpty = try args.boolean(1)
            var joined = TextJoin(delimiter: delimiter)
            for i in 2..<args.count {
                if case .reference(let sheet, let range) = args[i] {
                    if ignoreEmpty {
                        // Cells beyond the used area are empty and ignored: only the used part is read.
                        try args.context.forEachStoredValue(sheet: sheet, range: range) { (v) throws(FormulaError) in
                            try joined.append(v, ignoreEmpty: true)
                        }
                        continue
                    }
                    // Every cell of the range, empty ones included: a delimiter each, so a range
                    // too large for the length limit is known before any cell is read.
                    try joined.reserve(parts: range.cellCount)
                    for r in range.start.row...range.end.row {
                        for c in range.start.column...range.end.column {
                            try joined.append(args.context.value(sheet: sheet, row: r, column: c), ignoreEmpty: false)
                        }
                    }
                } else {
                    try args.forEachValue(i) { (value, _) throws(FormulaError) in try joined.append(value, ignoreEmpty: ignoreEmpty) }
                }
            }
            return .value(.text(joined.text))
        },
        .scalar("REPT", 2...2) { (args) throws(FormulaError) in
            let s = try args.text(0), n = try args.integer(1)
            guard n >= 0, n <= 32767, s.count * n <= 32767 else { throw FormulaError.value }
            return .text(String(repeating: s, count: n))
        },
        .scalar("EXACT", 2...2) { (args) throws(FormulaError) in .boolean(try args.text(0) == (try args.text(1))) },
        .scalar("VALUE", 1...1) { (args) throws(FormulaError) in
            switch args.scalar(0) {
            case .number(let n): return .number(n)
            case .empty: return .number(0)
            case .error(let e): throw e
            case .boolean: throw FormulaError.value
            case .text(let s):
                guard case .success(let n) = Value.text(s).asNumber(in: args.context.workbook.locale) else { throw FormulaError.value }
                return .number(n)
            }
        },
        .scalar("TEXT", 2...2) { (args) throws(FormulaError) in
            let value = args.scalar(0)
            if case .error(let e) = value { throw e }
            let code = try args.text(1)
            var subject = value
            if case .text(let s) = value, let n = NumberText.parse(s) { subject = .number(n) }
            if case .boolean = value { return .text(value.description) }
            return .text(NumberFormat(code).format(subject, separators: args.context.workbook.locale.separators))
        },
        .scalar("FIXED", 1...3) { (args) throws(FormulaError) in
            let x = try args.number(0), decimals = try args.integer(1, default: 2), noCommas = try args.boolean(2, default: false)
            let rounded = DecimalRounding.round(x, digits: decimals)
            var code = noCommas ? "0" : "#,##0"
            if decimals > 0 { code += "." + String(repeating: "0", count: min(decimals, 127)) }
            return .text(NumberFormat(code).format(rounded, separators: args.context.workbook.locale.separators))
        },
        .scalar("CHAR", 1...1) { (args) throws(FormulaError) in
            let n = try args.integer(0)
            guard (1...255).contains(n) else { throw FormulaError.value }
            // Excel's CHAR uses the Windows-1252 code page; 128–159 differ from Latin-1.
            return .text(String(Character(Unicode.Scalar(windows1252(n))!)))
        },
        .scalar("CODE", 1...1) { (args) throws(FormulaError) in
            let s = try args.text(0)
            guard let first = s.unicodeScalars.first else { throw FormulaError.value }
            let code = (1...255).first(where: { windows1252($0) == first.value }) ?? 63
            return .number(Double(code))
        },
        .scalar("T", 1...1) { (args) in
            switch args.scalar(0) {
            case .text(let s): return .text(s)
            case .error(let e): return .error(e)
            default: return .text("")
            }
        },
        .scalar("N", 1...1) { (args) in
            switch args.scalar(0) {
            case .number(let n): return .number(n)
            case .boolean(let b): return .number(b ? 1 : 0)
            case .error(let e): return .error(e)
            default: return .number(0)
            }
        },
    ]


    private static func windows1252(_ n: Int) -> UInt32 {
        let high: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
                              0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        return (128...159).contains(n) ? high[n - 128] : UInt32(n)
    }
}

/// Times of day written as text, `"12:30"` or `"12:30:15"`, as fractions of a day.
