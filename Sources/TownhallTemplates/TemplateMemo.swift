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
    struct Key: Equatable {
        let value: String
        /// The section's body, by the address of its nodes: each parsed section has its own,
        /// kept alive by the library as long as the memo is used with it.
        let body: Int
        let indentation: String?
        /// Whether the value was a list's item (pushed as the context) or the section's value
        /// itself (a `true` or a list is not pushed): the two render differently.
        let item: Bool
        /// The key's hash: the value's by `TemplateObject.hash`, eight bytes at a time, mixed
        /// with the body's address, worked out once (it also picks the shard). Every page looks
        /// up each of its navigation entries, and SipHash over their keys' bytes showed.
        let hash: UInt64

        init(value: String, body: Int, indentation: String?, item: Bool) {
            self.value = value
            self.body = body
            self.indentation = indentation
            self.item = item
            var h = (TemplateObject.hash(value) ^ UInt64(UInt(bitPattern: body))) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            self.hash = item ? ~h : h
        }

        static func == (a: Key, b: Key) -> Bool {
            a.hash == b.hash && a.body == b.body && a.item == b.item && a.value == b.value && a.indentation == b.indentation
        }
    }

    /// Entries spread over shards, each with its own lock: every thread looks up a few dozen
    /// sections per page, and with one lock the threads waited on each other (futex waits
    /// were 0.7 % of a 10,000-page build's CPU samples).
    private let shards = (0..<Shard.count).map { _ in Shard() }

    /// A shard's sections in an open-addressed table found by the key's own hash: a
    /// `Dictionary` hashed every key again with SipHash and was checked for exclusive access
    /// on each lookup, which together cost more than copying the section out.
    private final class Shard: @unchecked Sendable {
        static let count = 16
        // `NSLock` rather than `Mutex`, which needs macOS 15.
        let lock = NSLock()
        // Only touched with `lock` held, so not checked for exclusive access on each use.
        @exclusivity(unchecked) private var keys: [Key?] = Array(repeating: nil, count: 64)
        @exclusivity(unchecked) private var texts: [[UInt8]] = Array(repeating: [], count: 64)
        @exclusivity(unchecked) private(set) var count = 0

        /// The slot holding `key`, or the empty one where it would go.
        private func slot(_ key: Key) -> Int {
            let mask = keys.count - 1
            var i = Int(truncatingIfNeeded: key.hash) & mask
            while let k = keys[i], k != key { i = (i + 1) & mask }
            return i
        }

        func text(_ key: Key) -> [UInt8]? {
            let i = slot(key)
            return keys[i] == nil ? nil : texts[i]
        }

        func keep(_ text: [UInt8], for key: Key) {
            let i = slot(key)
            if keys[i] == nil {
                count += 1
                keys[i] = key
            }
            texts[i] = text
            // At most half full: then twice the slots, each key placed again.
            if count * 2 > keys.count {
                let (oldKeys, oldTexts) = (keys, texts)
                keys = Array(repeating: nil, count: oldKeys.count * 2)
                texts = Array(repeating: [], count: oldKeys.count * 2)
                for (k, t) in zip(oldKeys, oldTexts) {
                    guard let k else { continue }
                    let j = slot(k)
                    keys[j] = k
                    texts[j] = t
                }
            }
        }
    }

    public init() {}

    private func shard(_ key: Key) -> Shard {
        shards[Int(truncatingIfNeeded: key.hash >> 32) & (Shard.count - 1)]
    }

    func text(_ key: Key) -> [UInt8]? {
        let shard = shard(key)
        return shard.lock.withLock { shard.text(key) }
    }

    func keep(_ text: [UInt8], for key: Key) {
        let shard = shard(key)
        shard.lock.withLock { shard.keep(text, for: key) }
    }

    /// How many sections are kept (tests check that reuse happens, and only when sound).
    public var count: Int { shards.reduce(0) { total, shard in total + shard.lock.withLock { shard.count } } }
}
