/// Excel 365's functions that make, select, order and reshape arrays; their results spill.
/// An empty result is #CALC!, Excel's error for an array with nothing in it.
extension FunctionRegistry {
    static let arrayFunctions: [FunctionDefinition] = [
        FunctionDefinition("SEQUENCE", 1...4) { (args) throws(FormulaError) in
            let rows = try args.integer(0), columns = try args.integer(1, default: 1)
            let start = try args.number(2, default: 1), step = try args.number(3, default: 1)
            try ArrayShape.check(rows: rows, columns: columns)
            return .array(Matrix(rows: rows, columns: columns, values: (0..<rows * columns).map { .number(start + Double($0) * step) }))
        },
        FunctionDefinition("RANDARRAY", 0...5, volatile: true) { (args) throws(FormulaError) in
            let rows = try args.integer(0, default: 1), columns = try args.integer(1, default: 1)
            let low = try args.number(2, default: 0), high = try args.number(3, default: 1)
            let whole = try args.boolean(4, default: false)
            try ArrayShape.check(rows: rows, columns: columns)
            guard low <= high, !whole || (low == low.rounded() && high == high.rounded()) else { throw FormulaError.value }
            let values: [Value] = (0..<rows * columns).map { _ in
                let r = args.context.nextRandom()
                return .number(whole ? (low + (r * (high - low + 1)).rounded(.down)) : low + r * (high - low))
            }
            return .array(Matrix(rows: rows, columns: columns, values: values))
        },
        FunctionDefinition("FILTER", 2...3) { (args) throws(FormulaError) in
            let array = try args.matrix(0), include = try args.matrix(1)
            let byRows: Bool
            if include.columns == 1 && include.rows == array.rows {
                byRows = true
            } else if include.rows == 1 && include.columns == array.columns {
                byRows = false
            } else {
                throw FormulaError.value
            }
            var kept: [Int] = []
            for (i, value) in include.values.enumerated() {
                switch value {
                case .boolean(let b): if b { kept.append(i) }
                case .number(let n): if n != 0 { kept.append(i) }
                case .empty: break
                case .text: throw FormulaError.value
                case .error(let e): throw e
                }
            }
            if kept.isEmpty {
                if args.count > 2 { return args[2] }
                throw FormulaError.calc
            }
            return .array(byRows ? array.rows(kept) : array.columns(kept))
        },
        FunctionDefinition("SORT", 1...4) { (args) throws(FormulaError) in
            let array = try args.matrix(0)
            let byColumn = try args.boolean(3, default: false)
            let indexes = args.isOmitted(1) ? [1] : try ArrayShape.integers(args.matrix(1))
            var orders = args.isOmitted(2) ? [1] : try ArrayShape.integers(args.matrix(2))
            if orders.count == 1 && indexes.count > 1 { orders = Array(repeating: orders[0], count: indexes.count) }
            let keyCount = byColumn ? array.rows : array.columns
            guard orders.count == indexes.count, orders.allSatisfy({ $0 == 1 || $0 == -1 }),
                  indexes.allSatisfy({ 1 <= $0 && $0 <= keyCount }) else { throw FormulaError.value }
            let lines = byColumn ? array.columns : array.rows
            let keys = zip(indexes, orders).map { index, order in
                (values: (0..<lines).map { byColumn ? array[index - 1, $0] : array[$0, index - 1] }, descending: order == -1)
            }
            let order = ArraySort.order(lines: lines, keys: keys, locale: args.context.workbook.locale)
            return .array(byColumn ? array.columns(order) : array.rows(order))
        },
        FunctionDefinition("SORTBY", 2...variadic) { (args) throws(FormulaError) in
            let array = try args.matrix(0)
            var keys: [(values: [Value], descending: Bool)] = []
            var byColumn: Bool? = nil
            var i = 1
            while i < args.count {
                let by = try args.matrix(i)
                let order = i + 1 < args.count ? try args.integer(i + 1, default: 1) : 1
                guard order == 1 || order == -1 else { throw FormulaError.value }
                let vertical: Bool
                if by.columns == 1 && by.rows == array.rows { vertical = true } else if by.rows == 1 && by.columns == array.columns { vertical = false } else { throw FormulaError.value }
                if let known = byColumn, known == vertical { throw FormulaError.value }
                byColumn = !vertical
                keys.append((by.values, order == -1))
                i += 2
            }
            let columns = byColumn ?? false
            let order = ArraySort.order(lines: columns ? array.columns : array.rows, keys: keys, locale: args.context.workbook.locale)
            return .array(columns ? array.columns(order) : array.rows(order))
        },
        FunctionDefinition("UNIQUE", 1...3) { (args) throws(FormulaError) in
            let array = try args.matrix(0)
            let byColumn = try args.boolean(1, default: false), exactlyOnce = try args.boolean(2, default: false)
            let lines = byColumn ? array.columns : array.rows
            var firstOf: [[Value]: Int] = [:]
            var counts: [Int] = []
            var firsts: [Int] = []
            for line in 0..<lines {
                let key = (0..<(byColumn ? array.rows : array.columns)).map { ArraySort.equalityKey(byColumn ? array[$0, line] : array[line, $0]) }
                if let group = firstOf[key] {
                    counts[group] += 1
                } else {
                    firstOf[key] = counts.count
                    counts.append(1)
                    firsts.append(line)
                }
            }
            let chosen = firsts.indices.filter { !exactlyOnce || counts[$0] == 1 }.map { firsts[$0] }
            guard !chosen.isEmpty else { throw FormulaError.calc }
            return .array(byColumn ? array.columns(chosen) : array.rows(chosen))
        },
        FunctionDefinition("TAKE", 2...3) { (args) throws(FormulaError) in
            let array = try args.matrix(0)
            let rows = try ArrayShape.taken(args, 1, of: array.rows), columns = try ArrayShape.taken(args, 2, of: array.columns)
            return .array(array.rows(rows).columns(columns))
        },
        FunctionDefinition("DROP", 2...3) { (args) throws(FormulaError) in
            let array = try args.matrix(0)
            let rows = try ArrayShape.kept(args, 1, of: array.rows), columns = try ArrayShape.kept(args, 2, of: array.columns)
            guard !rows.isEmpty, !columns.isEmpty else { throw FormulaError.calc }
            return .array(array.rows(rows).columns(columns))
        },
        FunctionDefinition("CHOOSEROWS", 2...variadic) { (args) throws(FormulaError) in
            let array = try args.matrix(0)
            return .array(array.rows(try ArrayShape.chosen(args, of: array.rows)))
        },
        FunctionDefinition("CHOOSECOLS", 2...variadic) { (args) throws(FormulaError) in
            let array = try args.matrix(0)
            return .array(array.columns(try ArrayShape.chosen(args, of: array.columns)))
        },
        FunctionDefinition("HSTACK", 1...variadic) { (args) throws(FormulaError) in
            let parts = try (0..<args.count).map { (i) throws(FormulaError) in try args.matrix(i) }
            let rows = parts.map(\.rows).max() ?? 1, columns = parts.reduce(0) { $0 + $1.columns }
            try Matrix.checkSize(rows: rows, columns: columns)
            var result = Matrix(rows: rows, columns: columns, repeating: .error(.notAvailable))
            var offset = 0
            for part in parts {
                for r in 0..<part.rows { for c in 0..<part.columns { result[r, offset + c] = part[r, c] } }
                offset += part.columns
            }
            return .array(result)
        },
        FunctionDefinition("VSTACK", 1...variadic) { (args) throws(FormulaError) in
            let parts = try (0..<args.count).map { (i) throws(FormulaError) in try args.matrix(i) }
            let rows = parts.reduce(0) { $0 + $1.rows }, columns = parts.map(\.columns).max() ?? 1
            try Matrix.checkSize(rows: rows, columns: columns)
            var result = Matrix(rows: rows, columns: columns, repeating: .error(.notAvailable))
            var offset = 0
            for part in parts {
                for r in 0..<part.rows { for c in 0..<part.columns { result[offset + r, c] = part[r, c] } }
                offset += part.rows
            }
            return .array(result)
        },
        FunctionDefinition("TOCOL", 1...3) { (args) throws(FormulaError) in
            let values = try ArrayShape.flattened(args)
            return .array(Matrix(rows: values.count, columns: 1, values: values))
        },
        FunctionDefinition("TOROW", 1...3) { (args) throws(FormulaError) in
            let values = try ArrayShape.flattened(args)
            return .array(Matrix(rows: 1, columns: values.count, values: values))
        },
        FunctionDefinition("WRAPROWS", 2...3) { (args) throws(FormulaError) in
            let (values, count, pad) = try ArrayShape.wrapped(args)
            let rows = (values.count + count - 1) / count
            var result = Matrix(rows: rows, columns: count, repeating: pad)
            for (i, v) in values.enumerated() { result[i / count, i % count] = v }
            return .array(result)
        },
        FunctionDefinition("WRAPCOLS", 2...3) { (args) throws(FormulaError) in
            let (values, count, pad) = try ArrayShape.wrapped(args)
            let columns = (values.count + count - 1) / count
            var result = Matrix(rows: count, columns: columns, repeating: pad)
            for (i, v) in values.enumerated() { result[i % count, i / count] = v }
            return .array(result)
        },
        FunctionDefinition("EXPAND", 2...4) { (args) throws(FormulaError) in
            let array = try args.matrix(0)
            let rows = try args.integer(1, default: array.rows), columns = try args.integer(2, default: array.columns)
            guard rows >= array.rows, columns >= array.columns else { throw FormulaError.value }
            try Matrix.checkSize(rows: rows, columns: columns)
            let pad = args.count > 3 ? args.scalar(3) : .error(.notAvailable)
            var result = Matrix(rows: rows, columns: columns, repeating: pad)
            for r in 0..<array.rows { for c in 0..<array.columns { result[r, c] = array[r, c] } }
            return .array(result)
        },
        // LET compiles to local slots (see `LetBindings.swift`); its body is never called.
        FunctionDefinition("LET", 3...variadic) { _ throws(FormulaError) in throw FormulaError.value },
        // LAMBDA and its helpers compile to loops (see `LambdaHelpers.swift`); their bodies are never called.
        FunctionDefinition("LAMBDA", 1...variadic) { _ throws(FormulaError) in throw FormulaError.calc },
        FunctionDefinition("MAP", 2...variadic) { _ throws(FormulaError) in throw FormulaError.value },
        FunctionDefinition("REDUCE", 3...3) { _ throws(FormulaError) in throw FormulaError.value },
        FunctionDefinition("SCAN", 3...3) { _ throws(FormulaError) in throw FormulaError.value },
        FunctionDefinition("BYROW", 2...2) { _ throws(FormulaError) in throw FormulaError.value },
        FunctionDefinition("BYCOL", 2...2) { _ throws(FormulaError) in throw FormulaError.value },
        FunctionDefinition("MAKEARRAY", 3...3) { _ throws(FormulaError) in throw FormulaError.value },
        // A LAMBDA's parameter left out of its call is omitted.
        FunctionDefinition("ISOMITTED", 1...1) { (args) in .value(.boolean(args.isOmitted(0))) },
        FunctionDefinition("TRANSPOSE", 1...1) { (args) throws(FormulaError) in
            let array = try args.matrix(0)
            var result = Matrix(rows: array.columns, columns: array.rows, repeating: .empty)
            for r in 0..<array.rows { for c in 0..<array.columns { result[c, r] = array[r, c] } }
            return .array(result)
        },
    ]
}

/// Argument rules the array functions share.
enum ArrayShape {
    /// SEQUENCE's and RANDARRAY's size: negative is #VALUE!, zero #CALC!.
    static func check(rows: Int, columns: Int) throws(FormulaError) {
        guard rows >= 0, columns >= 0 else { throw FormulaError.value }
        guard rows > 0, columns > 0 else { throw FormulaError.calc }
        try Matrix.checkSize(rows: rows, columns: columns)
    }

    /// The whole numbers of an array argument (SORT's indexes, CHOOSEROWS' rows).
    static func integers(_ matrix: Matrix) throws(FormulaError) -> [Int] {
        var result: [Int] = []
        for value in matrix.values {
            switch value.asNumber() {
            case .success(let n):
                guard abs(n) < 1e9 else { throw FormulaError.value }
                result.append(Int(n.rounded(.towardZero)))
            case .failure(let e): throw e
            }
        }
        return result
    }

    /// TAKE: the first n (or the last −n) of `count` lines; omitted, all of them.
    static func taken(_ args: Arguments, _ i: Int, of count: Int) throws(FormulaError) -> [Int] {
        if args.isOmitted(i) { return Array(0..<count) }
        let n = try args.integer(i)
        guard n != 0 else { throw FormulaError.calc }
        return n > 0 ? Array(0..<min(n, count)) : Array(max(0, count + n)..<count)
    }

    /// DROP: all but the first n (or the last −n) of `count` lines.
    static func kept(_ args: Arguments, _ i: Int, of count: Int) throws(FormulaError) -> [Int] {
        if args.isOmitted(i) { return Array(0..<count) }
        let n = try args.integer(i)
        return n >= 0 ? Array(min(n, count)..<count) : Array(0..<max(0, count + n))
    }

    /// CHOOSEROWS and CHOOSECOLS: 1 is the first line, −1 the last; 0 or beyond is #VALUE!.
    static func chosen(_ args: Arguments, of count: Int) throws(FormulaError) -> [Int] {
        var result: [Int] = []
        for i in 1..<args.count {
            for k in try integers(args.matrix(i)) {
                guard k != 0, abs(k) <= count else { throw FormulaError.value }
                result.append(k > 0 ? k - 1 : count + k)
            }
        }
        return result
    }

    /// TOCOL and TOROW: the values row by row (or column by column), without blanks (ignore
    /// 1), errors (2) or both (3).
    static func flattened(_ args: Arguments) throws(FormulaError) -> [Value] {
        let array = try args.matrix(0)
        let ignore = try args.integer(1, default: 0), byColumn = try args.boolean(2, default: false)
        guard (0...3).contains(ignore) else { throw FormulaError.value }
        var values: [Value] = []
        let (outer, inner) = byColumn ? (array.columns, array.rows) : (array.rows, array.columns)
        for o in 0..<outer {
            for i in 0..<inner {
                let v = byColumn ? array[i, o] : array[o, i]
                if case .empty = v, ignore & 1 != 0 { continue }
                if case .error = v, ignore & 2 != 0 { continue }
                values.append(v)
            }
        }
        guard !values.isEmpty else { throw FormulaError.calc }
        return values
    }

    /// WRAPROWS and WRAPCOLS: a row or column of values, the count per line, the padding.
    static func wrapped(_ args: Arguments) throws(FormulaError) -> (values: [Value], count: Int, pad: Value) {
        let vector = try args.matrix(0)
        guard vector.rows == 1 || vector.columns == 1 else { throw FormulaError.value }
        let count = try args.integer(1)
        guard count >= 1 else { throw FormulaError.number }
        try Matrix.checkSize(rows: count, columns: (vector.values.count + count - 1) / count)
        return (vector.values, count, args.count > 2 ? args.scalar(2) : .error(.notAvailable))
    }
}

extension Matrix {
    /// The rows at these indexes, in this order.
    func rows(_ indexes: [Int]) -> Matrix {
        var values: [Value] = []
        values.reserveCapacity(indexes.count * columns)
        for r in indexes { values.append(contentsOf: self.values[(r * columns)..<((r + 1) * columns)]) }
        return Matrix(rows: indexes.count, columns: columns, values: values)
    }

    /// The columns at these indexes, in this order.
    func columns(_ indexes: [Int]) -> Matrix {
        var values: [Value] = []
        values.reserveCapacity(indexes.count * rows)
        for r in 0..<rows { for c in indexes { values.append(self[r, c]) } }
        return Matrix(rows: rows, columns: indexes.count, values: values)
    }
}
