/// One step of a compiled formula. Formulas run as postfix code on a value stack, so
/// evaluation needs no recursion however deeply the formula nests.
///
/// Every case is plain data (text and array constants sit in `CompiledFormula.constants`), so
/// stepping through the code copies no reference-counted payloads.
enum Instruction {
    /// A number literal.
    case number(Double)
    /// `CompiledFormula.constants[index]`: text, a boolean, an error, an omitted argument, an array.
    case constant(Int32)
    /// A single cell as a reference (for functions: `ROW(A1)`, `ISBLANK(A1)`, `SUM(A1)`);
    /// sheet -1 is the formula's own sheet.
    case cell(sheet: Int32, row: ReferenceCoordinate, column: ReferenceCoordinate)
    /// A single cell's value, where only the value matters: an operand of an operator, or the
    /// whole formula.
    case cellValue(sheet: Int32, row: ReferenceCoordinate, column: ReferenceCoordinate)
    /// An area, whole columns or whole rows.
    case area(sheet: Int32, area: RelativeArea)
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
    var area: RelativeArea
}
