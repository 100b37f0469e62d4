import Foundation

/// Inflates a part on a thread of its own while the calling thread reads what has come out:
/// on two cores reading a sheet no longer waits for zlib (a tenth of loading a large sheet).
/// At most `depth` chunks wait between the two, so memory stays a few chunks.
final class InflatingThread: @unchecked Sendable {
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
        let pipe = InflatingThread()
        nonisolated(unsafe) let producer = produce
        let thread = Thread {
            do {
                try producer { chunk in pipe.put(Array(chunk)) }
                pipe.finish(nil)
            } catch {
                pipe.finish(error)
            }
        }
        thread.stackSize = 1 << 20
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
