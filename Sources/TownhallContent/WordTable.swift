#if canImport(Glibc)
import Glibc
#endif

/// Word counts for `SearchKeywords`, keyed by the words' bytes: a page's few hundred distinct
/// words are counted without making a `String` of each of its thousand, which halved the
/// cost of reading a page. Words with non-ASCII letters are counted as `String`s, which
/// compare by canonical equivalence as the index always has.
///
/// The table lives in memory of its own, reached through pointers: kept in arrays, their
/// bounds and uniqueness checks and the closures that reached past them were half of the
/// cost of a word. A table is changed by one thread; `copy()` gives another its own (the
/// stop-word table all pages start from is only ever copied).
final class WordTable: @unchecked Sendable {
    private var slots: UnsafeMutablePointer<Int32>
    private var slotCount: Int
    /// `64 - log2(slotCount)`: a slot is the top bits of a word's hash.
    private var shift: UInt64
    private var entries: UnsafeMutablePointer<Entry>
    private var entryCount = 0
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCount = 0
    private var arenaCapacity: Int
    private var otherCounts: [String: (count: Int, known: Bool)] = [:]

    private struct Entry {
        var hash: UInt64
        var head: UInt64
        var start: Int32
        var length: Int32
        var count: Int32
        var known: Bool
    }

    init(expectedWords: Int) {
        var size = 64
        while size < expectedWords * 2 { size <<= 1 }
        slotCount = size
        shift = UInt64(64 - size.trailingZeroBitCount)
        slots = .allocate(capacity: size)
        slots.initialize(repeating: -1, count: size)
        entries = .allocate(capacity: Self.entryCapacity(slots: size))
        arenaCapacity = max(64, expectedWords * 8)
        arena = .allocate(capacity: arenaCapacity)
    }

    /// A table holding what this one holds, with room to grow.
    func copy() -> WordTable {
        let other = WordTable(expectedWords: slotCount / 2)
        if other.arenaCapacity < arenaCount { other.growArena(to: arenaCount) }
        other.slots.update(from: slots, count: slotCount)
        other.entries.initialize(from: entries, count: entryCount)
        other.entryCount = entryCount
        other.arena.initialize(from: arena, count: arenaCount)
        other.arenaCount = arenaCount
        other.otherCounts = otherCounts
        return other
    }

    deinit {
        slots.deallocate()
        entries.deallocate()
        arena.deallocate()
    }

    func markKnown(_ word: String) {
        var word = word
        word.withUTF8 { add($0, head: Self.head($0), ascii: $0.allSatisfy { $0 < 0x80 }, known: true) }
    }

    /// `head` is the word's `head(_:)`, which the caller has at hand.
    func markKnown(_ word: UnsafeBufferPointer<UInt8>, head: UInt64, ascii: Bool) {
        add(word, head: head, ascii: ascii, known: true)
    }

    @inline(__always)
    func count(_ word: UnsafeBufferPointer<UInt8>, head: UInt64, ascii: Bool) {
        add(word, head: head, ascii: ascii, known: false)
    }

    /// A word's first eight bytes as one number, the first byte lowest, zero-padded.
    static func head(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var head: UInt64 = 0
        for (k, b) in word.prefix(8).enumerated() { head |= UInt64(b) << (UInt64(k) &* 8) }
        return head
    }

    @inline(__always)
    private func add(_ word: UnsafeBufferPointer<UInt8>, head: UInt64, ascii: Bool, known: Bool) {
        guard ascii else { return addOther(word, known: known) }
        let length = word.count
        let hash = Self.hash(word, head: head)
        let mask = slotCount &- 1
        var slot = Int(truncatingIfNeeded: hash >> shift)
        while true {
            let e = Int(slots[slot])
            if e < 0 { break }
            let entry = entries + e
            // A word's first eight bytes are compared as one number; most words have no
            // more (a `memcmp` call for each was a sixth of the time here).
            if entry.pointee.hash == hash, entry.pointee.head == head, Int(entry.pointee.length) == length,
               length <= 8 || memcmp(arena + Int(entry.pointee.start) + 8, word.baseAddress! + 8, length &- 8) == 0 {
                if known { entry.pointee.known = true } else { entry.pointee.count &+= 1 }
                return
            }
            slot = (slot &+ 1) & mask
        }
        if arenaCount &+ length > arenaCapacity { growArena(to: arenaCount &+ length) }
        (arena + arenaCount).update(from: word.baseAddress!, count: length)
        slots[slot] = Int32(entryCount)
        (entries + entryCount).initialize(to: Entry(
            hash: hash, head: head, start: Int32(arenaCount), length: Int32(length), count: known ? 0 : 1, known: known))
        entryCount &+= 1
        arenaCount &+= length
        // At most half full: the slots grow, and the entries with them.
        if entryCount * 2 > slotCount { grow() }
    }

    private func addOther(_ word: UnsafeBufferPointer<UInt8>, known: Bool) {
        let key = String(decoding: word, as: UTF8.self)
        let entry = otherCounts[key] ?? (0, false)
        otherCounts[key] = (entry.count + (known ? 0 : 1), entry.known || known)
    }

    /// The head times a large odd number, whose top bits pick the slot: one multiply for a
    /// word of up to eight bytes (most words; the two rounds of mixing before were a chain
    /// of dependent multiplies on every word). The bytes after the first eight, eight at a
    /// time, for the longer ones.
    @inline(__always)
    private static func hash(_ word: UnsafeBufferPointer<UInt8>, head: UInt64) -> UInt64 {
        let h = head &* 0x9E37_79B9_7F4A_7C15
        return word.count > 8 ? longHash(word, h) : h
    }

    private static func longHash(_ word: UnsafeBufferPointer<UInt8>, _ start: UInt64) -> UInt64 {
        var h = start ^ UInt64(word.count)
        let raw = UnsafeRawPointer(word.baseAddress!)
        var i = 8
        while i &+ 8 <= word.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i &+= 8
        }
        var chunk: UInt64 = 0
        var shift: UInt64 = 0
        while i < word.count {
            chunk |= UInt64(word[i]) << shift
            shift &+= 8
            i &+= 1
        }
        return ((h ^ chunk) &* 0x9E37_79B9_7F4A_7C15) ^ (h >> 29)
    }

    /// One more than half the slots: the table grows once more than half are taken.
    private static func entryCapacity(slots: Int) -> Int { slots / 2 + 1 }

    private func growArena(to needed: Int) {
        var capacity = arenaCapacity * 2
        while capacity < needed { capacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        bigger.initialize(from: arena, count: arenaCount)
        arena.deallocate()
        arena = bigger
        arenaCapacity = capacity
    }

    private func grow() {
        slots.deallocate()
        slotCount *= 2
        shift -= 1
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: -1, count: slotCount)
        let mask = slotCount - 1
        for i in 0..<entryCount {
            var slot = Int(truncatingIfNeeded: entries[i].hash >> shift)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(i)
        }
        let bigger = UnsafeMutablePointer<Entry>.allocate(capacity: Self.entryCapacity(slots: slotCount))
        bigger.moveInitialize(from: entries, count: entryCount)
        entries.deallocate()
        entries = bigger
    }

    /// The `limit` most frequent words that are not known, at least `minimumLength`
    /// characters long and not all digits, in `String` order, parted by spaces; ties at the
    /// lowest count chosen go to the words first in `String` order.
    func top(_ limit: Int, minimumLength: Int) -> String {
        var ascii: [Int32] = []
        ascii.reserveCapacity(entryCount)
        var highest: Int32 = 0
        for i in 0..<entryCount {
            let e = entries[i]
            guard !e.known, e.count > 0, Int(e.length) >= minimumLength, !allDigits(e) else { continue }
            ascii.append(Int32(i))
            highest = max(highest, e.count)
        }
        let others = otherCounts.filter { word, entry in
            !entry.known && entry.count > 0 && word.count >= minimumLength && !word.allSatisfy(\.isNumber)
        }
        guard others.isEmpty else {
            var chosen = ascii.map { (word: word(Int($0)), count: Int(entries[Int($0)].count)) }
            chosen += others.map { ($0.key, $0.value.count) }
            chosen.sort { a, b in a.count != b.count ? a.count > b.count : a.word < b.word }
            return chosen.prefix(limit).map(\.word).sorted().joined(separator: " ")
        }
        // All words above the `limit`-th highest count are chosen, and of those at it, the
        // first in order: only that tie is sorted (a page has hundreds of words, most seen
        // once), and then the chosen few. The count is found from a histogram.
        var histogram = [Int](repeating: 0, count: Int(highest) + 1)
        for i in ascii { histogram[Int(entries[Int(i)].count)] += 1 }
        var cutoff = 0, taken = 0
        for count in stride(from: histogram.count - 1, to: 0, by: -1) where taken < limit && histogram[count] > 0 {
            cutoff = count
            taken += histogram[count]
        }
        guard cutoff > 0 else { return "" }
        var chosen: [Keyed] = [], tied: [Keyed] = []
        chosen.reserveCapacity(limit)
        for i in ascii {
            let e = entries[Int(i)]
            let item = Keyed(key: e.head.byteSwapped, index: i)
            if e.count > cutoff { chosen.append(item) } else if e.count == cutoff { tied.append(item) }
        }
        if tied.count > limit - chosen.count { tied = firstInOrder(limit - chosen.count, of: tied) }
        chosen += tied
        sortByBytes(&chosen)
        var length = max(0, chosen.count - 1)
        for item in chosen { length += Int(entries[Int(item.index)].length) }
        return String(unsafeUninitializedCapacity: length) { out in
            var at = 0
            for (k, item) in chosen.enumerated() {
                if k > 0 { out[at] = 0x20; at += 1 }
                let e = entries[Int(item.index)]
                (out.baseAddress! + at).update(from: arena + Int(e.start), count: Int(e.length))
                at += Int(e.length)
            }
            return at
        }
    }

    private func allDigits(_ e: Entry) -> Bool {
        // A byte with 0x40 set is no digit: any letter among the first eight ends it here.
        if e.head & 0x4040_4040_4040_4040 != 0 { return false }
        for k in 0..<Int(e.length) where arena[Int(e.start) + k] < 0x30 || arena[Int(e.start) + k] > 0x39 { return false }
        return true
    }

    private func word(_ i: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: arena + Int(entries[i].start), count: Int(entries[i].length)), as: UTF8.self)
    }

    /// An entry's index beside its first eight bytes as one number, big-endian: words hold
    /// no zero byte, so a shorter word pads below a longer one, and most pairs of words are
    /// ordered by these numbers alone.
    private struct Keyed {
        var key: UInt64
        var index: Int32
    }

    /// Whether `a`'s word comes before `b`'s in byte order. Entries are distinct words, so
    /// one always comes first.
    @inline(__always)
    private func before(_ a: Keyed, _ b: Keyed) -> Bool {
        a.key < b.key || (a.key == b.key && sortsAfter(b.index, a.index))
    }

    /// Sorts entries by their bytes. By insertion, in place: the chosen are a few dozen
    /// words, and the standard sort's buffer and closures cost more than the comparisons.
    private func sortByBytes(_ items: inout [Keyed]) {
        items.withUnsafeMutableBufferPointer { items in
            for i in items.indices.dropFirst() {
                let item = items[i]
                var j = i
                while j > 0, before(item, items[j - 1]) {
                    items[j] = items[j - 1]
                    j -= 1
                }
                items[j] = item
            }
        }
    }

    /// The first `k` of the entries in byte order, in that order: the words tied at the cut
    /// can be a few hundred (all those seen once, on a short page), of which a few are taken,
    /// so only those are kept sorted (sorting them all by insertion was a third of choosing
    /// a page's words).
    private func firstInOrder(_ k: Int, of items: [Keyed]) -> [Keyed] {
        var kept: [Keyed] = []
        guard k > 0 else { return kept }
        kept.reserveCapacity(k + 1)
        for item in items {
            if kept.count == k {
                guard before(item, kept[k - 1]) else { continue }
                kept.removeLast()
            }
            var j = kept.count
            kept.append(item)
            while j > 0, before(item, kept[j - 1]) {
                kept[j] = kept[j - 1]
                j -= 1
            }
            kept[j] = item
        }
        return kept
    }

    /// Whether entry `a` sorts after entry `b` (whose first eight bytes are the same).
    private func sortsAfter(_ a: Int32, _ b: Int32) -> Bool {
        let (x, y) = (entries[Int(a)], entries[Int(b)])
        let c = memcmp(arena + Int(x.start), arena + Int(y.start), Int(min(x.length, y.length)))
        return c != 0 ? c > 0 : x.length > y.length
    }
}
