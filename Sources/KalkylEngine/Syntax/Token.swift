/// One lexical piece of a formula.
struct Token: Equatable {
    enum Kind: Equatable {
        case number(Double, text: String)
        case text(String)
        /// A cell reference, column, row, name, function name, TRUE or FALSE: the parser decides.
        case word(String)
        /// `Tabell1[Belopp]`: a table's name with brackets right after it.
        case structured(StructuredReference)
        /// `Sheet1!` or `'My sheet'!`.
        case sheetPrefix(String)
        case error(FormulaError)
        case symbol(String)  // + - * / ^ & = <> < <= > >= % ( ) , ; { } :
        case end
    }

    var kind: Kind
    /// Offset of the first scalar, and one past the last.
    var start: Int
    var end: Int
    /// Whitespace came before it: between two references that is Excel's intersection operator.
    var followsSpace = false
}
