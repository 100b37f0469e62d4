import Foundation
import KalkylEngine

/// An opened .xlsx file: the workbook, and what the file had that the workbook does not hold,
/// so that a save writes the file back with only the edits (see `XlsxDocumentWriter`).
public struct XlsxDocument {
    public var workbook: Workbook
    /// The values Excel stored for formula cells, to compare with Kalkyl's: empty unless the
    /// file was read `keepingCachedValues` (300 000 formulas would hold 20 MB of them).
    public var cachedValues: [CellLocation: Value]
    /// Formulas Kalkyl does not compute; their cells hold Excel's cached value meanwhile.
    public var uncomputed: [CellLocation: UncomputedFormula]
    /// The file as it was read, for the save.
    var source: XlsxSource
}

/// A formula of an xlsx file that Kalkyl keeps as text and does not compute: one it cannot
/// read (a structured or external reference, say), or one calling a function Kalkyl lacks.
/// Its cell holds the value Excel stored; a save writes the formula back unchanged.
public struct UncomputedFormula: Sendable {
    /// As the file has it, without `=`.
    public var formula: String
    /// Why Kalkyl does not compute it.
    public var reason: String
}

/// What a save needs of the file a document was read from.
struct XlsxSource {
    /// The file's bytes: every part a save does not rewrite is copied from here.
    var bytes: Data
    /// The part of each sheet, in the workbook's order.
    var sheetParts: [String]
    /// The defined names Kalkyl read, as the workbook had them after reading.
    var names: [DefinedName]
    /// The tables Kalkyl read, and the part of each by its name in upper case.
    var tables: [Table]
    var tableParts: [String: String]
    /// The cells as read and first calculated.
    var baseline: CellBaseline
    /// How many strings xl/sharedStrings.xml holds (new ones are appended after them).
    var sharedStringCount: Int
    /// By sheet: the first cell the part puts in another row's `<row>`, which a save cannot
    /// patch (see `SheetCursor.cellOutsideItsRow`).
    var cellsOutsideTheirRows: [Int: (cell: CellAddress, row: Int32)] = [:]
}

extension XlsxDocument {
    /// What the file has that only an xlsx file can hold, by name (for a save as .kalk or CSV;
    /// tables and number formats a .kalk file keeps).
    var features: [String] {
        guard let package = try? XlsxPackage(bytes: source.bytes, path: "") else { return [] }
        let names = package.partNames
        var found: [String] = []
        func has(_ prefix: String) -> Bool { names.contains { $0.hasPrefix(prefix) } }
        if has("xl/styles.xml") { found.append("cell styles") }
        var sheetElements: [String: Bool] = [:]
        let elements = [("mergeCell", "merged cells"), ("customHeight=\"1\"", "row heights"), ("hidden=\"1\"", "hidden rows or columns"),
                        ("state=\"hidden\"", "hidden sheets"),
                        ("<pane", "frozen panes"), ("dataValidation", "data validation"), ("conditionalFormatting", "conditional formatting"),
                        ("hyperlink", "hyperlinks"), ("pageSetup", "print settings")]
        for part in source.sheetParts + ["xl/workbook.xml"] {
            guard let data = try? package.part(part) else { continue }
            for (needle, _) in elements where sheetElements[needle] == nil && data.range(of: Data(needle.utf8)) != nil { sheetElements[needle] = true }
        }
        found += elements.filter { sheetElements[$0.0] == true }.map(\.1)
        for (prefix, name) in [("xl/comments", "comments"), ("xl/threadedComments", "threaded comments"),
                               ("xl/charts/", "charts"), ("xl/media/", "images"), ("xl/drawings/", "drawings"),
                               ("xl/pivotTables/", "pivot tables"), ("xl/externalLinks/", "external links"),
                               ("xl/vbaProject.bin", "macros"), ("xl/theme/", "theme"), ("docProps/", "document properties"),
                               ("customXml/", "custom XML")] where has(prefix) {
            found.append(name)
        }
        return found
    }
}
