import Foundation
import ZIPFoundation

/// The zip container of an .xlsx file: its parts by path. It holds the file's bytes (compressed,
/// a fraction of the parts' size), so a save can copy every part it does not change even when
/// the file on disk has been replaced meanwhile.
struct XlsxPackage {
    private let archive: Archive
    let bytes: Data
    let path: String
    let partSizeLimit: Int

    init(path: String, partSizeLimit: Int = XlsxPackage.maximumPartSize) throws {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw XlsxError(path: path, message: !exists ? "cannot read: no such file" : isDirectory.boolValue ? "cannot read: it is a directory" : "cannot read it")
        }
        try self.init(bytes: bytes, path: path, partSizeLimit: partSizeLimit)
    }

    init(bytes: Data, path: String, partSizeLimit: Int = XlsxPackage.maximumPartSize) throws {
        self.bytes = bytes
        self.path = path
        self.partSizeLimit = partSizeLimit
        do {
            archive = try Archive(data: bytes, accessMode: .read)
        } catch {
            throw XlsxError(path: path, message: "not an xlsx file (not a zip archive)")
        }
    }

    /// The paths of every part (and folder entry), in the order the zip has them.
    var partNames: [String] { archive.map(\.path) }

    /// The most a part may inflate to. Real sheets of a million rows are a few hundred MB; a
    /// zip bomb (a few MB that inflate to gigabytes) stops here with an error, before memory does.
    static let maximumPartSize = 1 << 30

    private struct TooLarge: Error {}

    func hasPart(_ name: String) -> Bool { archive[name] != nil }

    /// A part's bytes, or nil when the package has no such part.
    func part(_ name: String) throws -> Data? {
        guard let entry = archive[name] else { return nil }
        var data = Data()
        // Room for the size the zip directory gives, so a 20 MB sheet is not copied as it grows.
        data.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(partSizeLimit))))
        try extract(name) { chunk in
            data.append(chunk)
            return true
        }
        return data
    }

    private struct Stopped: Error {}

    /// Inflates a part, giving its bytes to `body` in chunks as they come (`body` returns false
    /// to stop); a part that is not in the package gives none.
    func extract(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Bool) throws {
        guard let entry = archive[name] else { return }
        let limit = partSizeLimit
        let tooLarge = XlsxError(path: path, message: "the part \(name) inflates to more than \(limit >> 20) MB; it is not read (a damaged file or a zip bomb)")
        guard entry.uncompressedSize <= UInt64(limit) else { throw tooLarge }
        var count = 0
        var failure: Error?
        do {
            // The size in the zip directory may lie: count what actually comes out. Large chunks:
            // a call per 16 KB cost more than the copying.
            _ = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: true) { chunk in
                count += chunk.count
                guard count <= limit else { throw TooLarge() }
                let goesOn: Bool
                do {
                    goesOn = try chunk.withUnsafeBytes { try body($0.bindMemory(to: UInt8.self)) }
                } catch {
                    failure = error
                    throw Stopped()
                }
                if !goesOn { throw Stopped() }
            }
        } catch is TooLarge {
            throw tooLarge
        } catch is Stopped {
            if let failure { throw failure }
        } catch {
            throw XlsxError(path: path, message: "the part \(name) is damaged: its data cannot be read from the zip (\(error))")
        }
    }
}

/// An .xlsx file that cannot be read: which file and what is wrong, on one line.
public struct XlsxError: Error, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): \(message)" }
}
