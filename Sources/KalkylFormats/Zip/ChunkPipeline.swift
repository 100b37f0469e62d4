import Foundation

/// Makes chunks of bytes on a thread of its own while the calling thread takes them, so that
/// on two cores zlib and Kalkyl's own work overlap: a sheet part inflates while its rows are
/// read, and a sheet's XML is written while it is deflated. At most `depth` chunks wait between
/// the two, so memory stays a few chunks.
///
/// The producer runs while the calling thread only takes chunks: whatever it touches (a package,
/// a workbook being written out) is used by one thread at a time.
final class ChunkPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [[UInt8]] = []
    private var finished = false
    private var stopped = false
    private var failure: Error?
    private let depth = 4

    /// Gives the chunks `produce` makes (on another thread) to `consume` (on this one), in order;
    /// `consume` returns false to stop early. Returns when both are done: errors of either are
    /// thrown here, the consumer's first.
    static func run(produce: @escaping ((UnsafeBufferPointer<UInt8>) throws -> Bool) throws -> Void,
                    consume: (UnsafeBufferPointer<UInt8>) throws -> Bool) throws {
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
                guard try chunk.withUnsafeBufferPointer(consume) else { break }
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
    private var producer: (((UnsafeBufferPointer<UInt8>) throws -> Bool) throws -> Void)?

    private func runProducer() throws {
        condition.lock()
        let produce = producer
        producer = nil
        condition.unlock()
        try produce? { chunk in put(Array(chunk)) }
    }

    /// From the producer: waits while the queue is full; false once the consumer has stopped.
    private func put(_ chunk: [UInt8]) -> Bool {
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
    private func take() -> [UInt8]? {
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
