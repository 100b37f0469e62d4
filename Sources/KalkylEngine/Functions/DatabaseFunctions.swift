import Foundation

/// The database functions: an aggregate of one field of a table's records that meet a criteria
/// range. The table and the criteria have labels in their first row; a field is a label
/// (case-insensitive) or a column number. Each further criteria row is one alternative (OR);
/// within a row every condition must hold (AND); a blank condition holds for every record.
/// Conditions are COUNTIFS criteria (`>5`, `<>x`, `=abc`, wildcards), except that text without an
/// operator matches text that begins with it, as in Excel's advanced filter. Kalkyl does not
/// evaluate computed criteria (a formula condition under a label that is no field).
extension FunctionRegistry {
    static let databaseFunctions: [FunctionDefinition] = [
        database("DSUM") { (x) throws(FormulaError) in x.reduce(0, +) },
        database("DAVERAGE") { (x) throws(FormulaError) in
            guard !x.isEmpty else { throw FormulaError.divisionByZero }
            return Moments.mean(x)
        },
        database("DMAX") { (x) throws(FormulaError) in x.max() ?? 0 },
        database("DMIN") { (x) throws(FormulaError) in x.min() ?? 0 },
        database("DPRODUCT") { (x) throws(FormulaError) in x.isEmpty ? 0 : x.reduce(1, *) },
        database("DSTDEV") { (x) throws(FormulaError) in try Moments.variance(x, sample: true).squareRoot() },
        database("DSTDEVP") { (x) throws(FormulaError) in try Moments.variance(x, sample: false).squareRoot() },
        database("DVAR") { (x) throws(FormulaError) in try Moments.variance(x, sample: true) },
        database("DVARP") { (x) throws(FormulaError) in try Moments.variance(x, sample: false) },
        FunctionDefinition("DCOUNT", 2...3) { (args) throws(FormulaError) in
            let records = try Database(args)
            if records.field == nil { return .value(.number(Double(records.matching.count))) }
            return .value(.number(Double(records.fieldValues.count { if case .number = $0 { return true }; return false })))
        },
        FunctionDefinition("DCOUNTA", 2...3) { (args) throws(FormulaError) in
            let records = try Database(args)
            if records.field == nil { return .value(.number(Double(records.matching.count))) }
            return .value(.number(Double(records.fieldValues.count { $0 != .empty })))
        },
        FunctionDefinition("DGET", 3...3) { (args) throws(FormulaError) in
            let values = try Database(args).fieldValues
            guard values.count == 1 else { throw values.isEmpty ? FormulaError.value : FormulaError.number }
            return .value(values[0])
        },
    ]

    private static func database(_ name: String, _ body: @escaping @Sendable ([Double]) throws(FormulaError) -> Double) -> FunctionDefinition {
        FunctionDefinition(name, 3...3) { (args) throws(FormulaError) in
            let values = try Database(args).fieldValues
            var numbers: [Double] = []
            for v in values {
                if case .number(let n) = v { numbers.append(n) } else if case .error(let e) = v { throw e }
            }
            return .value(try finite(try body(numbers)))
        }
    }
}

/// A table, its records that meet the criteria, and the field asked for.
struct Database {
    let table: Matrix
    let field: Int?
    let matching: [Int]

    init(_ args: Arguments) throws(FormulaError) {
        let table = try args.matrix(0)
        self.table = table
        guard table.rows >= 1 else { throw FormulaError.value }
        let labels = (0..<table.columns).map { table[0, $0] }
        func column(of label: Value) -> Int? {
            guard case .text(let s) = label else { return nil }
            return labels.firstIndex { if case .text(let l) = $0 { return l.lowercased() == s.lowercased() }; return false }
        }
        if args.count == 2 || args.isOmitted(1) {
            field = nil
        } else {
            switch args.scalar(1) {
            case .number(let n):
                let i = Int(n.rounded(.towardZero))
                guard i >= 1, i <= table.columns else { throw FormulaError.value }
                field = i - 1
            case .text(let s):
                guard let i = column(of: .text(s)) else { throw FormulaError.value }
                field = i
            case .error(let e): throw e
            default: throw FormulaError.value
            }
        }
        let criteria = try args.matrix(args.count - 1)
        guard criteria.rows >= 2 else { throw FormulaError.value }
        var alternatives: [[(column: Int, criterion: Criterion)]] = []
        for r in 1..<criteria.rows {
            var conditions: [(Int, Criterion)] = []
            for c in 0..<criteria.columns {
                let condition = criteria[r, c]
                if condition == .empty { continue }
                guard let i = column(of: criteria[0, c]) else { throw FormulaError.value }
                conditions.append((i, Database.criterion(condition)))
            }
            alternatives.append(conditions)
        }
        matching = (1..<max(1, table.rows)).filter { record in
            alternatives.contains { conditions in conditions.allSatisfy { $0.criterion.matches(table[record, $0.column]) } }
        }
    }

    var fieldValues: [Value] {
        guard let field else { return [] }
        return matching.map { table[$0, field] }
    }

    /// Text without a comparison operator matches text beginning with it (`Ap` finds `Apple`).
    static func criterion(_ value: Value) -> Criterion {
        if case .text(let s) = value, let first = s.first, !"=<>".contains(first), !s.hasSuffix("*") {
            return Criterion(.text(s + "*"))
        }
        return Criterion(value)
    }
}
