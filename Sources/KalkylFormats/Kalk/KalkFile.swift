import Foundation
import KalkylEngine

extension KalkWriter {
    /// Saves a workbook and what its file carries as .kalk, atomically.
    public static func save(_ document: WorkbookDocument, to path: String) throws {
        try AtomicFile.write(Data(bytes(of: document)), to: path)
    }
}
