import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a crash, a kill or a full disk never leaves half a file, and so that a
/// save changes nothing about the file but its content:
///
/// - The bytes go to a temporary file beside the target (`.NAME.PID.tmp`), are flushed to disk
///   (`fsync`), and the temporary file is renamed over the target; the directory is flushed too.
///   A reader sees the old file or the new one, never a mix. The temporary file is removed on
///   every failure, and ones left by processes that were killed are removed by the next save.
/// - A symbolic link is followed: its target gets the new content and the link stays a link.
/// - The target's permissions (a private 0600 workbook stays private) and, where allowed, its
///   owner are kept.
/// - A target that is not a regular file (`/dev/null`, a FIFO, a terminal) is written directly:
///   renaming over it would replace a device with a file.
/// - A file with several hard links is rewritten in place after the complete new content is
///   safely in the temporary file, so every link sees the new content.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    public static func write(_ data: some ContiguousBytes, to path: String) throws {
        try write(to: path) { try $0.write(data) }
    }

    /// Where a file's bytes go as they are made, so a large file is never held whole.
    public struct Output {
        fileprivate let descriptor: Int32
        fileprivate let displayPath: String

        public func write(_ bytes: some ContiguousBytes) throws {
            try bytes.withUnsafeBytes { try AtomicFile.writeAll($0, to: descriptor, displayPath: displayPath) }
        }
    }

    /// Writes the file whose bytes `produce` gives to its output, in as many pieces as it likes;
    /// a failure of `produce` leaves the old file as it was.
    public static func write(to path: String, producing produce: (Output) throws -> Void) throws {
        let target = resolvedTarget(of: path)
        var status = stat()
        let exists = stat(target, &status) == 0
        if exists && (status.st_mode & S_IFMT) != S_IFREG {
            guard (status.st_mode & S_IFMT) != S_IFDIR else { throw FileError.unwritable(path: path, reason: "it is a directory") }
            try writeDirectly(to: target, displayPath: path, producing: produce)
            return
        }
        let directory = (target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent
        var directoryStatus = stat()
        guard stat(directory, &directoryStatus) == 0, (directoryStatus.st_mode & S_IFMT) == S_IFDIR else {
            throw FileError.unwritable(path: path, reason: "the directory \(directory) does not exist")
        }
        let name = (target as NSString).lastPathComponent
        removeStaleTemporaries(of: name, in: directory)
        let temporary = (directory as NSString).appendingPathComponent(".\(name).\(getpid()).tmp")

        let descriptor = open(temporary, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw FileError.unwritable(path: path, reason: String(cString: strerror(errno))) }
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do {
            defer { close(descriptor) }
            try produce(Output(descriptor: descriptor, displayPath: path))
            if exists {
                _ = fchown(descriptor, status.st_uid, status.st_gid)  // only root may; a failure keeps ours
                guard fchmod(descriptor, status.st_mode & 0o7777) == 0 else {
                    throw FileError.unwritable(path: path, reason: "cannot keep its permissions: \(String(cString: strerror(errno)))")
                }
            }
            guard fsync(descriptor) == 0 else { throw FileError.unwritable(path: path, reason: String(cString: strerror(errno))) }
            if exists && status.st_nlink > 1 {
                // Renaming would cut the other links off; the complete copy in the temporary file
                // is on disk, so the target is now rewritten in place from it.
                try writeDirectly(to: target, displayPath: path, flush: true) { output in try copy(from: descriptor, to: output) }
                return
            }
        }
        guard rename(temporary, target) == 0 else { throw FileError.unwritable(path: path, reason: String(cString: strerror(errno))) }
        renamed = true
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// The whole content of an open file, from its start, to an output.
    private static func copy(from descriptor: Int32, to output: Output) throws {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw FileError.unwritable(path: output.displayPath, reason: String(cString: strerror(errno))) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError.unwritable(path: output.displayPath, reason: String(cString: strerror(errno)))
            }
            if count == 0 { return }
            try output.write(buffer[..<count])
        }
    }

    /// The file a path finally names: symbolic links followed, also a link to a file that does
    /// not exist yet (a new file is then made where the link points).
    static func resolvedTarget(of path: String) -> String {
        var current = path
        for _ in 0..<40 {  // the kernel's own limit on links in a row
            var status = stat()
            guard lstat(current, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK,
                  let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = destination.hasPrefix("/")
                ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return current
    }

    private static func writeDirectly(to target: String, displayPath: String, flush: Bool = false, producing produce: (Output) throws -> Void) throws {
        let descriptor = open(target, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError.unwritable(path: displayPath, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        // A FIFO whose reader has gone is an error to report ("Broken pipe"), not a signal that
        // ends the process.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        try produce(Output(descriptor: descriptor, displayPath: displayPath))
        if flush { _ = fsync(descriptor) }
    }

    fileprivate static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, displayPath: String) throws {
        var offset = 0
        while offset < buffer.count {
            #if canImport(Glibc)
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            #else
            let written = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                throw FileError.unwritable(path: displayPath, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// `.NAME.PID.tmp` files whose process no longer runs: what a killed save left behind.
    private static func removeStaleTemporaries(of name: String, in directory: String) {
        let prefix = ".\(name).", suffix = ".tmp"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(suffix) && entry.count > prefix.count + suffix.count {
            guard let pid = Int32(entry.dropFirst(prefix.count).dropLast(suffix.count)), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink((directory as NSString).appendingPathComponent(entry))
            }
        }
    }
}
