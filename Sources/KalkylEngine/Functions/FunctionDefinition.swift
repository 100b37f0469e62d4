/// A built-in function: its name, how many arguments it takes and how it computes.
final class FunctionDefinition: Sendable {
    typealias Body = @Sendable (Arguments) throws(FormulaError) -> Operand

    let name: String
    let arity: ClosedRange<Int>
    /// Recalculated on every recalculation (RAND, NOW, OFFSET …).
    let isVolatile: Bool
    /// Reads cells it was not given as static references (OFFSET, INDIRECT).
    let readsDynamicReferences: Bool
    /// A function of single values that Excel applies element by element to arrays and ranges.
    let liftsArrays: Bool
    let body: Body

    init(_ name: String, _ arity: ClosedRange<Int>, volatile: Bool = false, dynamic: Bool = false,
         lifts: Bool = false, _ body: @escaping Body) {
        self.name = name
        self.arity = arity
        self.isVolatile = volatile || dynamic
        self.readsDynamicReferences = dynamic
        self.liftsArrays = lifts
        self.body = body
    }

    /// A function of single values, applied element-wise to arrays.
    static func scalar(_ name: String, _ arity: ClosedRange<Int>, volatile: Bool = false,
                       _ body: @escaping @Sendable (Arguments) throws(FormulaError) -> Value) -> FunctionDefinition {
        FunctionDefinition(name, arity, volatile: volatile, lifts: true) { (args) throws(FormulaError) in .value(try body(args)) }
    }

    var arityDescription: String {
        if arity.lowerBound == arity.upperBound { return "\(arity.lowerBound) argument\(arity.lowerBound == 1 ? "" : "s")" }
        if arity.upperBound == Int.max { return "at least \(arity.lowerBound) argument\(arity.lowerBound == 1 ? "" : "s")" }
        return "\(arity.lowerBound) to \(arity.upperBound) arguments"
    }
}

let variadic = Int.max
