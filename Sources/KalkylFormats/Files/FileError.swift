import Foundation

/// A file that cannot be read or written.
public enum FileError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notUTF8(path: String)
    case unwritable(path: String, reason: String)
    case unknownFormat(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .notUTF8(let path): return "\(path): not UTF-8 text"
        case .unwritable(let path, let reason): return "\(path): cannot write: \(reason)"
        case .unknownFormat(let path): return "\(path): unknown file type (expected .kalk or .xlsx)"
        }
    }
}
