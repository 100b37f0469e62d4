import KalkylEngine

extension KalkWriter {
    /// Saves a workbook as .kalk, atomically.
    public static func save(_ workbook: Workbook, to path: String) throws {
        try AtomicFile.write(text(of: workbook), to: path)
    }
}
