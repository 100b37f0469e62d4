/// An error value. The first seven are Excel's; `cycle` marks a cell in a circular reference.
public enum FormulaError: UInt8, CaseIterable, Sendable, Error {
    case null = 1
    case divisionByZero = 2
    case value = 3
    case reference = 4
    case name = 5
    case number = 6
    case notAvailable = 7
    /// Kalkyl's own: the cell is part of a circular reference (Excel shows 0 and a warning).
    case cycle = 8
    /// Excel 365's: an array result cannot spill (the cells it would cover are not empty, or it
    /// would leave the sheet).
    case spill = 9
    /// Excel 365's: a calculation with no result Excel can show, such as an empty array (FILTER
    /// with nothing matching).
    case calc = 10

    /// The code as Excel writes it, e.g. `#DIV/0!`.
    public var code: String {
        switch self {
        case .null: return "#NULL!"
        case .divisionByZero: return "#DIV/0!"
        case .value: return "#VALUE!"
        case .reference: return "#REF!"
        case .name: return "#NAME?"
        case .number: return "#NUM!"
        case .notAvailable: return "#N/A"
        case .cycle: return "#CYCLE!"
        case .spill: return "#SPILL!"
        case .calc: return "#CALC!"
        }
    }

    /// Parses an error code, case-insensitively (`#n/a` is `#N/A`).
    public init?(code: String) {
        let upper = code.uppercased()
        guard let match = FormulaError.allCases.first(where: { $0.code == upper }) else { return nil }
        self = match
    }
}
