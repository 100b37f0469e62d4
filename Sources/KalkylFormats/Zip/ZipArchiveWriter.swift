import Foundation

/// Builds an xlsx file's zip container, part by part, each deflated as it is written (see
/// `PartDeflater`): only the compressed parts are held, and `write(to:)` gives them to the file.
/// ZIPFoundation, which reads the packages, writes only a part whose size is known before it
/// starts, at zlib's default level: a million-row sheet was built whole, copied, and compressed
/// at a third of the speed.
///
/// Plain zip (no zip64): a part or archive of 4 GB or more is refused with an error, which is
/// past what Excel opens and four times the part size the reader accepts.
struct ZipArchiveWriter {
    private struct Entry {
        var name: [UInt8]
        var method: UInt16
        var crc: UInt32
        var size: Int
        var stored: [UInt8]
        var isDirectory: Bool
    }

    /// In the archive's order; laid out with their headers and directory by `write(to:)`.
    private var entries: [Entry] = []
    private let path: String
    private let time: UInt16, date: UInt16

    /// `path`: the file the archive is for, named in errors.
    init(for path: String, modified: Date = Date()) {
        self.path = path
        (time, date) = Self.dosTimeAndDate(modified)
    }

    /// Where a part's bytes go as they are made: append to `buffer`, call `flushIfFull` now and
    /// then (a row, a cell) so that no more than a chunk is held uncompressed.
    struct PartOutput {
        var buffer: [UInt8] = []
        fileprivate let emit: (UnsafeBufferPointer<UInt8>) throws -> Bool
        static let chunk = 1 << 16

        mutating func flushIfFull() throws {
            if buffer.count >= Self.chunk { try flush() }
        }

        fileprivate mutating func flush() throws {
            _ = try buffer.withUnsafeBufferPointer(emit)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    mutating func addFile(_ name: String, _ content: String) throws {
        try addDeflated(name) { deflater in try deflater.add(Array(content.utf8)) }
    }

    mutating func addFile(_ name: String, _ content: Data) throws {
        try addDeflated(name) { deflater in try content.withUnsafeBytes { try deflater.add($0.bindMemory(to: UInt8.self)) } }
    }

    /// A part whose bytes `write` makes into its output, on a thread of its own while this one
    /// deflates them (see `ChunkPipeline`).
    mutating func addFile(_ name: String, writing write: (inout PartOutput) throws -> Void) throws {
        try withoutActuallyEscaping(write) { write in
            try addDeflated(name) { deflater in
                try ChunkPipeline.run(produce: { emit in
                    try withoutActuallyEscaping(emit) { emit in
                        var output = PartOutput(emit: emit)
                        output.buffer.reserveCapacity(PartOutput.chunk + 4096)
                        try write(&output)
                        try output.flush()
                    }
                }, consume: { chunk in
                    try deflater.add(chunk)
                    return true
                })
            }
        }
    }

    /// A part whose bytes `fill` gives its deflater.
    private mutating func addDeflated(_ name: String, _ fill: (PartDeflater) throws -> Void) throws {
        let deflater: PartDeflater
        do {
            deflater = try PartDeflater()
            try fill(deflater)
            try deflater.finish()
        } catch let error as PartDeflater.DeflateFailure {
            throw FileError.unwritable(path: path, reason: "\(name): \(error)")
        }
        let limit = Int(UInt32.max)
        guard deflater.size < limit, deflater.compressed.count < limit else { throw tooLarge(name) }
        let entry = Entry(name: Array(name.utf8), method: 8, crc: deflater.crc, size: deflater.size, stored: deflater.compressed, isDirectory: false)
        entries.append(entry)
    }

    /// The names of the parts added so far.
    var names: Set<String> { Set(entries.map { String(decoding: $0.name, as: UTF8.self) }) }

    /// Puts the parts in the order `names` has them; parts it does not name go last, in the
    /// order they were added.
    mutating func order(by names: [String]) {
        var position: [String: Int] = [:]
        for (k, name) in names.enumerated() where position[name] == nil { position[name] = k }
        let keyed = entries.enumerated().map { (position[String(decoding: $0.element.name, as: UTF8.self)] ?? names.count + $0.offset, $0.element) }
        entries = keyed.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// A folder entry (`xl/`), as some files have them.
    mutating func addDirectory(_ name: String) {
        entries.append(Entry(name: Array(name.utf8), method: 0, crc: 0, size: 0, stored: [], isDirectory: true))
    }

    /// Writes the whole archive to `output`: each entry with its local header, then the central
    /// directory and its end record.
    func write(to output: AtomicFile.Output) throws {
        var written = 0, header: [UInt8] = [], directory: [UInt8] = []
        for entry in entries {
            guard written < Int(UInt32.max) else { throw tooLarge("the archive") }
            let offset = UInt32(written)
            // Bit 11: the name is UTF-8 (not the old DOS code page).
            let flags: UInt16 = entry.name.allSatisfy { $0 < 0x80 } ? 0 : 0x0800
            func common(into out: inout [UInt8]) {
                out.appendLittleEndian(UInt16(20))  // version needed: deflate
                out.appendLittleEndian(flags)
                out.appendLittleEndian(entry.method)
                out.appendLittleEndian(time)
                out.appendLittleEndian(date)
                out.appendLittleEndian(entry.crc)
                out.appendLittleEndian(UInt32(entry.stored.count))
                out.appendLittleEndian(UInt32(entry.size))
                out.appendLittleEndian(UInt16(entry.name.count))
                out.appendLittleEndian(UInt16(0))  // extra field length
            }
            header.removeAll(keepingCapacity: true)
            header.appendLittleEndian(UInt32(0x0403_4b50))
            common(into: &header)
            header.append(contentsOf: entry.name)
            try output.write(header)
            try output.write(entry.stored)
            written += header.count + entry.stored.count

            directory.appendLittleEndian(UInt32(0x0201_4b50))
            directory.appendLittleEndian(UInt16(0x0314))  // made by: Unix, zip 2.0
            common(into: &directory)
            directory.appendLittleEndian(UInt16(0))  // comment length
            directory.appendLittleEndian(UInt16(0))  // disk
            directory.appendLittleEndian(UInt16(0))  // internal attributes
            // Unix permissions in the high half: rw-r--r-- files, rwxr-xr-x folders (and MS-DOS's folder bit).
            directory.appendLittleEndian(entry.isDirectory ? UInt32(0o040755) << 16 | 0x10 : UInt32(0o100644) << 16)
            directory.appendLittleEndian(offset)
            directory.append(contentsOf: entry.name)
        }
        guard written + directory.count < Int(UInt32.max), entries.count < Int(UInt16.max) else { throw tooLarge("the archive") }
        var end: [UInt8] = []
        end.appendLittleEndian(UInt32(0x0605_4b50))
        end.appendLittleEndian(UInt16(0))  // this disk
        end.appendLittleEndian(UInt16(0))  // the disk the directory starts on
        end.appendLittleEndian(UInt16(entries.count))
        end.appendLittleEndian(UInt16(entries.count))
        end.appendLittleEndian(UInt32(directory.count))
        end.appendLittleEndian(UInt32(written))
        end.appendLittleEndian(UInt16(0))  // comment length
        try output.write(directory)
        try output.write(end)
    }

    private func tooLarge(_ what: String) -> FileError {
        FileError.unwritable(path: path, reason: "\(what) would be 4 GB or more, larger than an xlsx file Kalkyl writes (save as .kalk)")
    }

    /// MS-DOS time (2-second steps) and date (from 1980) of a moment, in local time as zip has it.
    static func dosTimeAndDate(_ moment: Date) -> (UInt16, UInt16) {
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute, .second], from: moment)
        let year = min(max((parts.year ?? 1980) - 1980, 0), 127)
        let time = (parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2
        let date = year << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1)
        return (UInt16(time), UInt16(date))
    }
}

extension Array where Element == UInt8 {
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
