import Foundation
import KalkylEngine

/// The one place that opens and saves workbooks, by file extension: the command line and the
/// REPL both go through here, so a file reads and writes the same way in each.
public enum WorkbookFile {
    /// Opens a .kalk or .xlsx file; errors say where (file:line:column, part and line).
    public static func load(_ path: String) throws -> Workbook { try open(path).workbook }

    /// A workbook with what its file had that Kalkyl does not keep.
    public struct Opened {
        public var workbook: Workbook
        public var kind: Kind
        /// Formulas of an xlsx file that Kalkyl cannot read: their cells hold Excel's cached
        /// value, so a save writes that value, not the formula.
        public var formulasKeptAsValues: [(location: CellLocation, formula: String, message: String)] = []

        /// Whether saving over the file it came from would lose something. Kalkyl's xlsx
        /// writer keeps values, formulas, names, number formats and widths, and nothing else of
        /// an Excel file (styles, merged cells, comments, charts, …), so an xlsx always would.
        public var savingInPlaceLosesContent: Bool { kind == .xlsx }

        /// One line per formula a save would turn into its value.
        public var warnings: [String] {
            formulasKeptAsValues.map { entry in
                let value = workbook.value(at: entry.location)
                let kept = value == .empty ? "Excel stored no value for it, so the cell is empty" : "its cell keeps Excel's value \(value)"
                return "\(workbook.name(of: entry.location)): =\(Excerpt.of(entry.formula)) is not read by Kalkyl (\(entry.message)); \(kept), and a save writes that instead of the formula"
            }
        }
    }

    public static func open(_ path: String) throws -> Opened {
        let kind = try Kind(path)
        switch kind {
        case .xlsx:
            let document = try XlsxReader.load(path: path)
            return Opened(workbook: document.workbook, kind: kind, formulasKeptAsValues: document.unreadFormulas)
        case .kalk:
            return Opened(workbook: try KalkReader.load(path: path), kind: kind)
        }
    }

    /// Whether two paths name the same file (links followed).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    /// What is said when a save over an xlsx file is refused.
    public static func inPlaceRefusal(_ path: String, otherFile: String, force: String) -> String {
        "saving over \(path) would drop what Kalkyl does not keep of an xlsx file (cell styles, merged cells, comments, charts, validation, print settings …): write to another file with \(otherFile), or use \(force) to overwrite it anyway"
    }

    /// Saves as .xlsx or .kalk by the extension, atomically (see `AtomicFile`).
    public static func save(_ workbook: Workbook, to path: String) throws {
        switch try Kind(path) {
        case .xlsx: try XlsxWriter.save(workbook, to: path)
        case .kalk: try KalkWriter.save(workbook, to: path)
        }
    }

    /// The formats a workbook file can have.
    public enum Kind {
        case kalk, xlsx

        public init(_ path: String) throws {
            let lower = path.lowercased()
            if lower.hasSuffix(".xlsx") { self = .xlsx } else if lower.hasSuffix(".kalk") { self = .kalk } else {
                throw FileError.unknownFormat(path: path)
            }
        }
    }
}
