extension Workbook {
    /// A cycle's path as people read it, `S!A1 → S!B1 → S!A1`; a path through thousands of
    /// cells shows its first and last steps and how many lie between.
    public func describe(cycle path: [RecalculationResult.PathStep], maximumSteps: Int = 12) -> String {
        func step(_ step: RecalculationResult.PathStep) -> String {
            switch step {
            case .cell(let location): return name(of: location)
            case .range(let sheet, let range): return name(of: CellLocation(sheet: Int(sheet), address: range.start)) + ":" + range.end.description
            }
        }
        guard path.count > maximumSteps else { return path.map(step).joined(separator: " → ") }
        let head = path.prefix(maximumSteps - 2).map(step), tail = path.suffix(2).map(step)
        return (head + ["… \(path.count - maximumSteps) more …"] + tail).joined(separator: " → ")
    }
}
