import Foundation
import KalkylEngine

/// Saves an opened xlsx file with its edits and nothing else changed: every part is copied as
/// the file had it (styles, theme, drawings, charts, comments, tables, pivot caches, macros,
/// document properties …) except
/// - the sheets whose cells changed, patched cell by cell (see `SheetPatcher`);
/// - xl/sharedStrings.xml, when new text needs new strings (appended; the old stay as they were);
/// - a table's part, when the table grew (its `ref`);
/// - xl/workbook.xml, which gets `fullCalcOnLoad` so Excel recalculates what Kalkyl could not;
/// - xl/calcChain.xml, dropped (with its relationship and content type) when a formula cell
///   stopped being one, as Excel refuses a chain that names a cell without a formula.
/// A save without edits writes the same parts.
public enum XlsxDocumentWriter {
    public static func save(_ document: XlsxDocument, to path: String) throws {
        try save(document, to: path, copiesUnchangedUnread: true)
    }

    /// `copiesUnchangedUnread`: copy a sheet whose cells the workbook still shares with the
    /// file's baseline without reading it, and in a sheet that changed the rows that did not
    /// (the fast paths; a test compares them with reading every sheet and row).
    static func save(_ document: XlsxDocument, to path: String, copiesUnchangedUnread: Bool) throws {
        let workbook = document.workbook
        let source = document.source
        let package = try XlsxPackage(bytes: source.bytes, path: path)
        guard workbook.sheetNames.count == source.sheetParts.count else {
            throw FileError.unwritable(path: path, reason: "the workbook has other sheets than the xlsx file it came from; Kalkyl can patch only the sheets the file has (save as .kalk)")
        }
        if let shift = workbook.structuralShifts.first {
            throw FileError.unwritable(path: path, reason: "\(shift.isInsertion ? "inserting" : "deleting") \(shift.description) in \(workbook.sheets[shift.sheet].name) moved cells; Kalkyl cannot yet move an xlsx file's styles, merged cells and other parts it keeps with the cells, so it does not patch the file (save as .kalk, or undo the edit)")
        }
        guard workbook.names == source.names else {
            throw FileError.unwritable(path: path, reason: "the workbook's defined names changed since the xlsx file was read; Kalkyl does not patch names yet (save as .kalk)")
        }

        // Tables may have grown (rows typed right below them); nothing else of them changes.
        var resizedTables: [(part: String, range: CellRange)] = []
        for table in workbook.tables {
            guard let original = source.tables.first(where: { $0.name.uppercased() == table.name.uppercased() }),
                  let part = source.tableParts[table.name.uppercased()],
                  original.sheet == table.sheet, original.columns == table.columns, original.hasHeaderRow == table.hasHeaderRow,
                  original.hasTotalsRow == table.hasTotalsRow else {
                throw FileError.unwritable(path: path, reason: "the table \(table.name) is not the one the xlsx file has; Kalkyl patches only a table's size (save as .kalk)")
            }
            if original.range != table.range { resizedTables.append((part, table.range)) }
        }
        guard workbook.tables.count == source.tables.count else {
            throw FileError.unwritable(path: path, reason: "a table of the xlsx file is gone from the workbook; Kalkyl patches only a table's size (save as .kalk)")
        }

        let sharedStringsPart = "xl/sharedStrings.xml"
        let hasSharedStrings = package.partNames.contains(sharedStringsPart)
        let appender = SharedStringAppender(existingCount: source.sharedStringCount)
        let strings: XlsxCellXML.Strings = hasSharedStrings ? .shared(appender) : .inline
        var replaced: [String: Data] = [:]
        var dropped: Set<String> = []
        var comparison = workbook.comparison(with: source.baseline)
        var removedFormulas = false, usesDynamicArrays = false, sheetsChanged = false
        // The patched sheets go into the archive as they are written; the parts that depend on
        // what patching found follow, and the archive is put in the package's order at the end.
        var archive = ZipArchiveWriter(for: path)
        for (index, part) in source.sheetParts.enumerated() where !(copiesUnchangedUnread && comparison.isUntouched(sheet: index)) {
            if let stray = source.cellsOutsideTheirRows[index] {
                // Patched row by row, the cell would be written twice, or an edit of it lost.
                throw FileError.unwritable(path: path, reason: "\(part) puts the cell \(stray.cell) in row \(stray.row + 1), so Kalkyl cannot patch the sheet's cells in place (let Excel or LibreOffice save the file once, or convert it to .kalk)")
            }
            guard let data = try package.part(part) else { throw XlsxError(path: path, message: "the sheet part \(part) is missing") }
            let patcher = SheetPatcher(data: data, sheet: index, workbook: workbook, strings: strings, file: path, part: part,
                                       copiesUnchangedRowsUnread: copiesUnchangedUnread)
            try archive.addFile(part) { output in
                let outcome = try patcher.patch(comparing: &comparison, into: &output)
                sheetsChanged = sheetsChanged || outcome.changed
                removedFormulas = removedFormulas || outcome.removedFormulas
                usesDynamicArrays = usesDynamicArrays || outcome.usesDynamicArrays
            }
        }
        var added: [(String, Data)] = []
        if usesDynamicArrays {
            // `cm="1"` must mean "dynamic array" in this file's xl/metadata.xml.
            if let metadata = try package.part(DynamicArrayXML.part) {
                guard DynamicArrayXML.metadataMarksDynamicArrays(metadata) else {
                    throw FileError.unwritable(path: path, reason: "the file's xl/metadata.xml holds cell metadata Kalkyl does not know, so it cannot mark a dynamic-array formula in it (save as .kalk)")
                }
            } else {
                added.append((DynamicArrayXML.part, Data(DynamicArrayXML.metadata.utf8)))
                for part in ["[Content_Types].xml", "xl/_rels/workbook.xml.rels"] {
                    guard let data = try replaced[part] ?? package.part(part) else { continue }
                    replaced[part] = try PartPatch.declaringMetadata(in: data, part: part, file: path)
                }
            }
        }
        for (part, range) in resizedTables {
            guard let data = try package.part(part) else { continue }
            replaced[part] = try XlsxTables.resized(data, to: range, part: part, file: path)
        }
        if sheetsChanged || !replaced.isEmpty {
            if !appender.added.isEmpty, let data = try package.part(sharedStringsPart) {
                replaced[sharedStringsPart] = try PartPatch.appendingStrings(appender.added, to: data, file: path)
            }
            if let data = try package.part("xl/workbook.xml") {
                replaced["xl/workbook.xml"] = try PartPatch.fullCalculationOnLoad(data, file: path)
            }
            if removedFormulas, package.partNames.contains("xl/calcChain.xml") {
                dropped.insert("xl/calcChain.xml")
                for part in ["[Content_Types].xml", "xl/_rels/workbook.xml.rels"] {
                    if let data = try package.part(part) { replaced[part] = try PartPatch.removingCalcChain(from: data, part: part, file: path) }
                }
            }
        }
        try write(package, replacing: replaced, dropping: dropped, adding: added, into: &archive)
        try AtomicFile.write(to: path) { try archive.write(to: $0) }
    }

    /// Every part of `package` not in the archive yet (the patched sheets are), the replaced ones
    /// with their new bytes, then the added ones; then all in the package's order.
    private static func write(_ package: XlsxPackage, replacing replaced: [String: Data], dropping dropped: Set<String>,
                              adding added: [(String, Data)], into archive: inout ZipArchiveWriter) throws {
        let written = archive.names
        for name in package.partNames where !dropped.contains(name) && !written.contains(name) {
            if name.hasSuffix("/") {
                archive.addDirectory(name)
                continue
            }
            guard let data = try replaced[name] ?? package.part(name) else { continue }
            try archive.addFile(name, data)
        }
        for (name, data) in added { try archive.addFile(name, data) }
        archive.order(by: package.partNames)
    }
}
