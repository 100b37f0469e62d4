import PropertyBased
import Testing
@testable import KalkylEngine

/// A column keeps each cell's value in eight bytes (numbers as themselves, the rest boxed in a
/// NaN): whatever is set is what is read back, texts overwritten or cleared included, exactly
/// as an array of values would hold it.
struct ColumnTests {
    static let values: [Value] = [
        .empty, .number(0), .number(-0.0), .number(1.5), .number(-1e308), .number(.infinity), .number(5e-324),
        .number(Double(bitPattern: 0xFFF9_0003_0000_0001)),  // a NaN with the boxes' own top bits
        .text(""), .text("Stockholm"), .text("Västra Götaland"), .text(String(repeating: "x", count: 100)),
        .boolean(true), .boolean(false), .error(.notAvailable), .error(.divisionByZero), .error(.calc),
    ]

    /// A value as the column reads it back: any NaN is the one NaN.
    static func same(_ a: Value, _ b: Value) -> Bool {
        if case .number(let x) = a, case .number(let y) = b, x.isNaN || y.isNaN { return x.isNaN && y.isNaN }
        return a == b && a.numberSign == b.numberSign
    }

    @Test func whatIsSetIsReadBack() async {
        let step = zip(Gen.int(in: 0...40), Gen.int(in: 0...(Self.values.count - 1)), Gen.int(in: 0...3))
        await propertyCheck(count: 500, input: step.array(of: 1...60)) { steps in
            var column = Column()
            var model: [Value] = []
            var formulas: [Int32] = []
            for (row, v, kind) in steps {
                let value = Self.values[v]
                let formula: Int32 = kind == 0 ? 7 : Column.noFormula
                if kind == 3 && row < model.count {
                    // A computed value over an existing cell.
                    column.setComputedValue(value, at: row)
                    model[row] = value
                    continue
                }
                column.set(value, formula: formula, at: row)
                if row >= model.count {
                    if case .empty = value, formula == Column.noFormula { continue }
                    model += Array(repeating: .empty, count: row + 1 - model.count)
                    formulas += Array(repeating: Column.noFormula, count: row + 1 - formulas.count)
                }
                model[row] = value
                formulas[row] = formula
                // Emptying the last row gives back the empty rows above it too.
                while row == model.count - 1 || row >= model.count, let last = model.last, case .empty = last, formulas.last == Column.noFormula {
                    model.removeLast()
                    formulas.removeLast()
                }
            }
            #expect(column.count == model.count, "\(steps)")
            for row in 0..<(model.count + 2) {
                let expected = row < model.count ? model[row] : .empty
                #expect(Self.same(column.value(at: row), expected), "row \(row) after \(steps)")
                #expect(column.isEmpty(at: row) == { if case .empty = expected { true } else { false } }())
                #expect(column.formula(at: row) == (row < formulas.count ? formulas[row] : Column.noFormula))
            }
            if !model.isEmpty {
                var read: [Value] = []
                column.forEachValue(in: 0...(model.count - 1)) { read.append($0) }
                #expect(zip(read, model).allSatisfy { Self.same($0, $1) })
            }
        }
    }

    @Test func aCopyKeepsItsStorageUntilEitherChanges() {
        var column = Column()
        column.set(.text("a"), formula: Column.noFormula, at: 3)
        var copy = column
        #expect(copy.sharesStorage(with: column))
        copy.set(.text("b"), formula: Column.noFormula, at: 3)
        #expect(!copy.sharesStorage(with: column))
        #expect(column.value(at: 3) == .text("a") && copy.value(at: 3) == .text("b"))
    }
}

private extension Value {
    /// The sign of a number (0 and -0 differ in their bits), nil for other values.
    var numberSign: FloatingPointSign? {
        if case .number(let n) = self { return n.sign }
        return nil
    }
}
