import Foundation

/// Where a worksheet part's bytes come from: in chunks as they inflate, so the rows can be read
/// without the whole part in memory (a million-row sheet inflates to some 200 MB), and whole,
/// for what cannot be read that way.
struct SheetPartSource {
    /// Gives the part's bytes in order to `body`, which returns false to stop early.
    let chunks: (_ body: (UnsafeBufferPointer<UInt8>) throws -> Bool) throws -> Void
    /// The whole part (from a package: inflated again).
    let whole: () throws -> Data

    /// A part already in memory, given in chunks of `chunkSize` bytes (tests cut it small to
    /// find rows split between chunks).
    init(_ data: Data, chunkSize: Int = 1 << 18) {
        chunks = { body in
            try data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                var start = 0
                while start < bytes.count {
                    let end = min(bytes.count, start + max(1, chunkSize))
                    guard try body(UnsafeBufferPointer(rebasing: bytes[start..<end])) else { return }
                    start = end
                }
            }
        }
        whole = { data }
    }

    /// A part of a package, inflated as it is read (on a thread of its own when `inflatesAside`).
    init(_ name: String, in package: XlsxPackage, inflatesAside: Bool = true) {
        chunks = { body in
            guard inflatesAside else { return try package.extract(name, body) }
            try ChunkPipeline.run(produce: { try package.extract(name, $0) }, consume: body)
        }
        whole = {
            guard let data = try package.part(name) else { throw XlsxError(path: package.path, message: "the part \(name) is not in the file") }
            return data
        }
    }
}
