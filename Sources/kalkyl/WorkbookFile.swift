import KalkylEngine
import KalkylFormats

/// Opening and saving workbooks by file extension, with failures as one-line input errors.
enum WorkbookFile {
    static func load(_ path: String) throws -> Workbook {
        if path.lowercased().hasSuffix(".xlsx") { return try loadXlsx(path).workbook }
        guard path.lowercased().hasSuffix(".kalk") else {
            throw CommandFailure.input(FileError.unknownFormat(path: path).description)
        }
        do {
            return try KalkReader.load(path: path)
        } catch let error as KalkSyntaxError {
            throw CommandFailure.input(error.description)
        } catch let error as FileError {
            throw CommandFailure.input(error.description)
        }
    }

    static func loadXlsx(_ path: String) throws -> XlsxDocument {
        do {
            return try XlsxReader.load(path: path)
        } catch let error as XlsxError {
            throw CommandFailure.input(error.description)
        }
    }

    /// Saves by extension: .xlsx or .kalk.
    static func save(_ workbook: Workbook, to path: String) throws {
        do {
            if path.lowercased().hasSuffix(".xlsx") { try XlsxWriter.save(workbook, to: path) } else { try KalkWriter.save(workbook, to: path) }
        } catch {
            throw CommandFailure.input("\(error)")
        }
    }

    static func sheet(_ name: String?, in workbook: Workbook) throws -> Int {
        guard let name else {
            guard !workbook.sheets.isEmpty else { throw CommandFailure.input("the workbook has no sheets") }
            return 0
        }
        guard let index = workbook.sheetIndex(named: name) else {
            throw CommandFailure.input("no sheet named '\(name)' (sheets: \(workbook.sheetNames.joined(separator: ", ")))")
        }
        return index
    }
}
