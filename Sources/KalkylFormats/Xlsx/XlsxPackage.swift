import Foundation
import ZIPFoundation

/// The zip container of an .xlsx file: its parts by path.
struct XlsxPackage {
    private let archive: Archive
    let path: String

    init(path: String) throws {
        self.path = path
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw XlsxError(path: path, message: FileManager.default.fileExists(atPath: path) ? "not an xlsx file (not a zip archive)" : "cannot read: no such file")
        }
    }

    /// A part's bytes, or nil when the package has no such part.
    func part(_ name: String) throws -> Data? {
        guard let entry = archive[name] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
        } catch {
            throw XlsxError(path: path, message: "the part \(name) is damaged: \(error)")
        }
        return data
    }
}

/// An .xlsx file that cannot be read: which file and what is wrong, on one line.
public struct XlsxError: Error, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): \(message)" }
}
