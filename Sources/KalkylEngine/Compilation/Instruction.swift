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

    // Lazy branches: IF, IFS, IFERROR, IFNA, CHOOSE and SWITCH run only the argument they
    // choose, as Excel does (see `LazyBranches.swift` for the code each compiles to). Targets
    // are indexes into the code. An array condition or index needs every branch: such a
    // branch runs *eagerly* (all arguments, then the function's element-wise body), which the
    // evaluator remembers on a small stack of flags so nested branches stay independent.

    /// Continues at `target`.
    case jump(Int32)
    /// IF's condition: true continues into the then-branch, false jumps to `otherwise`, an
    /// error replaces it and jumps to `end`; an array keeps it and runs both branches eagerly.
    case branchOnCondition(otherwise: Int32, end: Int32)
    /// After a branch: jumps to `end` unless the enclosing branch runs eagerly.
    case endBranch(Int32)
    /// Ends an eager branch by calling `function` on its `argumentCount` operands; nothing otherwise.
    case joinBranches(function: Int32, argumentCount: Int32)
    /// IFERROR (`onlyNotAvailable` false) or IFNA: a value that is no such error jumps to `end`
    /// as the result; an error is dropped and the alternative runs.
    case branchOnError(onlyNotAvailable: Bool, end: Int32)
    /// CHOOSE's index: jumps to the `.jump` at position index of the table that follows; an
    /// error or an index out of 1…`count` jumps to `end`; an array runs every choice eagerly.
    case branchOnIndex(count: Int32, end: Int32)
    /// IFS' condition: true continues, false jumps to `next`, an error jumps to `end`.
    case testCondition(next: Int32, end: Int32)
    /// SWITCH's subject: reduced to one value; an error jumps to `end` as the result.
    case switchSubject(end: Int32)
    /// SWITCH's candidate against the subject below it: a match drops both and continues, no
    /// match drops the candidate and jumps to `next`, an error replaces both and jumps to `end`.
    case switchCase(next: Int32, end: Int32)
    /// Drops the top operand (SWITCH's subject before its default).
    case drop

    /// LET: pops the top operand into the formula's local slot `index`.
    case storeLocal(Int32)
    /// LET: pushes the operand in local slot `index` (a name LET bound).
    case local(Int32)

    // LAMBDA's helpers (MAP, REDUCE, SCAN, BYROW, BYCOL, MAKEARRAY) loop over their body in
    // the code, as the branches jump (see `LambdaHelpers.swift`); the loop's state sits on a
    // side stack of the evaluator.

    /// Pops the helper's `inputCount` inputs and starts a loop; with nothing to loop over it
    /// pushes the result (#CALC!, or REDUCE's initial value) and jumps to `end`.
    case beginLoop(LoopKind, inputCount: Int32, end: Int32)
    /// Binds the next element to the `parameterCount` local slots from `firstSlot` and
    /// continues into the body; after the last one pushes the helper's result and jumps to `end`.
    case nextLoop(firstSlot: Int32, parameterCount: Int32, end: Int32)
    /// Pops the body's result for the current element and jumps back to `loop` (the `nextLoop`).
    case collectLoop(loop: Int32)
}

/// What a LAMBDA helper loops over and makes of the body's results.
enum LoopKind: Equatable {
    /// MAP over `arrays` arrays element by element: an array of the results.
    case map(arrays: Int32)
    /// REDUCE(initial, array): the last accumulator; SCAN: every accumulator, as an array.
    case reduce, scan
    /// BYROW and BYCOL: the body's one value per row or column.
    case byRow, byColumn
    /// MAKEARRAY(rows, columns): the body's value at each (row, column), from 1.
    case makeArray
}

/// A static reference of a formula, for the dependency graph; sheet -1 is the formula's own sheet.
struct CompiledReference: Hashable {
    var sheet: Int32
    var area: RelativeArea
}
