import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// Maps on every core; the results keep the order of the input, so output does not
    /// depend on scheduling.
    public func concurrentMap<T: Sendable>(threads: Int = 0, _ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 || threads == 1 {
            return map(transform)
        }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let box = UnsafeSendableBuffer(buffer: results)
        // Chunks keep scheduling overhead small for thousands of small items, and are small
        // enough (64 a worker) that the last ones end close together: with 8 a worker, one
        // core sat idle for the last eighth of rendering 10,000 pages.
        let workers = threads > 0 ? threads : Swift.max(1, ProcessInfo.activeCores)
        let chunks = Swift.min(count, workers * 64)
        let chunkSize = (count + chunks - 1) / chunks
        let items = self
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * chunkSize
            let end = Swift.min(start + chunkSize, items.count)
            guard start < end else { return }
            for i in start..<end { box.buffer[i] = transform(items[i]) }
        }
        return results.map { $0! }
    }
}

/// Each index is written by exactly one worker, so sharing the buffer is safe.
private struct UnsafeSendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
}

extension ProcessInfo {
    static var activeCores: Int { ProcessInfo.processInfo.activeProcessorCount }
}
