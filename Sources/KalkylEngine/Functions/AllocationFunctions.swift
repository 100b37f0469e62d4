extension FunctionRegistry {
    static let allocationFunctions: [FunctionDefinition] = [
        /// ALLOCATE(total, weights, [position]) — Swedish FÖRDELA.
        ///
        /// Splits `total` (rounded to whole kronor) over `weights` in proportion, in whole kronor,
        /// so that the parts always sum to the total exactly: each part first gets the whole
        /// kronor of its exact share, and the kronor left over go one each to the parts with the
        /// largest remainders (the largest-remainder method). Equal remainders: the earlier
        /// position first. Where plain ROUND of every share already sums to the total, the result
        /// is the same as ROUND's.
        ///
        /// Which part a cell gets: `position` (1-based) when given; otherwise, in a cell on the
        /// same row as one of the weights of a weights column (or the same column of a weights
        /// row), that row's part, so `=ALLOCATE($B$1,$C$2:$C$22)` filled down C2:C22's rows gives
        /// each row its part; anywhere else the whole array, so `SUM(ALLOCATE(…))` is the total.
        FunctionDefinition("ALLOCATE", 2...3) { (args) throws(FormulaError) in
            try allocate(args, ownRow: false)
        },
    ]

    /// ALLOCATE as the whole formula of a cell (`=ALLOCATE($B$1,$C$2:$C$22)`), where a cell on
    /// a weight's row takes that row's part. Inside another function (`SUM(ALLOCATE(…))`) the
    /// whole array is the argument, wherever the cell is. The compiler picks this one.
    static let allocateInCell = FunctionDefinition("ALLOCATE", 2...3) { (args) throws(FormulaError) in
        try allocate(args, ownRow: true)
    }

    private static func allocate(_ args: Arguments, ownRow: Bool) throws(FormulaError) -> Operand {
        let total = DecimalRounding.round(try args.number(0), digits: 0)
        guard total >= 0, total < 1e15 else { throw FormulaError.number }
        let shape = args[1].dimensions
        let parts: [Double]
        // Every row of a weights column asks for the same split: computed once a recalculation.
        if args.context.cachesRanges, case .reference(let sheet, let range) = args[1] {
            let key = RangeCache.AllocationKey(total: total, sheet: sheet, range: range)
            let split: Result<[Double], FormulaError>
            if let known = args.context.rangeCache.allocations[key] {
                split = known
            } else {
                do throws(FormulaError) { split = .success(try self.split(total, over: args)) } catch { split = .failure(error) }
                args.context.rangeCache.allocations[key] = split
            }
            parts = try split.get()
        } else {
            parts = try split(total, over: args)
        }
        if !args.isOmitted(2) {
            let position = try args.integer(2)
            guard position >= 1, position <= parts.count else { throw FormulaError.reference }
            return .number(parts[position - 1])
        }
        if ownRow, case .reference(_, let range) = args[1], let offset = Allocation.ownRow(of: range, host: args.context.host) {
            return .number(parts[offset])
        }
        return .array(Matrix(rows: shape.rows, columns: shape.columns, values: parts.map { .number($0) }))
    }

    /// The parts of `total` by the weights of the second argument.
    private static func split(_ total: Double, over args: Arguments) throws(FormulaError) -> [Double] {
        let matrix = try args.matrix(1)
        var weights: [Double] = []
        weights.reserveCapacity(matrix.values.count)
        for value in matrix.values {
            switch value {
            case .number(let w):
                guard w >= 0 else { throw FormulaError.number }
                weights.append(w)
            case .empty, .text: weights.append(0)
            case .boolean: throw FormulaError.value
            case .error(let e): throw e
            }
        }
        return try Allocation.largestRemainder(total: total, weights: weights)
    }
}

/// The largest-remainder method, apart from the function so it can be tested on its own.
public enum Allocation {
    /// Whole parts of `total` (a whole number) in proportion to `weights`, summing to `total`.
    public static func largestRemainder(total: Double, weights: [Double]) throws(FormulaError) -> [Double] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { throw FormulaError.divisionByZero }
        // Whole-number inputs whose products fit in 64 bits are split exactly in integers.
        if let exact = integerAllocation(total: total, weights: weights) { return exact }
        let quotas = weights.map { total * $0 / sum }
        var parts = quotas.map { DecimalRounding.fifteenDigits($0).rounded(.down) }
        let remainders = zip(quotas, parts).map { $0 - $1 }
        let left = Int((total - parts.reduce(0, +)).rounded())
        for i in order(byDescending: remainders).prefix(max(0, left)) { parts[i] += 1 }
        return parts
    }

    private static func integerAllocation(total: Double, weights: [Double]) -> [Double]? {
        guard total == total.rounded(), weights.allSatisfy({ $0 == $0.rounded() && $0 < 1e15 }),
              weights.reduce(0, +) < 9e18 else { return nil }
        let t = Int64(total)
        let w = weights.map { Int64($0) }
        let sum = w.reduce(0, +)
        guard let maxWeight = w.max(), maxWeight == 0 || t <= Int64.max / maxWeight else { return nil }
        var parts = w.map { t * $0 / sum }
        let remainders = w.map { Double(t * $0 % sum) }
        let left = Int(t - parts.reduce(0, +))
        for i in order(byDescending: remainders).prefix(left) { parts[i] += 1 }
        return parts.map { Double($0) }
    }

    /// Positions sorted by value, largest first; equal values keep their order.
    private static func order(byDescending values: [Double]) -> [Int] {
        values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
    }

    /// The index of the host's own row in a one-column range (or own column in a one-row range).
    static func ownRow(of range: CellRange, host: CellAddress) -> Int? {
        if range.columnCount == 1, range.start.row <= host.row, host.row <= range.end.row {
            return Int(host.row - range.start.row)
        }
        if range.rowCount == 1, range.start.column <= host.column, host.column <= range.end.column {
            return Int(host.column - range.start.column)
        }
        return nil
    }
}
