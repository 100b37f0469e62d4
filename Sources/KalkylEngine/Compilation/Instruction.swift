/// One step of a compiled formula. Formulas run as postfix code on a value stack, so
/// evaluation needs no recursion however deeply the formula nests.
enum Instruction {
    /// A constant; `.empty` stands for an omitted argument.
    case push(Value)
    case pushArray(Matrix)
    /// A single cell; sheet -1 is the formula's own sheet.
    case cell(sheet: Int32, row: ReferenceCoordinate, column: ReferenceCoordinate)
    /// An area, whole columns or whole rows.
    case area(sheet: Int32, reference: Reference)
    case negate
    case plus
    case percent
    case binary(BinaryOperator)
    /// Calls a function of `FunctionRegistry` with the top `argumentCount` operands.
    case call(function: Int32, argumentCount: Int32)
    /// Drops `argumentCount` operands and pushes `error` (an unknown function, a wrong number of arguments).
    case fail(FormulaError, argumentCount: Int32)
}

/// A static reference of a formula, for the dependency graph; sheet -1 is the formula's own sheet.
struct CompiledReference: Hashable {
    var sheet: Int32
    var reference: Reference
}
