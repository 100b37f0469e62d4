import Foundation

/// What a file was when a session opened it, so that saving over a change someone else made
/// in the meantime (a lost update) can be refused.
public struct FileSnapshot: Equatable, Sendable {
    var size: Int64
    var modified: timespec
    var inode: UInt64
    var hash: UInt64

    /// The file as it is now, or nil when it does not exist.
    public init?(path: String) {
        var status = stat()
        guard stat(AtomicFile.resolvedTarget(of: path), &status) == 0, let data = FileManager.default.contents(atPath: path) else { return nil }
        size = Int64(status.st_size)
        modified = status.st_mtim
        inode = UInt64(status.st_ino)
        // FNV-1a: the same size and time to the nanosecond but other bytes is still a change.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash = h
    }

    public static func == (a: FileSnapshot, b: FileSnapshot) -> Bool {
        a.size == b.size && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.inode == b.inode && a.hash == b.hash
    }
}
