import Foundation
import KalkylEngine
import KalkylFormats
import Testing

/// What a save must not do to the file it writes: replace a link, widen its permissions,
/// replace a device, cut hard links, leave temporary files or half a file.
struct SaveTests {
    final class Received: @unchecked Sendable {
        var text = ""
        let done = DispatchSemaphore(value: 0)
    }

    private func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kalkyl-save-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func aSymbolicLinkStaysALinkAndItsTargetGetsTheContent() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "old".write(toFile: dir + "/target.kalk", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.kalk", withDestinationPath: "target.kalk")
        try AtomicFile.write("new", to: dir + "/link.kalk")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.kalk") == "target.kalk")
        #expect(try read(dir + "/target.kalk") == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["link.kalk", "target.kalk"])
    }

    @Test func permissionsAreKept() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/private.kalk"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        try AtomicFile.write("new", to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try read(path) == "new")
    }

    @Test func hardLinksKeepSharingTheContent() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "old".write(toFile: dir + "/a.kalk", atomically: false, encoding: .utf8)
        #expect(link(dir + "/a.kalk", dir + "/b.kalk") == 0)
        try AtomicFile.write("new", to: dir + "/a.kalk")
        #expect(try read(dir + "/b.kalk") == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.kalk", "b.kalk"])
    }

    /// A file made in pieces (as a large .kalk or xlsx is) arrives whole, also through a hard
    /// link (copied back from the temporary file in megabyte reads); a maker that fails halfway
    /// leaves the old file as it was and no temporary file.
    @Test func aFileWrittenInPiecesIsWholeOrNotWrittenAtAll() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "old".write(toFile: dir + "/a.kalk", atomically: false, encoding: .utf8)
        #expect(link(dir + "/a.kalk", dir + "/b.kalk") == 0)
        let piece = Array("0123456789".utf8)
        try AtomicFile.write(to: dir + "/a.kalk") { output in
            for _ in 0..<300_000 { try output.write(piece) }
        }
        let content = try #require(FileManager.default.contents(atPath: dir + "/b.kalk"))
        #expect(content.count == 3_000_000)
        #expect(content.prefix(20) == Data("01234567890123456789".utf8) && content.suffix(10) == Data(piece))

        struct Interrupted: Error {}
        try "old".write(toFile: dir + "/c.kalk", atomically: false, encoding: .utf8)
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: dir + "/c.kalk") { output in
                try output.write(piece)
                throw Interrupted()
            }
        }
        #expect(try read(dir + "/c.kalk") == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.kalk", "b.kalk", "c.kalk"])
    }

    @Test func aDeviceOrFIFOIsWrittenNotReplaced() throws {
        try AtomicFile.write("nothing", to: "/dev/null")
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)

        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader on the other end that reads to the end, so the writer's open does not wait.
        let received = Received()
        let reader = Thread {
            let descriptor = open(fifo, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 256), bytes: [UInt8] = []
            while case let n = Glibc.read(descriptor, &buffer, buffer.count), n > 0 { bytes += buffer[..<n] }
            close(descriptor)
            received.text = String(decoding: bytes, as: UTF8.self)
            received.done.signal()
        }
        reader.start()
        try AtomicFile.write("through the pipe", to: fifo)
        received.done.wait()
        #expect(received.text == "through the pipe")
        #expect(stat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test func staleTemporaryFilesOfDeadProcessesAreRemoved() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A pid that cannot be running: above the kernel's pid_max (at most 4 194 304).
        try "half".write(toFile: dir + "/.a.kalk.99999999.tmp", atomically: false, encoding: .utf8)
        try "someone else's".write(toFile: dir + "/.other.kalk.99999999.tmp", atomically: false, encoding: .utf8)
        try AtomicFile.write("new", to: dir + "/a.kalk")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [".other.kalk.99999999.tmp", "a.kalk"])
    }

    @Test func aMissingDirectoryIsNamed() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            try AtomicFile.write("x", to: dir + "/missing/b.kalk")
            Issue.record("written")
        } catch {
            #expect("\(error)" == "\(dir)/missing/b.kalk: cannot write: the directory \(dir)/missing does not exist")
        }
    }

    @Test func aLostUpdateIsSeenInTheSnapshot() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/a.kalk"
        try "one".write(toFile: path, atomically: false, encoding: .utf8)
        let opened = FileSnapshot(path: path)
        #expect(opened != nil)
        #expect(FileSnapshot(path: path) == opened)
        // The same size, written in place: only the content tells.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data("two".utf8))
        try handle.close()
        #expect(FileSnapshot(path: path) != opened)
    }
}
