import Foundation

/// Makes chunks on a thread of its own while the calling thread takes them, so that on two
/// cores the work overlaps: a sheet part inflates while its rows are scanned, its rows are
/// scanned while their cells go into the workbook, and a sheet's XML is written while it is
/// deflated. At most `depth` chunks wait between the two, so memory stays a few chunks.
///
/// The producer runs while the calling thread only takes chunks: whatever it touches (a package,
/// a workbook being written out) is used by one thread at a time.
final class ChunkPipeline<Chunk>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [Chunk] = []
    private var finished = false
    private var stopped = false
    private var failure: Error?
    private let depth = 4

    /// Gives the chunks `produce` makes (on another thread) to `consume` (on this one), in order;
    /// `consume` returns false to stop early. Returns when both are done: errors of either are
    /// thrown here, the consumer's first.
    /// `produce` gives each chunk to `put`, which returns false once the consumer has stopped.
    static func run(producing produce: @escaping (_ put: (Chunk) -> Bool) throws -> Void,
                    consume: (Chunk) throws -> Bool) throws {
        let pipe = ChunkPipeline()
        pipe.producer = produce
        let thread = Thread {
            do {
                try pipe.runProducer()
                pipe.finish(nil)
            } catch {
                pipe.finish(error)
            }
        }
        // The main thread's size: a writer prints formulas (nested as deep as a file has them) there.
        thread.stackSize = 8 << 20
        thread.start()
        var consumerFailure: Error?
        do {
            while let chunk = pipe.take() {
                guard try consume(chunk) else { break }
            }
        } catch {
            consumerFailure = error
        }
        let producerFailure = pipe.stopAndWait()
        if let consumerFailure { throw consumerFailure }
        if let producerFailure { throw producerFailure }
    }

    /// The producer, held until its thread takes it: let go before the thread says it is done,
    /// so a closure the caller lent it (`withoutActuallyEscaping`) is back when `run` returns.
    private var producer: (((Chunk) -> Bool) throws -> Void)?

    private func runProducer() throws {
        condition.lock()
        let produce = producer
        producer = nil
        condition.unlock()
        try produce? { chunk in put(chunk) }
    }

    /// From the producer: waits while the queue is full; false once the consumer has stopped.
    private func put(_ chunk: Chunk) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= depth && !stopped { condition.wait() }
        guard !stopped else { return false }
        queue.append(chunk)
        condition.broadcast()
        return true
    }

    private func finish(_ error: Error?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, or nil when the producer is done and all were taken.
    private func take() -> Chunk? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let chunk = queue.removeFirst()
        condition.broadcast()
        return chunk
    }

    /// Tells the producer to stop, waits until it has, and gives its error, if any.
    private func stopAndWait() -> Error? {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
        return failure
    }
}

extension ChunkPipeline where Chunk == [UInt8] {
    /// Chunks of bytes: each is copied as it is put, so the producer may reuse its buffer.
    static func run(produce: @escaping ((UnsafeBufferPointer<UInt8>) throws -> Bool) throws -> Void,
                    consume: (UnsafeBufferPointer<UInt8>) throws -> Bool) throws {
        try run(producing: { put in try produce { put(Array($0)) } }, consume: { try $0.withUnsafeBufferPointer(consume) })
    }
}
