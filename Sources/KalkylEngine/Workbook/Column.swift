/// The cells of one column, stored densely from row 1 to the last used row: each cell's value
/// in eight bytes, and its formula (an index into the workbook's formula table, or -1) in four.
/// Dense columns make ranges a walk over contiguous memory.
///
/// A value is NaN-boxed: a number is its own bits; empty, a boolean, an error or a text is a
/// NaN whose top sixteen bits no number stored here has (a NaN number is stored as the one
/// canonical NaN) and whose low bits say which, a text by its index in `texts`. A million
/// cells take 12 MB where a `Value` each (24 bytes with its tag) took 28.
struct Column {
    private var cells: [UInt64] = []
    var formulas: [Int32] = []
    /// The texts of the cells that hold one, by the index in their cell; freed slots are
    /// reused (their strings are dropped at once).
    private var texts: [String] = []
    private var freeTexts: [Int32] = []

    static let noFormula: Int32 = -1

    private static let boxTag: UInt64 = 0xFFF9 << 48
    private static let kindShift: UInt64 = 32
    private enum Kind: UInt64 { case empty = 0, boolean = 1, error = 2, text = 3 }
    private static let emptyBits = boxTag
    private static let canonicalNaN = Double.nan.bitPattern

    var count: Int { cells.count }

    @inline(__always)
    private static func isBoxed(_ bits: UInt64) -> Bool { bits >> 48 == 0xFFF9 }

    @inline(__always)
    private static func box(_ kind: Kind, _ payload: UInt64) -> UInt64 { boxTag | kind.rawValue << kindShift | payload }

    @inline(__always)
    private func decode(_ bits: UInt64) -> Value {
        guard Column.isBoxed(bits) else { return .number(Double(bitPattern: bits)) }
        let payload = bits & 0xFFFF_FFFF
        switch (bits >> Column.kindShift) & 0xFFFF {
        case Kind.boolean.rawValue: return .boolean(payload != 0)
        case Kind.error.rawValue: return .error(FormulaError(rawValue: UInt8(truncatingIfNeeded: payload)) ?? .value)
        case Kind.text.rawValue: return .text(texts[Int(payload)])
        default: return .empty
        }
    }

    @inline(__always)
    func value(at row: Int) -> Value {
        row < cells.count ? decode(cells[row]) : .empty
    }

    /// Whether the cell is empty (no value; it may still have a formula).
    @inline(__always)
    func isEmpty(at row: Int) -> Bool { row >= cells.count || cells[row] == Column.emptyBits }

    /// Every value of rows `rows` (which must be stored), in order.
    @inline(__always)
    func forEachValue<E: Error>(in rows: ClosedRange<Int>, _ body: (Value) throws(E) -> Void) throws(E) {
        for r in rows { try body(decode(cells[r])) }
    }

    @inline(__always)
    func formula(at row: Int) -> Int32 {
        row < formulas.count ? formulas[row] : Column.noFormula
    }

    mutating func set(_ value: Value, formula: Int32, at row: Int) {
        if row == cells.count {
            // The next row, as a reader fills a column: a number, or a formula not yet
            // computed, appended as it is.
            switch value {
            case .number(let n):
                cells.append(n.isNaN ? Column.canonicalNaN : n.bitPattern)
                formulas.append(formula)
                return
            case .empty where formula != Column.noFormula:
                cells.append(Column.emptyBits)
                formulas.append(formula)
                return
            default: break
            }
        }
        if row >= cells.count {
            if case .empty = value, formula == Column.noFormula { return }
            if row == cells.count {
                // The next row, as a reader fills a column: append(contentsOf:) costs more for one.
                cells.append(Column.emptyBits)
                formulas.append(Column.noFormula)
            } else {
                let growth = row + 1 - cells.count
                cells.append(contentsOf: repeatElement(Column.emptyBits, count: growth))
                formulas.append(contentsOf: repeatElement(Column.noFormula, count: growth))
            }
        }
        store(value, at: row)
        formulas[row] = formula
        if row == cells.count - 1, case .empty = value, formula == Column.noFormula { trimTrailingEmpty() }
    }

    @inline(__always)
    mutating func setComputedValue(_ value: Value, at row: Int) {
        store(value, at: row)
    }

    /// A formula's computed number, from its bits: false, and nothing written, when the cell
    /// holds that number already.
    @inline(__always)
    mutating func setComputedNumber(_ n: Double, at row: Int) -> Bool {
        let bits = n.isNaN ? Column.canonicalNaN : n.bitPattern
        let old = cells[row]
        if old == bits { return false }
        if Column.isBoxed(old) { store(.number(n), at: row) } else { cells[row] = bits }
        return true
    }

    /// How many rows hold a value or a formula, and how many a formula, in one pass over the
    /// stored bits that decodes only the values that are not numbers (texts, booleans, errors),
    /// each given to `body` with its row and whether it is a formula's.
    func tally(_ body: (_ row: Int, _ value: Value, _ hasFormula: Bool) -> Void) -> (used: Int, formulas: Int) {
        var used = 0, formulaCount = 0
        cells.withUnsafeBufferPointer { cells in
            formulas.withUnsafeBufferPointer { formulas in
                for r in 0..<cells.count {
                    let bits = cells[r], hasFormula = formulas[r] != Column.noFormula
                    if hasFormula { formulaCount += 1 }
                    guard Column.isBoxed(bits) else { used += 1; continue }
                    if bits == Column.emptyBits {
                        if hasFormula { used += 1 }
                        continue
                    }
                    used += 1
                    body(r, decode(bits), hasFormula)
                }
            }
        }
        return (used, formulaCount)
    }

    /// Whether both columns are the very same storage (neither changed since one was copied).
    func sharesStorage(with other: Column) -> Bool {
        func same<T>(_ a: [T], _ b: [T]) -> Bool {
            a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { x.baseAddress == $0.baseAddress && x.count == $0.count } }
        }
        return same(cells, other.cells) && same(formulas, other.formulas) && same(texts, other.texts)
    }

    /// The rows where this column may differ from `other`, each once, in order: those whose
    /// eight value bytes or formula index differ, every text (a new text may reuse an old one's
    /// slot), and every other formula cell with the formula index both have (an index may name
    /// another formula after the workbook recompiled them).
    func rowsMaybeDiffering(from other: Column, _ body: (_ row: Int, _ sameFormulaIndex: Int32?) -> Void) {
        let rows = max(count, other.count)
        for r in 0..<rows {
            guard r < count, r < other.count else { body(r, nil); continue }
            let bits = cells[r], formula = formulas[r]
            let isText = Column.isBoxed(bits) && (bits >> Column.kindShift) & 0xFFFF == Kind.text.rawValue
            if bits != other.cells[r] || formula != other.formulas[r] || isText {
                body(r, nil)
            } else if formula != Column.noFormula {
                body(r, formula)
            }
        }
    }

    @inline(__always)
    private mutating func store(_ value: Value, at row: Int) {
        let old = cells[row]
        // A text replaced by a text keeps its slot; by anything else, gives it back.
        let oldText: Int32? = Column.isBoxed(old) && (old >> Column.kindShift) & 0xFFFF == Kind.text.rawValue
            ? Int32(truncatingIfNeeded: old & 0xFFFF_FFFF) : nil
        switch value {
        case .number(let n):
            cells[row] = n.isNaN ? Column.canonicalNaN : n.bitPattern
        case .empty:
            cells[row] = Column.emptyBits
        case .boolean(let b):
            cells[row] = Column.box(.boolean, b ? 1 : 0)
        case .error(let e):
            cells[row] = Column.box(.error, UInt64(e.rawValue))
        case .text(let s):
            let slot: Int32
            if let oldText {
                slot = oldText
                texts[Int(slot)] = s
            } else if let free = freeTexts.popLast() {
                slot = free
                texts[Int(slot)] = s
            } else {
                slot = Int32(texts.count)
                texts.append(s)
            }
            cells[row] = Column.box(.text, UInt64(UInt32(bitPattern: slot)))
            return
        }
        if let oldText {
            texts[Int(oldText)] = ""
            freeTexts.append(oldText)
        }
    }

    private mutating func trimTrailingEmpty() {
        while let last = cells.last, last == Column.emptyBits, formulas.last == Column.noFormula {
            cells.removeLast()
            formulas.removeLast()
        }
        if cells.isEmpty {
            texts = []
            freeTexts = []
        }
    }
}
