/// Conversions of a formula's numbers to whole numbers that cannot trap.
///
/// `Int(someDouble)` stops the process when the number is out of `Int`'s range, and any number
/// a user types (`1E+20`) can reach a function. Every conversion of a value goes through here.
extension Double {
    /// The number truncated toward zero, or nil when that is not an `Int` (too large, not finite).
    @inline(__always)
    var truncatedInteger: Int? { Int(exactly: rounded(.towardZero)) }

    /// The number truncated toward zero, or `error` when that is not an `Int`.
    @inline(__always)
    func truncatedInteger(or error: FormulaError) throws(FormulaError) -> Int {
        guard let n = truncatedInteger else { throw error }
        return n
    }

    /// The number rounded down, or nil when that is not an `Int`.
    @inline(__always)
    var flooredInteger: Int? { Int(exactly: rounded(.down)) }
}
