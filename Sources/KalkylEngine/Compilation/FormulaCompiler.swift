/// What the compiler needs to know of the workbook: sheet indexes and defined names.
protocol CompilationEnvironment {
    func sheetIndex(named name: String) -> Int?
    /// The expression a defined name stands for, seen from a sheet (sheet scope first).
    func definedName(_ name: String, fromSheet sheet: Int) -> Expression?
    /// The table of that name (case-insensitive).
    func table(named name: String) -> Table?
}

/// Turns an `Expression` into postfix `Instruction`s. Defined names are compiled in place,
/// so a change of a name's definition recompiles the formulas (see `Workbook.defineName`).
struct FormulaCompiler {
    let environment: any CompilationEnvironment
    let hostSheet: Int
    var code: [Instruction] = []
    private var constants: [Operand] = []
    private var references: [CompiledReference] = []
    private var isVolatile = false
    private var readsDynamicReferences = false
    var diagnostics: [String] = []
    private var unknownNames: [String] = []
    private var namesBeingExpanded: [String] = []
    /// LET's names in scope, innermost last, with their local slots (see `LetBindings.swift`).
    var letNames: [(name: String, slot: Int32)] = []
    /// LET's names that stand for a LAMBDA, called like functions (see `LambdaHelpers.swift`).
    var lambdaNames: [(name: String, parameters: [String], body: Expression)] = []
    /// The LAMBDA names whose calls are being compiled, to refuse one that calls itself.
    var lambdasBeingCalled: [String] = []
    var localCount = 0

    init(environment: any CompilationEnvironment, hostSheet: Int) {
        self.environment = environment
        self.hostSheet = hostSheet
    }

    static func compile(_ expression: Expression, hostSheet: Int, environment: any CompilationEnvironment) -> CompiledFormula {
        var compiler = FormulaCompiler(environment: environment, hostSheet: hostSheet)
        var whole = expression
        while case .parenthesized(let inner) = whole { whole = inner }
        if case .call(let name, let arguments) = whole {
            compiler.emitCall(name, arguments, isWholeFormula: true)
        } else {
            compiler.emit(expression, asValue: true)
        }
        return CompiledFormula(expression: expression, code: compiler.code, constants: compiler.constants, references: compiler.references,
                               isVolatile: compiler.isVolatile, readsDynamicReferences: compiler.readsDynamicReferences,
                               diagnostics: compiler.diagnostics, unknownNames: compiler.unknownNames, localCount: compiler.localCount)
    }

    /// Whether compiling this expression depends on the sheet it is on (it uses a defined name
    /// that may be sheet-scoped), which decides whether it can be shared across sheets.
    static func usesNames(_ expression: Expression) -> Bool {
        switch expression {
        case .name: return true
        case .unary(_, let e), .percent(let e), .parenthesized(let e): return usesNames(e)
        case .binary(_, let l, let r): return usesNames(l) || usesNames(r)
        case .call(_, let args): return args.contains(where: usesNames)
        default: return false
        }
    }

    /// Emits code that pushes the expression's result. `asValue`: only the value of a single
    /// cell matters there (an operator's operand, the whole formula), not the reference.
    mutating func emit(_ expression: Expression, asValue: Bool = false) {
        switch expression {
        case .number(let n): code.append(.number(n))
        case .text(let s): emitConstant(.value(.text(s)))
        case .boolean(let b): emitConstant(.value(.boolean(b)))
        case .error(let e): emitConstant(.error(e))
        case .missing: emitConstant(.empty)
        case .array(let rows): emitConstant(.array(constantArray(rows)))
        case .reference(let reference): emitReference(reference, asValue: asValue)
        case .name(let name): emitName(name, asValue: asValue)
        case .structured(let reference): emitStructured(reference, asValue: asValue)
        case .parenthesized(let inner): emit(inner, asValue: asValue)
        case .unary(let op, let operand):
            emit(operand, asValue: true)
            code.append(op == .minus ? .negate : .plus)
        case .percent(let operand):
            emit(operand, asValue: true)
            code.append(.percent)
        case .binary(let op, let left, let right):
            let referencesMatter = op == .range || op == .intersection
            emit(left, asValue: !referencesMatter)
            emit(right, asValue: !referencesMatter)
            if op == .range { readsDynamicReferences = true }
            code.append(.binary(op))
        case .call(let name, let arguments):
            emitCall(name, arguments)
        }
    }

    mutating func emitConstant(_ operand: Operand) {
        code.append(.constant(Int32(constants.count)))
        constants.append(operand)
    }

    private func constantArray(_ rows: [[Expression]]) -> Matrix {
        var values: [Value] = []
        for row in rows {
            for element in row {
                switch element {
                case .number(let n): values.append(.number(n))
                case .text(let s): values.append(.text(s))
                case .boolean(let b): values.append(.boolean(b))
                case .error(let e): values.append(.error(e))
                default: values.append(.error(.value))
                }
            }
        }
        return Matrix(rows: rows.count, columns: rows.first?.count ?? 0, values: values)
    }

    private mutating func emitReference(_ reference: Reference, asValue: Bool) {
        var sheet: Int32 = -1
        if let name = reference.sheet {
            guard let index = environment.sheetIndex(named: name) else {
                diagnostics.append("no sheet named '\(name)'")
                emitConstant(.error(.reference))
                return
            }
            sheet = Int32(index)
        }
        references.append(CompiledReference(sheet: sheet, area: reference.area))
        if reference.shape != .cell {
            code.append(.area(sheet: sheet, area: reference.area))
        } else if asValue {
            code.append(.cellValue(sheet: sheet, row: reference.startRow, column: reference.startColumn))
        } else {
            code.append(.cell(sheet: sheet, row: reference.startRow, column: reference.startColumn))
        }
    }

    /// A table's part, as the reference to the cells it covers now.
    private mutating func emitStructured(_ structured: StructuredReference, asValue: Bool) {
        guard let table = environment.table(named: structured.table) else {
            unknownNames.append(structured.table)
            emitConstant(.error(.name))
            return
        }
        guard let area = table.reference(for: structured) else {
            diagnostics.append("\(structured.text) names no cells of the table \(table.name)")
            emitConstant(.error(.reference))
            return
        }
        let sheet = Int32(table.sheet)
        references.append(CompiledReference(sheet: sheet, area: area))
        if area.shape != .cell {
            code.append(.area(sheet: sheet, area: area))
        } else if asValue {
            code.append(.cellValue(sheet: sheet, row: area.startRow, column: area.startColumn))
        } else {
            code.append(.cell(sheet: sheet, row: area.startRow, column: area.startColumn))
        }
    }

    private mutating func emitName(_ name: String, asValue: Bool) {
        let key = name.uppercased()
        if let bound = letNames.last(where: { $0.name == key }) {
            code.append(.local(bound.slot))
            return
        }
        // A LAMBDA as a value: no cell can show one.
        if lambdaNames.contains(where: { $0.name == key }) { return emitConstant(.error(.calc)) }
        guard !namesBeingExpanded.contains(key),
              let definition = environment.definedName(name, fromSheet: hostSheet) else {
            // A table's name alone is its data rows.
            if environment.table(named: name) != nil { return emitStructured(StructuredReference(table: name), asValue: asValue) }
            if namesBeingExpanded.contains(key) { diagnostics.append("the name '\(name)' refers to itself") } else { unknownNames.append(name) }
            emitConstant(.error(.name))
            return
        }
        namesBeingExpanded.append(key)
        emit(definition, asValue: asValue)
        namesBeingExpanded.removeLast()
    }

    /// `isWholeFormula`: the call's result is the cell's value (see `FunctionRegistry.cellResultVariant`).
    private mutating func emitCall(_ name: String, _ arguments: [Expression], isWholeFormula: Bool = false) {
        let count = Int32(arguments.count)
        if FunctionRegistry.id(of: name) == nil || lambdaNames.contains(where: { $0.name == name.uppercased() }),
           let lambda = lambda(.name(name)) {
            return emitLambdaCall(name, lambda, arguments)
        }
        guard let id = FunctionRegistry.id(of: name) else {
            for argument in arguments { emit(argument) }
            diagnostics.append("unknown function \(name)")
            unknownNames.append(name)
            code.append(.fail(.name, argumentCount: count))
            return
        }
        let definition = FunctionRegistry.definitions[Int(id)]
        guard definition.arity.contains(arguments.count) else {
            for argument in arguments { emit(argument) }
            diagnostics.append("\(name) takes \(definition.arityDescription), not \(arguments.count)")
            code.append(.fail(.value, argumentCount: count))
            return
        }
        if definition.name == "LET" { return emitLet(arguments) }
        if definition.name == "LAMBDA" {
            // Not called: a LAMBDA as a value, which a cell cannot show.
            return emitConstant(.error(.calc))
        }
        if emitHelper(definition.name, arguments) { return }
        if emitLazily(definition.name, id: id, arguments) { return }
        for argument in arguments { emit(argument) }
        if definition.isVolatile { isVolatile = true }
        if definition.readsDynamicReferences { readsDynamicReferences = true }
        code.append(.call(function: isWholeFormula ? FunctionRegistry.cellResultVariant(of: id) : id, argumentCount: count))
    }
}
