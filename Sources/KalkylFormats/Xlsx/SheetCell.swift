import KalkylEngine

/// One `<c>` of a worksheet part as the file has it, before it is read into the workbook: the
/// general XML reader and the fast `SheetDataScanner` both give these, and `SheetCellReader`
/// turns either into cells, so the two paths cannot read a cell differently.
struct SheetCell {
    var address: CellAddress
    var type: Kind = .number
    var style = 0
    /// `cm`: cell metadata, which marks Excel 365's dynamic-array formulas.
    var hasCellMetadata = false
    /// The attributes of `<f>` a reader needs: `t` (shared, array), `si` (a shared formula's
    /// index) and `ref` (the cells a shared or array formula covers, `formulaRef`).
    var formulaKind = FormulaKind.normal
    var sharedIndex: Int? = nil
    /// A `<v>` the scanner read as a whole number written as `String(Int)` writes it (`-42`, not
    /// `042` or `-0`), so no String was made for it: `valueText` gives back the very text.
    var wholeNumber: Int64? = nil
    /// Whether the cell has a `<v>` or `<is>` at all (an empty `<v/>` is a value).
    var sawValue = false
    /// Where the `<c` tag starts in the part, for the line of an error.
    var offset = 0
    private var hasFormula = false
    /// The cell's texts, out of line: most cells have none (a number, a shared string's index,
    /// a shared formula's other cells), and a cell without a String costs nothing to copy or
    /// let go. A sheet's cells cross from the scanning thread in batches of thousands.
    private var texts: Texts?

    private final class Texts {
        var formula = "", formulaRef: String? = nil, value = ""

        func copy() -> Texts {
            let copy = Texts()
            copy.formula = formula
            copy.formulaRef = formulaRef
            copy.value = value
            return copy
        }
    }

    init(address: CellAddress, type: Kind = .number, style: Int = 0, hasCellMetadata: Bool = false, offset: Int = 0) {
        self.address = address
        self.type = type
        self.style = style
        self.hasCellMetadata = hasCellMetadata
        self.offset = offset
    }

    /// The texts, this cell's own (copied first if another cell shares them).
    private mutating func ownTexts() -> Texts {
        if texts == nil {
            texts = Texts()
        } else if !isKnownUniquelyReferenced(&texts) {
            texts = texts?.copy()
        }
        return texts!
    }

    /// The text of `<f>`, or nil when the cell has none.
    var formula: String? {
        get { hasFormula ? texts?.formula ?? "" : nil }
        set {
            hasFormula = newValue != nil
            if let newValue, !newValue.isEmpty { ownTexts().formula = newValue } else if texts != nil { ownTexts().formula = "" }
        }
    }

    /// `<f …/>`: a formula of no text (a shared formula's other cell), as `formula = ""` sets
    /// it on a new cell, without a String looked at.
    mutating func markFormulaWithoutText() {
        if texts == nil { hasFormula = true } else { formula = "" }
    }

    var formulaRef: String? {
        get { texts?.formulaRef }
        set { if newValue != nil || texts != nil { ownTexts().formulaRef = newValue } }
    }

    /// The text of `<v>` or of an inline string's `<t>`, unless `wholeNumber` holds it.
    var value: String {
        get { texts?.value ?? "" }
        set { if !newValue.isEmpty || texts != nil { ownTexts().value = newValue } }
    }

    /// Adds text to the value, as a second `<v>` or an inline string's next `<t>` does.
    mutating func appendValue(_ text: String) {
        if let whole = wholeNumber {
            value = String(whole)
            wholeNumber = nil
        }
        value += text
    }

    /// The value's text as the file has it.
    var valueText: String { wholeNumber.map { String($0) } ?? value }

    /// `t` of an `<f>`: the two a reader treats apart (`normal`, `dataTable` and anything else
    /// are read as plain formulas).
    enum FormulaKind: Equatable {
        case normal, shared, array

        init(_ t: String?) {
            self = t == "shared" ? .shared : t == "array" ? .array : .normal
        }
    }

    /// `t`: n (number, and any `t` Excel does not define), s (shared string), str (a formula's
    /// text), inlineStr, b, e.
    enum Kind: Equatable {
        case number, sharedString, formulaString, inlineString, boolean, error

        init(_ t: String?) {
            switch t {
            case "s": self = .sharedString
            case "str": self = .formulaString
            case "inlineStr": self = .inlineString
            case "b": self = .boolean
            case "e": self = .error
            default: self = .number
            }
        }
    }
}
