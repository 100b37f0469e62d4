import Foundation

/// Positions in a sorted sample: percentiles, quartiles, percent ranks, modes, the trimmed mean
/// and FREQUENCY. `.INC` interpolates over ranks 0…n−1 (Excel's PERCENTILE), `.EXC` over
/// 1…n+1 of n+1 (and is #NUM! outside the ranks it can reach).
extension FunctionRegistry {
    static let percentileFunctions: [FunctionDefinition] = [
        percentile("PERCENTILE", exclusive: false), percentile("PERCENTILE.INC", exclusive: false),
        percentile("PERCENTILE.EXC", exclusive: true),
        quartile("QUARTILE", exclusive: false), quartile("QUARTILE.INC", exclusive: false),
        quartile("QUARTILE.EXC", exclusive: true),
        percentRank("PERCENTRANK", exclusive: false), percentRank("PERCENTRANK.INC", exclusive: false),
        percentRank("PERCENTRANK.EXC", exclusive: true),
        FunctionDefinition("MODE", 1...variadic) { (args) throws(FormulaError) in
            .number(try Ranks.modes(try args.numbers())[0])
        },
        FunctionDefinition("MODE.SNGL", 1...variadic) { (args) throws(FormulaError) in
            .number(try Ranks.modes(try args.numbers())[0])
        },
        FunctionDefinition("MODE.MULT", 1...variadic) { (args) throws(FormulaError) in
            let modes = try Ranks.modes(try args.numbers())
            return .array(Matrix(rows: modes.count, columns: 1, values: modes.map { .number($0) }))
        },
        FunctionDefinition("TRIMMEAN", 2...2) { (args) throws(FormulaError) in
            let x = try args.numbers(at: 0).sorted(), fraction = try args.number(1)
            guard fraction >= 0, fraction < 1, !x.isEmpty else { throw FormulaError.number }
            // Excel drops the same whole number of values at each end, rounded down.
            let dropped = Int((Double(x.count) * fraction / 2).rounded(.down))
            let kept = x[dropped..<(x.count - dropped)]
            return .number(kept.reduce(0, +) / Double(kept.count))
        },
        FunctionDefinition("FREQUENCY", 2...2) { (args) throws(FormulaError) in
            let data = try args.numbers(at: 0), bins = try args.numbers(at: 1)
            // Each value counts in the smallest bin at or above it; above every bin, in the extra last row.
            let order = bins.indices.sorted { bins[$0] < bins[$1] }
            var counts = [Double](repeating: 0, count: bins.count + 1)
            for x in data {
                if let k = order.first(where: { x <= bins[$0] }) { counts[k] += 1 } else { counts[bins.count] += 1 }
            }
            return .array(Matrix(rows: counts.count, columns: 1, values: counts.map { .number($0) }))
        },
    ]

    private static func percentile(_ name: String, exclusive: Bool) -> FunctionDefinition {
        FunctionDefinition(name, 2...2) { (args) throws(FormulaError) in
            let x = try args.numbers(at: 0).sorted()
            return try lifting(args, 1) { (k) throws(FormulaError) in try Ranks.percentile(x, k, exclusive: exclusive) }
        }
    }

    private static func quartile(_ name: String, exclusive: Bool) -> FunctionDefinition {
        FunctionDefinition(name, 2...2) { (args) throws(FormulaError) in
            let x = try args.numbers(at: 0).sorted()
            return try lifting(args, 1) { (q) throws(FormulaError) in
                let quart = q.rounded(.towardZero)
                guard exclusive ? (1...3).contains(quart) : (0...4).contains(quart) else { throw FormulaError.number }
                return try Ranks.percentile(x, quart / 4, exclusive: exclusive)
            }
        }
    }

    private static func percentRank(_ name: String, exclusive: Bool) -> FunctionDefinition {
        FunctionDefinition(name, 2...3) { (args) throws(FormulaError) in
            let x = try args.numbers(at: 0).sorted()
            let significance = try args.integer(2, default: 3)
            guard significance >= 1 else { throw FormulaError.number }
            return try lifting(args, 1) { (value) throws(FormulaError) in
                let rank = try Ranks.percentRank(x, value, exclusive: exclusive)
                let scale = pow(10, Double(significance))
                // Excel cuts the rank to `significance` digits; the small nudge keeps 0.7 as 0.7.
                return (rank * scale * (1 + 1e-15)).rounded(.down) / scale
            }
        }
    }

    /// A statistic of a sample at one position `i`, element by element when the position is an array.
    static func lifting(_ args: Arguments, _ i: Int, _ body: (Double) throws(FormulaError) -> Double) throws(FormulaError) -> Operand {
        if args[i].isMultiCell {
            let m = try args.matrix(i)
            var values: [Value] = []
            for v in m.values {
                switch v.asNumber() {
                case .success(let n):
                    do throws(FormulaError) { values.append(try finite(try body(n))) } catch { values.append(.error(error)) }
                case .failure(let e): values.append(.error(e))
                }
            }
            return .array(Matrix(rows: m.rows, columns: m.columns, values: values))
        }
        return .value(try finite(try body(try args.number(i))))
    }
}

/// Ranks, percentiles and modes of sorted samples.
enum Ranks {
    static func percentile(_ x: [Double], _ k: Double, exclusive: Bool) throws(FormulaError) -> Double {
        guard !x.isEmpty else { throw FormulaError.number }
        let n = Double(x.count)
        let rank: Double
        if exclusive {
            guard k > 0, k < 1 else { throw FormulaError.number }
            rank = k * (n + 1) - 1
            guard rank >= 0, rank <= n - 1 else { throw FormulaError.number }
        } else {
            guard k >= 0, k <= 1 else { throw FormulaError.number }
            rank = k * (n - 1)
        }
        let low = Int(rank.rounded(.down)), fraction = rank - Double(low)
        guard low + 1 < x.count else { return x[low] }
        return x[low] + fraction * (x[low + 1] - x[low])
    }

    /// The rank of `value` among the sorted `x` as a fraction, interpolated between neighbours.
    static func percentRank(_ x: [Double], _ value: Double, exclusive: Bool) throws(FormulaError) -> Double {
        guard let first = x.first, let last = x.last else { throw FormulaError.number }
        guard value >= first, value <= last else { throw FormulaError.notAvailable }
        let n = Double(x.count)
        let smaller = x.firstIndex { $0 >= value } ?? x.count
        var position = Double(smaller)
        if x[smaller] != value {
            // Between x[smaller − 1] and x[smaller].
            let below = x[smaller - 1], above = x[smaller]
            position = Double(smaller - 1) + (value - below) / (above - below)
        }
        if exclusive { return (position + 1) / (n + 1) }
        guard x.count > 1 else { return 1 }
        return position / (n - 1)
    }

    /// The most frequent numbers, in the order they first appear; #N/A when none repeats.
    static func modes(_ x: [Double]) throws(FormulaError) -> [Double] {
        var counts: [Double: Int] = [:]
        for v in x { counts[v, default: 0] += 1 }
        guard let best = counts.values.max(), best > 1 else { throw FormulaError.notAvailable }
        var seen = Set<Double>(), result: [Double] = []
        for v in x where counts[v] == best && seen.insert(v).inserted { result.append(v) }
        return result
    }
}
