import KalkylTestSupport
import Testing
@testable import KalkylEngine

/// Random formulas from a grammar of Excel's (references of every kind, names, every function
/// with an argument count it takes, operators, literals, `@` and `A1#`), checked against the
/// shortcuts that must agree with the general code: printed, a formula parses back to itself
/// (English and Swedish); two texts with one relative text parse to one expression, and a
/// formula filled to another cell has the same relative text when it has one; the arithmetic
/// evaluator gives what the general evaluator gives.
struct FormulaGrammarPropertyTests {
    /// A formula as a tree, rendered as text at any host so it can be "filled" elsewhere.
    indirect enum Node {
        case number(String), text(String), boolean(String), error(String)
        case cell(row: Int32, column: Int32, absoluteRow: Bool, absoluteColumn: Bool, sheet: String?)
        case area(Node, Node), columns(Int32, Int32), rows(Int32, Int32)
        case name(String), call(String, [Node]), array([[String]])
        case unary(String, Node), binary(String, Node, Node), percent(Node), parenthesized(Node), missing
        case single(Node), spill(Node)

        func text(at host: CellAddress) -> String {
            switch self {
            case .number(let s), .text(let s), .boolean(let s), .error(let s), .name(let s): return s
            case .cell(let r, let c, let ar, let ac, let sheet):
                let row = ar ? r : host.row + r, column = ac ? c : host.column + c
                return (sheet.map { $0 + "!" } ?? "") + (ac ? "$" : "") + A1.columnName(Int(column)) + (ar ? "$" : "") + String(row + 1)
            case .area(let a, let b): return a.text(at: host) + ":" + b.text(at: host)
            case .columns(let a, let b): return "$" + A1.columnName(Int(a)) + ":$" + A1.columnName(Int(b))
            case .rows(let a, let b): return "$\(a + 1):$\(b + 1)"
            case .call(let f, let args): return f + "(" + args.map { $0.text(at: host) }.joined(separator: ",") + ")"
            case .array(let rows): return "{" + rows.map { $0.joined(separator: ",") }.joined(separator: ";") + "}"
            case .unary(let op, let x): return op + x.text(at: host)
            case .binary(let op, let l, let r): return l.text(at: host) + op + r.text(at: host)
            case .percent(let x): return x.text(at: host) + "%"
            case .parenthesized(let x): return "(" + x.text(at: host) + ")"
            case .missing: return ""
            case .single(let x): return "@" + x.text(at: host)
            case .spill(let x): return x.text(at: host) + "#"
            }
        }
    }

    struct Grammar {
        var random: SeededRandom
        /// Only numbers, cells and arithmetic, as the arithmetic evaluator takes.
        var arithmeticOnly = false
        static let functions: [(String, ClosedRange<Int>)] = FunctionRegistry.definitions
            .filter { !$0.name.isEmpty && FunctionRegistry.id(of: $0.name) != nil }
            .map { ($0.name, $0.arity.lowerBound...min($0.arity.upperBound, $0.arity.lowerBound + 3)) }

        mutating func pick<T>(_ options: [T]) -> T { options.randomElement(using: &random)! }
        mutating func chance(_ n: Int) -> Bool { Int.random(in: 0..<n, using: &random) == 0 }

        /// A cell near the host: relative coordinates are offsets, absolute ones indexes.
        mutating func cell() -> Node {
            let absoluteRow = chance(3), absoluteColumn = chance(3)
            return .cell(row: absoluteRow ? Int32.random(in: 0...9, using: &random) : Int32.random(in: -5...5, using: &random),
                         column: absoluteColumn ? Int32.random(in: 0...9, using: &random) : Int32.random(in: -4...4, using: &random),
                         absoluteRow: absoluteRow, absoluteColumn: absoluteColumn,
                         sheet: arithmeticOnly ? nil : (chance(6) ? pick(["Data", "'My sheet'"]) : nil))
        }

        mutating func node(depth: Int) -> Node {
            if depth <= 0 || chance(3) { return leaf() }
            if arithmeticOnly {
                switch Int.random(in: 0..<4, using: &random) {
                case 0: return .unary("-", node(depth: depth - 1))
                case 1: return .percent(.parenthesized(node(depth: depth - 1)))
                case 2: return .parenthesized(node(depth: depth - 1))
                default: return .binary(pick(["+", "-", "*", "/", "^"]), node(depth: depth - 1), node(depth: depth - 1))
                }
            }
            switch Int.random(in: 0..<9, using: &random) {
            case 0: return .unary(pick(["-", "+"]), node(depth: depth - 1))
            case 1: return .percent(.parenthesized(node(depth: depth - 1)))
            case 2: return .parenthesized(node(depth: depth - 1))
            case 3: return .single(.area(cell(), cell()))
            case 4, 5:
                let (name, arity) = pick(Self.functions)
                let count = Int.random(in: arity, using: &random)
                return .call(name, (0..<count).map { _ in chance(8) ? .missing : node(depth: depth - 1) })
            default:
                return .binary(pick(["+", "-", "*", "/", "^", "&", "=", "<>", "<", "<=", ">", ">="]), node(depth: depth - 1), node(depth: depth - 1))
            }
        }

        mutating func leaf() -> Node {
            if arithmeticOnly { return chance(2) ? cell() : .number(pick(["1", "2.5", "0", "7", "1E3", "0.1", "3"])) }
            switch Int.random(in: 0..<12, using: &random) {
            case 0: return .number(pick(["1", "2.5", "0", "1E5", "0.001", "12345678"]))
            case 1: return .text(pick(["\"a\"", "\"A1\"", "\"\"", "\"x\"\"y\"", "\"Västerås\""]))
            case 2: return .boolean(pick(["TRUE", "FALSE"]))
            case 3: return .error(pick(["#N/A", "#DIV/0!", "#VALUE!", "#REF!"]))
            case 4: return .area(cell(), cell())
            case 5: return Bool.random(using: &random) ? .columns(2, 3) : .rows(4, 6)
            case 6: return .name(pick(["Total", "Rate", "Liste"]))
            case 7: return .array([["1", "2"], ["3", "\"x\""]])
            case 8: return .spill(.cell(row: 1, column: 1, absoluteRow: true, absoluteColumn: true, sheet: nil))
            default: return cell()
            }
        }
    }

    static let hosts = [CellAddress(row: 10, column: 6), CellAddress(row: 11, column: 6), CellAddress(row: 30, column: 12)]

    @Test func printedFormulasParseBackAndRelativeTextsAgree() throws {
        var grammar = Grammar(random: SeededRandom(seed: 17))
        var byRelativeText: [String: (Expression, String)] = [:]
        var parsed = 0
        for _ in 0..<3000 {
            let tree = grammar.node(depth: 4)
            var expressions: [Expression] = []
            for host in Self.hosts {
                let text = "=" + tree.text(at: host)
                guard let expression = try? FormulaParser.parse(text, at: host) else { continue }
                parsed += 1
                expressions.append(expression)
                // Printed and read again, in English and in Swedish.
                let english = FormulaPrinter.formula(expression, at: host)
                #expect((try? FormulaParser.parse(english, at: host)) == expression, "\(text) printed \(english)")
                let swedish = FormulaPrinter.formula(expression, at: host, locale: .swedish)
                #expect((try? FormulaParser.parse(swedish, at: host, locale: .swedish)) == expression, "\(text) printed \(swedish)")
                // One relative text, one expression.
                if let relative = RelativeFormulaText.of(text, at: host) {
                    if let (other, origin) = byRelativeText[relative] {
                        #expect(other == expression, "\(text) and \(origin) share \(relative)")
                    } else {
                        byRelativeText[relative] = (expression, text)
                    }
                }
            }
            // The same formula filled to other cells is the same expression.
            if expressions.count == Self.hosts.count {
                #expect(expressions.allSatisfy { $0 == expressions[0] }, "\(tree.text(at: Self.hosts[0]))")
            }
        }
        #expect(parsed > 6000)  // the grammar writes formulas Excel accepts
    }

    /// A formula's template, printed once, gives at every cell what the printer gives there,
    /// canonical and as xlsx stores it, where references fall off the sheet (#REF!) too.
    @Test func templatesPrintWhatThePrinterPrints() throws {
        var grammar = Grammar(random: SeededRandom(seed: 23))
        let cells = Self.hosts + [CellAddress(row: 0, column: 0), CellAddress(row: 1_048_575, column: 16_383), CellAddress(row: 2, column: 40)]
        var compared = 0
        for _ in 0..<2000 {
            let tree = grammar.node(depth: 4)
            guard let expression = try? FormulaParser.parse("=" + tree.text(at: Self.hosts[0]), at: Self.hosts[0]) else { continue }
            let canonical = FormulaTemplate(expression, style: .canonical), xlsx = FormulaTemplate(expression, style: .xlsx)
            for host in cells {
                #expect(canonical.text(at: host) == FormulaPrinter.formula(expression, at: host))
                #expect(xlsx.text(at: host) == FormulaPrinter.xlsxFormula(expression, at: host))
                compared += 1
            }
        }
        #expect(compared > 6000)
    }

    @Test func theArithmeticEvaluatorAgreesWithTheGeneralOne() throws {
        var grammar = Grammar(random: SeededRandom(seed: 5), arithmeticOnly: true)
        let workbook = Workbook()
        try workbook.addSheet(named: "S")
        var values = SeededRandom(seed: 9)
        for row in Int32(0)..<40 {
            for column in Int32(0)..<24 {
                let value: CellInput = switch Int.random(in: 0..<10, using: &values) {
                case 0: .constant(.empty)
                case 1: .constant(.text("x"))
                case 2: .constant(.boolean(true))
                case 3: .constant(.error(.notAvailable))
                default: .constant(.number(Double(Int.random(in: -20...20, using: &values)) / 4))
                }
                try workbook.set(value, at: CellLocation(sheet: 0, row: row, column: column))
            }
        }
        workbook.recalculate()
        let host = CellAddress(row: 20, column: 10)
        var compared = 0
        for _ in 0..<3000 {
            let text = grammar.node(depth: 4).text(at: host)
            guard let fast = try? workbook.evaluate("=" + text, host: host),
                  let general = try? workbook.evaluate("=IF(TRUE,(" + text + "))", host: host) else { continue }
            compared += 1
            if case .number(let a) = fast, case .number(let b) = general {
                #expect(a.bitPattern == b.bitPattern, "\(text): \(a) and \(b)")
            } else {
                #expect(fast == general, "\(text): \(fast) and \(general)")
            }
        }
        #expect(compared > 2000)
    }
}
