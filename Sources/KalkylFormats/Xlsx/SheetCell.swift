import KalkylEngine

/// One `<c>` of a worksheet part as the file has it, before it is read into the workbook: the
/// general XML reader and the fast `SheetDataScanner` both give these, and `SheetCellReader`
/// turns either into cells, so the two paths cannot read a cell differently.
struct SheetCell: Equatable {
    var address: CellAddress
    var type: Kind = .number
    var style = 0
    /// `cm`: cell metadata, which marks Excel 365's dynamic-array formulas.
    var hasCellMetadata = false
    /// The text of `<f>`, or nil when the cell has none.
    var formula: String? = nil
    /// The attributes of `<f>` a reader needs: `t` (shared, array), `si` (a shared formula's
    /// index) and `ref` (the cells a shared or array formula covers).
    var formulaKind = FormulaKind.normal
    var sharedIndex: Int? = nil
    var formulaRef: String? = nil
    /// The text of `<v>` or of an inline string's `<t>`, unless `wholeNumber` holds it.
    var value = ""
    /// A `<v>` the scanner read as a whole number written as `String(Int)` writes it (`-42`, not
    /// `042` or `-0`), so no String was made for it: `valueText` gives back the very text.
    var wholeNumber: Int64? = nil
    /// Whether the cell has a `<v>` or `<is>` at all (an empty `<v/>` is a value).
    var sawValue = false
    /// Where the `<c` tag starts in the part, for the line of an error.
    var offset = 0

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
