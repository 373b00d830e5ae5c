import Foundation

/// Sections already written for `.reusable` values, shared by every render that is given
/// it (on any thread). Most of a page's template work is its navigation, which every page
/// of a folder shows alike: written once, it is copied for the others.
///
/// A section's text is kept only when it depended on nothing but its value: the renderer
/// notes any name found (or missed) outside the value, any block filled in from a parent
/// and any slot value read, and then writes that section afresh every time. Keep one memo
/// per set of inputs (a build): keys are only promised to be stable within it.
public final class TemplateMemo: @unchecked Sendable {
    struct Key: Hashable {
        let value: String
        /// The section's body, by the address of its nodes: each parsed section has its own,
        /// kept alive by the library as long as the memo is used with it.
        let body: Int
        let indentation: String?
        /// Whether the value was a list's item (pushed as the context) or the section's value
        /// itself (a `true` or a list is not pushed): the two render differently.
        let item: Bool
        /// The value's key by `TemplateObject.hash`, eight bytes at a time, worked out once
        /// (it also picks the shard): every page looks up each of its navigation entries,
        /// and SipHash over their keys' bytes showed.
        let valueHash: UInt64

        init(value: String, body: Int, indentation: String?, item: Bool) {
            self.value = value
            self.body = body
            self.indentation = indentation
            self.item = item
            self.valueHash = TemplateObject.hash(value)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(valueHash)
            hasher.combine(body)
            hasher.combine(item)
        }
    }

    /// Entries spread over shards, each with its own lock: every thread looks up a few dozen
    /// sections per page, and with one lock the threads waited on each other (futex waits
    /// were 0.7 % of a 10,000-page build's CPU samples).
    private let shards = (0..<Shard.count).map { _ in Shard() }

    private final class Shard: @unchecked Sendable {
        static let count = 16
        // `NSLock` rather than `Mutex`, which needs macOS 15.
        let lock = NSLock()
        var entries: [Key: [UInt8]] = [:]
    }

    public init() {}

    private func shard(_ key: Key) -> Shard {
        shards[Int(truncatingIfNeeded: key.valueHash >> 32) & (Shard.count - 1)]
    }

    func text(_ key: Key) -> [UInt8]? {
        let shard = shard(key)
        return shard.lock.withLock { shard.entries[key] }
    }

    func keep(_ text: [UInt8], for key: Key) {
        let shard = shard(key)
        shard.lock.withLock { shard.entries[key] = text }
    }

    /// How many sections are kept (tests check that reuse happens, and only when sound).
    public var count: Int { shards.reduce(0) { total, shard in total + shard.lock.withLock { shard.entries.count } } }
}
