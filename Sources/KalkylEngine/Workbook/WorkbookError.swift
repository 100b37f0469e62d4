/// A change the workbook refuses, with what was wrong.
public enum WorkbookError: Error, Equatable, CustomStringConvertible {
    case invalidSheetName(String, reason: String)
    case duplicateSheet(String)
    case noSuchSheet(String)
    case invalidName(String)
    case invalidReference(String)
    case invalidTable(String, reason: String)
    case formula(FormulaSyntaxError, in: String)
    /// An edit of the workbook's structure (inserting or deleting rows or columns, sorting,
    /// moving) that cannot be done, and why.
    case invalidEdit(String)

    public var description: String {
        switch self {
        case .invalidSheetName(let name, let reason): return "invalid sheet name '\(Excerpt.of(name.unicodeScalars.map { $0.value < 0x20 ? "?" : String($0) }.joined()))': \(reason)"
        case .duplicateSheet(let name): return "a sheet named '\(name)' already exists"
        case .noSuchSheet(let name): return "no sheet named '\(name)'"
        case .invalidName(let name): return "'\(name)' is not a valid name (letters, digits, _ and ., not a cell address)"
        case .invalidReference(let text): return "'\(text)' is not a cell reference"
        case .invalidTable(let name, let reason): return "the table '\(Excerpt.of(name))' \(reason)"
        case .formula(let error, let formula): return "\(error.message) at position \(error.offset + 1) of \(Excerpt.of(formula))"
        case .invalidEdit(let reason): return reason
        }
    }
}
