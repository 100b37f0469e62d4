import Foundation
import Testing
@testable import KalkylFormats

/// Chunks made on a thread of its own reach the calling thread whole and in order (a sheet part
/// inflated aside reads as inflated inline); a consumer that stops early, a consumer's error and
/// a producer's end the other side, and the error is the one of the side that had it.
struct ChunkPipelineTests {
    struct Failed: Error, Equatable { let side: String }

    /// Chunks of varied sizes, numbered in their bytes, from a producer on the other thread.
    private static func produce(_ count: Int, failingAt failure: Int? = nil) -> ((UnsafeBufferPointer<UInt8>) throws -> Bool) throws -> Void {
        { body in
            for k in 0..<count {
                if k == failure { throw Failed(side: "producer") }
                let chunk = [UInt8](repeating: UInt8(k % 251), count: 1 + (k * 7919) % 5000)
                guard try chunk.withUnsafeBufferPointer(body) else { return }
            }
        }
    }

    @Test func theChunksArriveWholeAndInOrder() throws {
        var received: [UInt8] = []
        try ChunkPipeline.run(produce: Self.produce(300)) { received += $0; return true }
        var expected: [UInt8] = []
        try Self.produce(300)({ expected += $0; return true })
        #expect(received == expected)
    }

    @Test func stoppingEarlyEndsTheProducer() throws {
        var taken = 0
        try ChunkPipeline.run(produce: Self.produce(10_000)) { _ in taken += 1; return taken < 3 }
        #expect(taken == 3)
    }

    /// Chunks of any kind (a sheet's scanned cells): `put` says false once the consumer stops,
    /// and the producer goes no further.
    @Test func chunksOfAnyKindAndPutSaysWhenToStop() throws {
        var received: [[Int]] = []
        final class Count: @unchecked Sendable { var puts = 0 }
        let count = Count()
        try ChunkPipeline<[Int]>.run(producing: { put in
            for k in 0..<1_000 {
                count.puts += 1
                guard put(Array(0...k)) else { return }
            }
        }, consume: { received.append($0); return received.count < 10 })
        #expect(received == (0..<10).map { Array(0...$0) })
        // The ten taken, and at most the few that waited in the queue when the consumer stopped.
        #expect(count.puts >= 10 && count.puts <= 16)
    }

    @Test func errorsComeFromTheSideThatHadThem() {
        #expect(throws: Failed(side: "producer")) {
            try ChunkPipeline.run(produce: Self.produce(100, failingAt: 50)) { _ in true }
        }
        #expect(throws: Failed(side: "consumer")) {
            var taken = 0
            try ChunkPipeline.run(produce: Self.produce(100)) { _ in
                taken += 1
                if taken == 5 { throw Failed(side: "consumer") }
                return true
            }
        }
    }

    @Test func aPackagesPartReadsTheSameEitherWay() throws {
        let rows = (1...20_000).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()
        let path = try XlsxReaderTests.xlsx(["xl/worksheets/sheet1.xml": "<worksheet><sheetData>\(rows)</sheetData></worksheet>"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let package = try XlsxPackage(path: path)
        func read(aside: Bool) throws -> [UInt8] {
            var bytes: [UInt8] = []
            try SheetPartSource("xl/worksheets/sheet1.xml", in: package, inflatesAside: aside).chunks { bytes += $0; return true }
            return bytes
        }
        let direct = try read(aside: false)
        #expect(direct.count > 500_000)
        #expect(try read(aside: true) == direct)
    }
}
