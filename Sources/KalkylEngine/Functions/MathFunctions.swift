import Foundation

extension FunctionRegistry {
    static let mathFunctions: [FunctionDefinition] = [
        FunctionDefinition("SUM", 0...variadic) { (args) throws(FormulaError) in
            if args.count == 1, args.context.cachesRanges, case .reference(let sheet, let range) = args[0] {
                return .number(try args.context.cachedSum(sheet: sheet, range: range))
            }
            var total = 0.0
            try args.forEachNumber { total += $0 }
            return .number(total)
        },
        FunctionDefinition("PRODUCT", 0...variadic) { (args) throws(FormulaError) in
            var product = 1.0, any = false
            try args.forEachNumber { product *= $0; any = true }
            return .number(any ? product : 0)
        },
        FunctionDefinition("SUMSQ", 0...variadic) { (args) throws(FormulaError) in
            var total = 0.0
            try args.forEachNumber { total += $0 * $0 }
            return .number(total)
        },
        FunctionDefinition("SUMPRODUCT", 1...variadic) { (args) throws(FormulaError) in
            let arrays = try (0..<args.count).map { (i) throws(FormulaError) in try args.matrix(i) }
            let rows = arrays[0].rows, columns = arrays[0].columns
            guard arrays.allSatisfy({ $0.rows == rows && $0.columns == columns }) else { throw FormulaError.value }
            var total = 0.0
            for k in 0..<(rows * columns) {
                var product = 1.0
                for m in arrays {
                    switch m.values[k] {
                    case .number(let n): product *= n
                    case .error(let e): throw e
                    default: product = 0
                    }
                }
                total += product
            }
            return .number(total)
        },
        FunctionDefinition("SUMIF", 2...3) { (args) throws(FormulaError) in
            let criterion = Criterion(args.scalar(1))
            var total = 0.0
            try Criteria.forEachMatch(args, ranges: [0], criteria: [criterion], target: args.count > 2 && !args.isOmitted(2) ? 2 : 0) { value throws(FormulaError) in
                if case .number(let n) = value { total += n } else if case .error(let e) = value { throw e }
            }
            return .number(total)
        },
        FunctionDefinition("SUMIFS", 3...variadic) { (args) throws(FormulaError) in
            guard args.count % 2 == 1 else { throw FormulaError.value }
            var total = 0.0
            try Criteria.forEachMatch(args, pairsFrom: 1, target: 0) { value throws(FormulaError) in
                if case .number(let n) = value { total += n } else if case .error(let e) = value { throw e }
            }
            return .number(total)
        },
        .scalar("ROUND", 2...2) { (args) throws(FormulaError) in
            .number(DecimalRounding.round(try args.number(0), digits: try args.integer(1)))
        },
        .scalar("ROUNDUP", 2...2) { (args) throws(FormulaError) in
            .number(DecimalRounding.round(try args.number(0), digits: try args.integer(1), mode: .awayFromZero))
        },
        .scalar("ROUNDDOWN", 2...2) { (args) throws(FormulaError) in
            .number(DecimalRounding.round(try args.number(0), digits: try args.integer(1), mode: .towardZero))
        },
        .scalar("MROUND", 2...2) { (args) throws(FormulaError) in
            let x = try args.number(0), multiple = try args.number(1)
            if multiple == 0 { return .number(0) }
            guard x == 0 || (x > 0) == (multiple > 0) else { throw FormulaError.number }
            let quotient = DecimalRounding.fifteenDigits(x / multiple)
            return .number(DecimalRounding.fifteenDigits(quotient.rounded(.toNearestOrAwayFromZero) * multiple))
        },
        .scalar("INT", 1...1) { (args) throws(FormulaError) in .number((try args.number(0)).rounded(.down)) },
        .scalar("TRUNC", 1...2) { (args) throws(FormulaError) in
            .number(DecimalRounding.round(try args.number(0), digits: try args.integer(1, default: 0), mode: .towardZero))
        },
        .scalar("MOD", 2...2) { (args) throws(FormulaError) in
            let n = try args.number(0), d = try args.number(1)
            guard d != 0 else { throw FormulaError.divisionByZero }
            let m = n - d * (n / d).rounded(.down)
            // Keep the sign of the divisor and clean off binary noise (MOD(10.5,1) is 0.5).
            return .number(DecimalRounding.fifteenDigits(m))
        },
        .scalar("ABS", 1...1) { (args) throws(FormulaError) in .number(abs(try args.number(0))) },
        .scalar("SIGN", 1...1) { (args) throws(FormulaError) in
            let n = try args.number(0)
            return .number(n > 0 ? 1 : (n < 0 ? -1 : 0))
        },
        .scalar("SQRT", 1...1) { (args) throws(FormulaError) in
            let n = try args.number(0)
            guard n >= 0 else { throw FormulaError.number }
            return .number(n.squareRoot())
        },
        .scalar("POWER", 2...2) { (args) throws(FormulaError) in Operators.power(try args.number(0), try args.number(1)) },
        .scalar("EXP", 1...1) { (args) throws(FormulaError) in try finite(exp(try args.number(0))) },
        .scalar("LN", 1...1) { (args) throws(FormulaError) in
            let n = try args.number(0)
            guard n > 0 else { throw FormulaError.number }
            return .number(log(n))
        },
        .scalar("LOG", 1...2) { (args) throws(FormulaError) in
            let n = try args.number(0), base = try args.number(1, default: 10)
            guard n > 0, base > 0 else { throw FormulaError.number }
            guard base != 1 else { throw FormulaError.divisionByZero }
            return .number(base == 10 ? log10(n) : log(n) / log(base))
        },
        .scalar("LOG10", 1...1) { (args) throws(FormulaError) in
            let n = try args.number(0)
            guard n > 0 else { throw FormulaError.number }
            return .number(log10(n))
        },
        .scalar("QUOTIENT", 2...2) { (args) throws(FormulaError) in
            let n = try args.number(0), d = try args.number(1)
            guard d != 0 else { throw FormulaError.divisionByZero }
            return .number((n / d).rounded(.towardZero))
        },
        .scalar("CEILING", 1...2) { (args) throws(FormulaError) in
            let x = try args.number(0), significance = try args.number(1, default: x < 0 ? -1 : 1)
            if significance == 0 || x == 0 { return .number(0) }
            guard !(x > 0 && significance < 0) else { throw FormulaError.number }
            let q = DecimalRounding.fifteenDigits(x / significance)
            return .number(DecimalRounding.fifteenDigits(q.rounded(.up) * significance))
        },
        .scalar("FLOOR", 1...2) { (args) throws(FormulaError) in
            let x = try args.number(0), significance = try args.number(1, default: x < 0 ? -1 : 1)
            if x == 0 { return .number(0) }
            guard significance != 0 else { throw FormulaError.divisionByZero }
            guard !(x > 0 && significance < 0) else { throw FormulaError.number }
            let q = DecimalRounding.fifteenDigits(x / significance)
            return .number(DecimalRounding.fifteenDigits(q.rounded(.down) * significance))
        },
        .scalar("EVEN", 1...1) { (args) throws(FormulaError) in
            let x = try args.number(0)
            let up = (abs(x) / 2).rounded(.up) * 2
            return .number(x < 0 ? -up : up)
        },
        .scalar("ODD", 1...1) { (args) throws(FormulaError) in
            let x = try args.number(0)
            var up = abs(x).rounded(.up)
            if up.truncatingRemainder(dividingBy: 2) == 0 { up += 1 }
            return .number(x < 0 ? -up : up)
        },
        .scalar("FACT", 1...1) { (args) throws(FormulaError) in
            let n = (try args.number(0)).rounded(.towardZero)
            guard n >= 0 else { throw FormulaError.number }
            guard n <= 170 else { throw FormulaError.number }
            var f = 1.0
            if n >= 2 { for k in 2...Int(n) { f *= Double(k) } }
            return .number(f)
        },
        FunctionDefinition("GCD", 1...variadic) { (args) throws(FormulaError) in
            var g = 0.0
            try args.forEachNumber { (n) in g = gcd(g, n.rounded(.towardZero)) }
            return .number(g)
        },
        FunctionDefinition("LCM", 1...variadic) { (args) throws(FormulaError) in
            var l = 1.0
            try args.forEachNumber { (n) in
                let k = n.rounded(.towardZero)
                l = (l == 0 || k == 0) ? 0 : l / gcd(l, k) * k
            }
            return .number(l)
        },
        .scalar("PI", 0...0) { _ in .number(Double.pi) },
        .scalar("RAND", 0...0, volatile: true) { (args) in .number(args.context.nextRandom()) },
        .scalar("RANDBETWEEN", 2...2, volatile: true) { (args) throws(FormulaError) in
            let low = (try args.number(0)).rounded(.up), high = (try args.number(1)).rounded(.down)
            guard low <= high else { throw FormulaError.number }
            return .number(low + (args.context.nextRandom() * (high - low + 1)).rounded(.down))
        },
        FunctionDefinition("SUBTOTAL", 2...variadic) { (args) throws(FormulaError) in
            let code = try args.integer(0) % 100
            let names = [1: "AVERAGE", 2: "COUNT", 3: "COUNTA", 4: "MAX", 5: "MIN", 6: "PRODUCT",
                         7: "STDEV", 8: "STDEVP", 9: "SUM", 10: "VAR", 11: "VARP"]
            guard let name = names[code], let id = FunctionRegistry.id(of: name) else { throw FormulaError.value }
            return FunctionRegistry.call(Int(id), Arguments(args.operands.dropFirst(), context: args.context))
        },
    ]

    static func finite(_ x: Double) throws(FormulaError) -> Value {
        guard x.isFinite else { throw FormulaError.number }
        return .number(x)
    }
}

private func gcd(_ a: Double, _ b: Double) -> Double {
    var x = abs(a), y = abs(b)
    while y > 0 { (x, y) = (y, x.truncatingRemainder(dividingBy: y)) }
    return x
}
