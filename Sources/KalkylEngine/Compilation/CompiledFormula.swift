/// A formula ready to run: its code, the references the dependency graph needs, and flags.
/// One `CompiledFormula` serves every cell whose formula is the same relative to its position.
public final class CompiledFormula: @unchecked Sendable {
    public let expression: Expression
    let code: [Instruction]
    /// The constants `Instruction.constant` pushes.
    let constants: [Operand]
    let references: [CompiledReference]
    /// Contains RAND, NOW, TODAY, OFFSET or INDIRECT: recalculated on every recalculation.
    public let isVolatile: Bool
    /// Reads cells that are not among its static references (OFFSET, INDIRECT, `:` between
    /// computed references); the recalculation checks such reads against cells not yet computed.
    let readsDynamicReferences: Bool
    /// Only numbers, single cells, arithmetic, ROUND/ROUNDUP/ROUNDDOWN and SUM of one range
    /// (`A1*2`, `B7+C7-1`, `ROUND(($B$1-$B$2*21)*C4,0)`, `B4/SUM($B$4:$B$24)`): the evaluator may
    /// run it on plain numbers (see `Evaluator.arithmetic`).
    let isArithmetic: Bool
    /// Problems found while compiling, e.g. a wrong number of arguments; the cell shows an error.
    public let diagnostics: [String]
    /// The functions and defined names it uses that Kalkyl or the workbook does not have
    /// (each makes the cell #NAME?).
    public let unknownNames: [String]
    /// How many values LET binds (the evaluator's local slots).
    let localCount: Int

    init(expression: Expression, code: [Instruction], constants: [Operand], references: [CompiledReference],
         isVolatile: Bool, readsDynamicReferences: Bool, diagnostics: [String], unknownNames: [String], localCount: Int = 0) {
        self.localCount = localCount
        self.expression = expression
        self.code = code
        self.constants = constants
        self.references = references
        self.isVolatile = isVolatile
        self.readsDynamicReferences = readsDynamicReferences
        self.diagnostics = diagnostics
        self.unknownNames = unknownNames
        isArithmetic = code.indices.allSatisfy { pc in
            switch code[pc] {
            // A cell as a function's argument (`.cell`) is read as its value, as ROUND reads it.
            case .number, .cellValue, .cell, .negate, .plus, .percent: return true
            case .binary(let op):
                if op.isArithmetic { return true }
                // A comparison only as IF's condition: its TRUE or FALSE goes to the branch,
                // never into the cell.
                guard op.isComparison, pc + 1 < code.count, case .branchOnCondition = code[pc + 1] else { return false }
                return true
            // IF(condition, then, else), whose branches the number route takes as plain jumps.
            case .branchOnCondition, .endBranch: return true
            case .joinBranches(let function, let argumentCount): return argumentCount == 3 && function == FunctionRegistry.ifID
            case .call(let function, let argumentCount):
                if argumentCount == 2 { return FunctionRegistry.roundingMode(of: function) != nil }
                // SUM of the range just before it (which the case below checks).
                guard argumentCount == 1, function == FunctionRegistry.sumID, pc > 0, case .area = code[pc - 1] else { return false }
                return true
            case .area:
                // Only as SUM's one argument.
                guard pc + 1 < code.count, case .call(let function, 1) = code[pc + 1] else { return false }
                return function == FunctionRegistry.sumID
            default: return false
            }
        }
    }
}
