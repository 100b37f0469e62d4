import Foundation

extension FunctionRegistry {
    static let statisticalFunctions: [FunctionDefinition] = [
        FunctionDefinition("COUNT", 0...variadic) { (args) throws(FormulaError) in
            var n = 0
            for i in 0..<args.count {
                try args.forEachValue(i) { (value, direct) in
                    switch value {
                    case .number: n += 1
                    case .boolean: if direct { n += 1 }
                    case .text(let s): if direct && NumberText.parse(s) != nil { n += 1 }
                    default: break
                    }
                }
            }
            return .number(Double(n))
        },
        FunctionDefinition("COUNTA", 0...variadic) { (args) throws(FormulaError) in
            var n = 0
            for i in 0..<args.count {
                if args.isOmitted(i) && i < args.count { n += 1; continue }
                try args.forEachValue(i) { (value, _) in if value != .empty { n += 1 } }
            }
            return .number(Double(n))
        },
        FunctionDefinition("COUNTBLANK", 1...1) { (args) throws(FormulaError) in
            let (sheet, range) = try args.reference(0)
            var filled = 0
            try args.context.forEachStoredValue(sheet: sheet, range: range) { value in
                switch value {
                case .empty: break
                case .text(let s): if !s.isEmpty { filled += 1 }
                default: filled += 1
                }
            }
            return .number(Double(range.cellCount - filled))
        },
        FunctionDefinition("COUNTIF", 2...2) { (args) throws(FormulaError) in
            var n = 0
            let unvisited = try Criteria.forEachMatch(args, ranges: [0], criteria: [Criterion(args.scalar(1))], target: 0) { _ in n += 1 }
            n += unvisited
            return .number(Double(n))
        },
        FunctionDefinition("COUNTIFS", 2...variadic) { (args) throws(FormulaError) in
            guard args.count % 2 == 0 else { throw FormulaError.value }
            var n = 0
            let unvisited = try Criteria.forEachMatch(args, pairsFrom: 0, target: 0) { _ in n += 1 }
            n += unvisited
            return .number(Double(n))
        },
        FunctionDefinition("AVERAGE", 1...variadic) { (args) throws(FormulaError) in
            var total = 0.0, n = 0
            try args.forEachNumber { total += $0; n += 1 }
            guard n > 0 else { throw FormulaError.divisionByZero }
            return .number(total / Double(n))
        },
        FunctionDefinition("AVERAGEIF", 2...3) { (args) throws(FormulaError) in
            var total = 0.0, n = 0
            let target = args.count > 2 && !args.isOmitted(2) ? 2 : 0
            try Criteria.forEachMatch(args, ranges: [0], criteria: [Criterion(args.scalar(1))], target: target) { value throws(FormulaError) in
                if case .number(let x) = value { total += x; n += 1 } else if case .error(let e) = value { throw e }
            }
            guard n > 0 else { throw FormulaError.divisionByZero }
            return .number(total / Double(n))
        },
        FunctionDefinition("AVERAGEIFS", 3...variadic) { (args) throws(FormulaError) in
            guard args.count % 2 == 1 else { throw FormulaError.value }
            var total = 0.0, n = 0
            try Criteria.forEachMatch(args, pairsFrom: 1, target: 0) { value throws(FormulaError) in
                if case .number(let x) = value { total += x; n += 1 } else if case .error(let e) = value { throw e }
            }
            guard n > 0 else { throw FormulaError.divisionByZero }
            return .number(total / Double(n))
        },
        FunctionDefinition("MIN", 1...variadic) { (args) throws(FormulaError) in
            var result = Double.infinity
            try args.forEachNumber { result = min(result, $0) }
            return .number(result == .infinity ? 0 : result)
        },
        FunctionDefinition("MAX", 1...variadic) { (args) throws(FormulaError) in
            var result = -Double.infinity
            try args.forEachNumber { result = max(result, $0) }
            return .number(result == -.infinity ? 0 : result)
        },
        FunctionDefinition("MINIFS", 3...variadic) { (args) throws(FormulaError) in
            guard args.count % 2 == 1 else { throw FormulaError.value }
            var result = Double.infinity
            try Criteria.forEachMatch(args, pairsFrom: 1, target: 0) { value throws(FormulaError) in
                if case .number(let x) = value { result = min(result, x) } else if case .error(let e) = value { throw e }
            }
            return .number(result == .infinity ? 0 : result)
        },
        FunctionDefinition("MAXIFS", 3...variadic) { (args) throws(FormulaError) in
            guard args.count % 2 == 1 else { throw FormulaError.value }
            var result = -Double.infinity
            try Criteria.forEachMatch(args, pairsFrom: 1, target: 0) { value throws(FormulaError) in
                if case .number(let x) = value { result = max(result, x) } else if case .error(let e) = value { throw e }
            }
            return .number(result == -.infinity ? 0 : result)
        },
        FunctionDefinition("MEDIAN", 1...variadic) { (args) throws(FormulaError) in
            let sorted = try args.numbers().sorted()
            guard !sorted.isEmpty else { throw FormulaError.number }
            let mid = sorted.count / 2
            return .number(sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2)
        },
        FunctionDefinition("LARGE", 2...2) { (args) throws(FormulaError) in
            try kth(args, largest: true)
        },
        FunctionDefinition("SMALL", 2...2) { (args) throws(FormulaError) in
            try kth(args, largest: false)
        },
        FunctionDefinition("RANK", 2...3) { (args) throws(FormulaError) in
            try rank(args, average: false)
        },
        FunctionDefinition("RANK.AVG", 2...3) { (args) throws(FormulaError) in
            try rank(args, average: true)
        },
        FunctionDefinition("STDEV", 1...variadic) { (args) throws(FormulaError) in
            .number((try variance(args, sample: true)).squareRoot())
        },
        FunctionDefinition("STDEVP", 1...variadic) { (args) throws(FormulaError) in
            .number((try variance(args, sample: false)).squareRoot())
        },
        FunctionDefinition("VAR", 1...variadic) { (args) throws(FormulaError) in
            .number(try variance(args, sample: true))
        },
        FunctionDefinition("VARP", 1...variadic) { (args) throws(FormulaError) in
            .number(try variance(args, sample: false))
        },
    ]

    private static func kth(_ args: Arguments, largest: Bool) throws(FormulaError) -> Operand {
        var values: [Double] = []
        try args.forEachValue(0) { (value, _) throws(FormulaError) in
            switch value {
            case .number(let n): values.append(n)
            case .error(let e): throw e
            default: break
            }
        }
        guard let k = Int(exactly: (try args.number(1)).rounded(.up)) else { throw FormulaError.number }
        guard k >= 1, k <= values.count else { throw FormulaError.number }
        values.sort()
        return .number(largest ? values[values.count - k] : values[k - 1])
    }

    private static func rank(_ args: Arguments, average: Bool) throws(FormulaError) -> Operand {
        let x = try args.number(0)
        let ascending = try args.number(2, default: 0) != 0
        var before = 0, equal = 0
        try args.forEachValue(1) { (value, _) throws(FormulaError) in
            guard case .number(let n) = value else {
                if case .error(let e) = value { throw e }
                return
            }
            if n == x { equal += 1 } else if ascending ? n < x : n > x { before += 1 }
        }
        guard equal > 0 else { throw FormulaError.notAvailable }
        return .number(average ? Double(before) + Double(equal + 1) / 2 : Double(before + 1))
    }

    private static func variance(_ args: Arguments, sample: Bool) throws(FormulaError) -> Double {
        let values = try args.numbers()
        let n = Double(values.count)
        guard values.count > (sample ? 1 : 0) else { throw FormulaError.divisionByZero }
        let mean = values.reduce(0, +) / n
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return squares / (sample ? n - 1 : n)
    }
}
