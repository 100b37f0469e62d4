import KalkylEngine

extension KalkWriter {
    /// Saves a workbook and what its file carries as .kalk, atomically.
    public static func save(_ document: WorkbookDocument, to path: String) throws {
        try AtomicFile.write(text(of: document), to: path)
    }
}
