import Foundation
import KalkylEngine

/// The one place that opens and saves workbooks, by file extension: the command line and the
/// REPL both go through here, so a file reads and writes the same way in each.
public enum WorkbookFile {
    /// Opens a .kalk or .xlsx file; errors say where (file:line:column, part and line).
    public static func load(_ path: String) throws -> Workbook { try open(path).workbook }

    /// Opens a .kalk or .xlsx file with what the file carries besides the workbook;
    /// `keepingCachedValues`: with every value Excel stored for a formula (`cachedValues`).
    public static func open(_ path: String, keepingCachedValues: Bool = false) throws -> WorkbookDocument {
        if (try? Kind(path)) == nil { return try openWithoutExtension(path, keepingCachedValues: keepingCachedValues) }
        let document: WorkbookDocument
        switch try Kind(path) {
        case .xlsx: document = WorkbookDocument(xlsx: try XlsxReader.load(path: path, keepingCachedValues: keepingCachedValues))
        case .kalk: document = try KalkReader.load(path: path)
        case .csv: document = try CSVReader.load(path: path)
        }
        document.workbook.documentName = absolute(path)
        return document
    }

    /// A file named without an extension, such as a pipe (`<(git show HEAD~1:x.kalk)`): read
    /// whole, told apart by its first bytes, and opened from a temporary copy.
    private static func openWithoutExtension(_ path: String, keepingCachedValues: Bool) throws -> WorkbookDocument {
        guard let handle = FileHandle(forReadingAtPath: path), let data = try? handle.readToEnd(), let kind = Kind.sniffed(data) else {
            throw FileError.unknownFormat(path: path)
        }
        let copy = FileManager.default.temporaryDirectory
            .appendingPathComponent("kalkyl-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).\(kind == .xlsx ? "xlsx" : "kalk")")
        try data.write(to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let document: WorkbookDocument
        do {
            document = try open(copy.path, keepingCachedValues: keepingCachedValues)
        } catch var error as KalkSyntaxError {
            error.file = path  // the line and column are the pipe's
            throw error
        }
        document.workbook.documentName = path
        // CELL("filename") was computed with the copy's name (it is volatile: this recomputes it).
        document.workbook.recalculate()
        return document
    }

    /// The path as CELL("filename") shows it: absolute.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Saves a workbook made in Kalkyl as .xlsx or .kalk by the extension, atomically (see
    /// `AtomicFile`). A workbook opened from a file is saved through its `WorkbookDocument`.
    public static func save(_ workbook: Workbook, to path: String) throws {
        switch try Kind(path) {
        case .xlsx:
            guard !path.lowercased().hasSuffix(".xlsm") else {
                throw FileError.unwritable(path: path, reason: "an .xlsm file is a workbook with macros, and this one has none: save it as .xlsx")
            }
            try XlsxWriter.save(workbook, to: path)
        case .kalk: try KalkWriter.save(WorkbookDocument(workbook: workbook), to: path)
        case .csv: try AtomicFile.write(CSVWriter().text(of: workbook, sheet: 0), to: path)
        }
        workbook.documentName = absolute(path)
    }

    /// The formats a workbook file can have.
    public enum Kind {
        /// A CSV file is one sheet of values (see `CSVReader`, `CSVWriter`).
        case kalk, xlsx, csv

        public init(_ path: String) throws {
            let lower = path.lowercased()
            // .xlsm is an xlsx file with macros (a part Kalkyl keeps as it is).
            if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") {
                self = .xlsx
            } else if lower.hasSuffix(".kalk") {
                self = .kalk
            } else if lower.hasSuffix(".csv") {
                self = .csv
            } else {
                throw FileError.unknownFormat(path: path)
            }
        }

        /// The format of a file without a known extension, by its first bytes: a zip archive
        /// is xlsx; a text that begins as a .kalk file does (`kalkyl 1` or a comment) is .kalk.
        static func sniffed(_ head: Data) -> Kind? {
            if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
            let text = String(decoding: head.prefix(64), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasPrefix("kalkyl ") || text.hasPrefix("#") { return .kalk }
            return nil
        }
    }
}
