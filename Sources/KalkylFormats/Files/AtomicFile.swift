import Foundation

/// Writes files so a crash or a full disk never leaves half a file: the bytes go to a
/// temporary file beside the target, which is then renamed over it.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary, options: [])
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw FileError.unwritable(path: path, reason: reason)
            }
        } catch let error as FileError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw FileError.unwritable(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
