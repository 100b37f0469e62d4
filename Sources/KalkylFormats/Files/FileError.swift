import Foundation

/// A file that cannot be read or written.
public enum FileError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notUTF8(path: String, line: Int, column: Int)
    case unwritable(path: String, reason: String)
    case unknownFormat(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .notUTF8(let path, let line, let column): return "\(path):\(line):\(column): not UTF-8 text (a byte that is not UTF-8)"
        case .unwritable(let path, let reason): return "\(path): cannot write: \(reason)"
        case .unknownFormat(let path): return "\(path): unknown file type (expected .kalk, .xlsx, .xlsm or .csv)"
        }
    }
}
