/// Excel's iterative calculation (File › Options › Formulas › Enable iterative calculation):
/// the formulas of a circular reference are computed again and again from their current
/// values, at most `maximumIterations` times, until no value changes by more than
/// `maximumChange`. Off by default, as in Excel: a cycle is then #CYCLE! with its path. xlsx
/// keeps the setting in `<calcPr iterate="1" iterateCount="100" iterateDelta="0.001"/>`,
/// .kalk in an `iterate 100 0.001` line.
public struct IterativeCalculation: Hashable, Sendable {
    public var maximumIterations: Int
    public var maximumChange: Double

    /// Excel's defaults: 100 iterations, 0.001.
    public init(maximumIterations: Int = 100, maximumChange: Double = 0.001) {
        self.maximumIterations = max(1, min(maximumIterations, 32_767))
        self.maximumChange = max(0, maximumChange)
    }
}
