import Foundation

/// AGGREGATE: one of nineteen aggregates, optionally leaving out error values (options 2, 3, 6
/// and 7). Kalkyl has no hidden rows, so the options that skip them are the same as those that
/// do not; nested SUBTOTAL and AGGREGATE results (options 0–3) are counted, as Kalkyl does not
/// yet mark them (a known gap).
extension FunctionRegistry {
    static let aggregateFunctions: [FunctionDefinition] = [
        FunctionDefinition("AGGREGATE", 3...variadic) { (args) throws(FormulaError) in
            let function = try args.integer(0), options = try args.integer(1)
            let names = ["AVERAGE", "COUNT", "COUNTA", "MAX", "MIN", "PRODUCT", "STDEV.S", "STDEV.P", "SUM", "VAR.S",
                         "VAR.P", "MEDIAN", "MODE.SNGL", "LARGE", "SMALL", "PERCENTILE.INC", "QUARTILE.INC",
                         "PERCENTILE.EXC", "QUARTILE.EXC"]
            guard (1...19).contains(function), (0...7).contains(options) else { throw FormulaError.value }
            guard let id = FunctionRegistry.id(of: names[function - 1]) else { throw FormulaError.value }
            let skipsErrors = [2, 3, 6, 7].contains(options)
            func data(_ i: Int) throws(FormulaError) -> Operand {
                var m = try args.matrix(i)
                if skipsErrors {
                    m = Matrix(rows: 1, columns: m.values.count { !$0.isError }, values: m.values.filter { !$0.isError })
                }
                return .array(m)
            }
            var operands: [Operand] = []
            if function >= 14 {
                guard args.count == 4 else { throw FormulaError.value }
                operands = [try data(2), args[3]]
            } else {
                for i in 2..<args.count { operands.append(try data(i)) }
            }
            return FunctionRegistry.call(Int(id), Arguments(operands[...], context: args.context))
        },
    ]
}
