/// Every built-in function, by name and by the index compiled formulas call them with.
public enum FunctionRegistry {
    /// The functions by name, then the variants a call compiles to when it is a cell's whole
    /// formula (`cellResultVariant`), which have no name of their own.
    static let definitions: [FunctionDefinition] = namedDefinitions + [allocateInCell]

    private static let namedDefinitions: [FunctionDefinition] =
        mathFunctions + statisticalFunctions + logicalFunctions + lookupFunctions
        + textFunctions + informationFunctions + dateFunctions + allocationFunctions
        + financialFunctions + trigonometricFunctions + spillFunctions + arrayFunctions
        + descriptiveStatistics + percentileFunctions + regressionFunctions + distributionFunctions
        + discreteDistributionFunctions + hypothesisTestFunctions + roundingFunctions + combinatoricFunctions
        + matrixFunctions + numeralFunctions + aggregateFunctions + textSplitFunctions + textConversionFunctions
        + regexFunctions + calendarFunctions + cellInformationFunctions + databaseFunctions
        + engineeringFunctions + unitConversionFunctions + complexFunctions + besselFunctions
        + bondFunctions + depreciationFunctions

    /// The function to call for `id` when the call is the whole formula of a cell.
    static func cellResultVariant(of id: Int32) -> Int32 {
        id == ids["ALLOCATE"] ? Int32(namedDefinitions.count) : id
    }

    private static let ids: [String: Int32] = {
        var map: [String: Int32] = [:]
        for (i, d) in namedDefinitions.enumerated() {
            precondition(map[d.name] == nil, "function \(d.name) is defined twice")
            map[d.name] = Int32(i)
        }
        return map
    }()

    /// Names Excel also accepts for a function Kalkyl defines under another name.
    private static let aliases: [String: String] = [
        "RANK.EQ": "RANK", "STDEV.S": "STDEV", "VAR.S": "VAR", "STDEV.P": "STDEVP", "VAR.P": "VARP",
        // In languages without double-byte characters, bytes are characters.
        "LENB": "LEN", "LEFTB": "LEFT", "RIGHTB": "RIGHT", "MIDB": "MID", "FINDB": "FIND", "SEARCHB": "SEARCH",
        "REPLACEB": "REPLACE",
        // Swedish names of Kalkyl's own functions.
        "FÖRDELA": "ALLOCATE",
    ]

    static func id(of name: String) -> Int32? {
        let canonical = FunctionName.canonical(name)
        return ids[canonical] ?? aliases[canonical].flatMap { ids[$0] }
    }

    /// SUM's index, and the rounding functions' modes: the functions the evaluator's route on
    /// plain numbers runs itself (see `Evaluator.arithmetic`).
    static let sumID = ids["SUM"]!
    static let ifID = ids["IF"]!
    private static let roundingIDs = (ids["ROUND"]!, ids["ROUNDUP"]!, ids["ROUNDDOWN"]!)

    @inline(__always)
    static func roundingMode(of id: Int32) -> DecimalRounding.Mode? {
        switch id {
        case roundingIDs.0: .halfAwayFromZero
        case roundingIDs.1: .awayFromZero
        case roundingIDs.2: .towardZero
        default: nil
        }
    }

    /// The names of every function, for completion and documentation.
    public static var names: [String] { (namedDefinitions.map(\.name) + aliases.keys).sorted() }

    public static func isKnown(_ name: String) -> Bool { id(of: name) != nil }

    /// Whether some call in the expression has a number of arguments its function does not take.
    static func hasWrongArgumentCount(_ expression: Expression) -> Bool {
        expression.containsCall { name, arguments in
            guard let id = id(of: name) else { return false }
            return !definitions[Int(id)].arity.contains(arguments.count)
        }
    }

    /// Aggregates whose result over one range can be shared within a recalculation.
    private static let sharesRangeResults: [Bool] = {
        let names: Set<String> = ["COUNT", "COUNTA", "COUNTBLANK", "AVERAGE", "MIN", "MAX", "MEDIAN", "PRODUCT", "STDEV", "VAR"]
        return definitions.map { names.contains($0.name) }
    }()

    static func call(_ id: Int, _ arguments: Arguments) -> Operand {
        let definition = definitions[id]
        let context = arguments.context
        if context.cachesRanges, arguments.count == 1, sharesRangeResults[id],
           case .reference(let sheet, let range) = arguments[0], !range.isSingleCell {
            let key = RangeCache.AggregateKey(function: Int32(id), sheet: sheet, range: range)
            if let cached = context.rangeCache.aggregates[key] { return cached }
            let result = evaluate(id, definition, arguments)
            context.rangeCache.aggregates[key] = result
            return result
        }
        return evaluate(id, definition, arguments)
    }

    private static func evaluate(_ id: Int, _ definition: FunctionDefinition, _ arguments: Arguments) -> Operand {
        if definition.liftsArrays, arguments.operands.contains(where: \.isMultiCell) {
            return lifted(definition, arguments)
        }
        if let signature = ParameterKinds.liftingSignatures[id] {
            let positions = (0..<arguments.count).filter { arguments[$0].isMultiCell && signature.kind(at: $0) == .value }
            if !positions.isEmpty { return lifted(definition, arguments, at: positions) }
        }
        do {
            return checked(try definition.body(arguments))
        } catch {
            return .error(error)
        }
    }

    /// A function's result as formulas may see it: see `Value.checked`. Every function result
    /// passes here, so no function can hand on an infinity, a NaN or over-long text.
    @inline(__always)
    private static func checked(_ result: Operand) -> Operand {
        switch result {
        case .value(let v): return .value(v.checked)
        case .reference: return result
        case .array(var m):
            // Copied only in the rare case that an element must change.
            guard m.values.contains(where: { $0.checked != $0 }) else { return result }
            for i in m.values.indices { m.values[i] = m.values[i].checked }
            return .array(m)
        }
    }

    /// Applies a function of single values to each element of its array arguments; with
    /// `positions`, only to the arguments there (the values of `ParameterKinds`), the others
    /// passed as they are.
    private static func lifted(_ definition: FunctionDefinition, _ arguments: Arguments, at positions: [Int]? = nil) -> Operand {
        let positions = positions ?? Array(0..<arguments.count)
        let lifting = positions.map { arguments[$0] }
        let rows = lifting.map(\.dimensions.rows).max() ?? 1
        let columns = lifting.map(\.dimensions.columns).max() ?? 1
        let matrices: [Matrix]
        do {
            try Matrix.checkSize(rows: rows, columns: columns)
            matrices = try lifting.map { (operand) throws(FormulaError) in try Arguments.matrix(of: operand, context: arguments.context) }
        } catch {
            return .error(error)
        }
        var values: [Value] = []
        values.reserveCapacity(rows * columns)
        var elementOperands = Array(arguments.operands)
        for r in 0..<rows {
            for c in 0..<columns {
                for (i, m) in matrices.enumerated() { elementOperands[positions[i]] = .value(m.broadcast(row: r, column: c)) }
                let result: Operand
                do {
                    result = try definition.body(Arguments(elementOperands[...], context: arguments.context))
                } catch {
                    result = .error(error)
                }
                values.append(Arguments.scalar(of: result, context: arguments.context).checked)
            }
        }
        return .array(Matrix(rows: rows, columns: columns, values: values))
    }
}
