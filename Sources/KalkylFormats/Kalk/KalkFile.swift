import Foundation
import KalkylEngine

extension KalkWriter {
    /// Saves a workbook and what its file carries as .kalk, atomically, a megabyte at a time
    /// (a million-row sheet's text is never held whole).
    public static func save(_ document: WorkbookDocument, to path: String) throws {
        try AtomicFile.write(to: path) { output in
            try write(document, inChunksOf: 1 << 20) { try output.write($0) }
        }
    }
}
