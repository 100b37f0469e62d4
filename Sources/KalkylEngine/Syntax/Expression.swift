/// A parsed formula. References are stored relative to the cell that holds the formula
/// (see `ReferenceCoordinate`), so the formulas `=A1*2` in B1 and `=A2*2` in B2 are the same
/// `Expression`: filled-down formulas are compiled and stored once.
public indirect enum Expression: Hashable, Sendable {
    case number(Double)
    case text(String)
    case boolean(Bool)
    case error(FormulaError)
    /// `{1,2;3,4}`: rows of constants.
    case array([[Expression]])
    case reference(Reference)
    /// A defined name such as `Total`.
    case name(String)
    /// A part of an Excel table by name, such as `Tabell1[Belopp]`.
    case structured(StructuredReference)
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
    /// Postfix `%`.
    case percent(Expression)
    /// A function call; the name is upper case without Excel's `_xlfn.` prefix.
    case call(String, [Expression])
    /// An omitted argument, as in `IF(A1,,2)`.
    case missing
    /// Parentheses the author wrote, kept so the formula prints back as written.
    case parenthesized(Expression)
}

extension Expression {
    /// An operand `@` cannot take without parentheses: an operation looser than `@` itself.
    var needsParenthesesAfterAt: Bool {
        if case .binary(let op, _, _) = self { return op != .range && op != .intersection }
        return false
    }

    /// A reference to one cell (`A1`, `Sheet2!$B$3`).
    var isCellReference: Bool {
        if case .reference(let r) = self { return r.shape == .cell }
        return false
    }

    /// Whether some function call anywhere in the expression is one `isMatch` picks (by its
    /// name as written and its arguments); walked without recursion.
    public func containsCall(where isMatch: (String, [Expression]) -> Bool) -> Bool {
        var stack = [self]
        while let e = stack.popLast() {
            switch e {
            case .call(let name, let arguments):
                if isMatch(name, arguments) { return true }
                stack += arguments
            case .unary(_, let x), .percent(let x), .parenthesized(let x): stack.append(x)
            case .binary(_, let l, let r): stack += [l, r]
            case .array(let rows): stack += rows.flatMap { $0 }
            default: break
            }
        }
        return false
    }
}

public enum UnaryOperator: String, Hashable, Sendable {
    case minus = "-"
    case plus = "+"
}

public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    case concatenate = "&"
    case equal = "=", notEqual = "<>", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    /// `:` between two references that are not both plain cells, e.g. `A1:INDEX(B:B,3)`.
    case range = ":"
    /// A space between two references: the cells they share, e.g. `A1:A5 A3:A8` is A3:A5.
    case intersection = " "

    /// `= <> < <= > >=`: operators that give TRUE or FALSE.
    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }

    /// `+ - * / ^`: operators on numbers that give numbers.
    public var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide, .power: return true
        default: return false
        }
    }
}

/// One coordinate of a reference: absolute (`$B`, an index) or relative (`B`, an offset from
/// the formula's own cell).
public struct ReferenceCoordinate: Hashable, Sendable {
    public var value: Int32
    public var isAbsolute: Bool

    public init(_ value: Int32, absolute: Bool) {
        self.value = value
        self.isAbsolute = absolute
    }

    /// The index this coordinate points at from a host index; may be out of the sheet.
    @inline(__always)
    public func resolve(from host: Int32) -> Int32 { isAbsolute ? value : host + value }
}

/// A static reference: a cell, a rectangle, whole columns (`A:C`) or whole rows (`1:3`),
/// optionally on a named sheet.
public struct Reference: Hashable, Sendable {
    public enum Shape: Hashable, Sendable { case cell, area, columns, rows }

    public var sheet: String?
    public var shape: Shape
    public var startRow: ReferenceCoordinate
    public var startColumn: ReferenceCoordinate
    public var endRow: ReferenceCoordinate
    public var endColumn: ReferenceCoordinate

    public init(sheet: String?, shape: Shape, startRow: ReferenceCoordinate, startColumn: ReferenceCoordinate,
                endRow: ReferenceCoordinate, endColumn: ReferenceCoordinate) {
        self.sheet = sheet
        self.shape = shape
        self.startRow = startRow
        self.startColumn = startColumn
        self.endRow = endRow
        self.endColumn = endColumn
    }

    /// The reference without its sheet name: what a compiled formula keeps.
    public var area: RelativeArea {
        RelativeArea(shape: shape, startRow: startRow, startColumn: startColumn, endRow: endRow, endColumn: endColumn)
    }

    /// The rectangle this reference covers from a host cell, or nil when it falls off the sheet (#REF!).
    public func resolve(from host: CellAddress) -> CellRange? { area.resolve(from: host) }
}
