#if canImport(Glibc)
import Glibc
#endif

/// Word counts for `SearchKeywords`, keyed by the words' bytes: a page's few hundred distinct
/// words are counted without making a `String` of each of its thousand, which halved the
/// cost of reading a page. Words with non-ASCII letters are counted as `String`s, which
/// compare by canonical equivalence as the index always has.
struct WordTable {
    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    private var slots: [Int32]
    private var otherCounts: [String: (count: Int, known: Bool)] = [:]

    private struct Entry {
        var start: Int
        var length: Int
        var hash: UInt64
        var head: UInt64
        var count: Int
        var known: Bool
    }

    init(expectedWords: Int) {
        var size = 64
        while size < expectedWords * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        arena.reserveCapacity(expectedWords * 4)
    }

    mutating func markKnown(_ word: String) {
        var word = word
        word.withUTF8 { add($0, head: Self.head($0), ascii: $0.allSatisfy { $0 < 0x80 }, known: true) }
    }

    /// `head` is the word's `head(_:)`, which the caller has at hand.
    mutating func markKnown(_ word: UnsafeBufferPointer<UInt8>, head: UInt64, ascii: Bool) {
        add(word, head: head, ascii: ascii, known: true)
    }

    mutating func count(_ word: UnsafeBufferPointer<UInt8>, head: UInt64, ascii: Bool) {
        add(word, head: head, ascii: ascii, known: false)
    }

    /// A word's first eight bytes as one number, the first byte lowest, zero-padded.
    static func head(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var head: UInt64 = 0
        for (k, b) in word.prefix(8).enumerated() { head |= UInt64(b) << (UInt64(k) &* 8) }
        return head
    }

    private mutating func add(_ word: UnsafeBufferPointer<UInt8>, head: UInt64, ascii: Bool, known: Bool) {
        guard ascii else {
            let key = String(decoding: word, as: UTF8.self)
            let entry = otherCounts[key] ?? (0, false)
            otherCounts[key] = (entry.count + (known ? 0 : 1), entry.known || known)
            return
        }
        let hash = Self.hash(word, head: head)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        // Probed through pointers: with array subscripts, bounds and uniqueness checks were
        // a third of the time here.
        let found: Int? = entries.withUnsafeBufferPointer { entries in
            arena.withUnsafeBufferPointer { arena in
                slots.withUnsafeBufferPointer { slots in
                    while slots[slot] >= 0 {
                        let e = Int(slots[slot])
                        // A word's first eight bytes are compared as one number; most
                        // words have no more (a `memcmp` call for each was a sixth of `add`).
                        if entries[e].hash == hash, entries[e].head == head, entries[e].length == word.count,
                           word.count <= 8 || memcmp(arena.baseAddress! + entries[e].start + 8, word.baseAddress! + 8, word.count - 8) == 0 {
                            return e
                        }
                        slot = (slot + 1) & mask
                    }
                    return nil
                }
            }
        }
        if let e = found {
            if !known { entries[e].count += 1 } else { entries[e].known = true }
            return
        }
        slots[slot] = Int32(entries.count)
        entries.append(Entry(start: arena.count, length: word.count, hash: hash, head: head, count: known ? 0 : 1, known: known))
        arena.append(contentsOf: word)
        if entries.count * 2 > slots.count { grow() }
    }

    /// From the head the scan gives, mixed with the length, then the bytes after the first
    /// eight, eight at a time: most words have none (hashing each byte was a quarter of `add`).
    private static func hash(_ word: UnsafeBufferPointer<UInt8>, head: UInt64) -> UInt64 {
        var h = (head ^ (UInt64(word.count) &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 32
        if word.count > 8 {
            var chunk: UInt64 = 0
            var shift: UInt64 = 0
            for b in word[8...] {
                chunk |= UInt64(b) << shift
                shift += 8
                if shift == 64 {
                    h = (h ^ chunk) &* 0xFF51_AFD7_ED55_8CCD
                    h ^= h >> 32
                    chunk = 0
                    shift = 0
                }
            }
            h ^= chunk
        }
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (i, e) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: e.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(i)
        }
    }

    /// The `limit` most frequent words that are not known, at least `minimumLength`
    /// characters long and not all digits, in `String` order; ties at the lowest count
    /// chosen go to the words first in `String` order.
    func top(_ limit: Int, minimumLength: Int) -> [String] {
        var ascii: [Int] = []
        for (i, e) in entries.enumerated() where !e.known && e.count > 0 && e.length >= minimumLength {
            var digits = true
            for k in 0..<e.length where arena[e.start + k] < 0x30 || arena[e.start + k] > 0x39 {
                digits = false
                break
            }
            if !digits { ascii.append(i) }
        }
        let others = otherCounts.filter { word, entry in
            !entry.known && entry.count > 0 && word.count >= minimumLength && !word.allSatisfy(\.isNumber)
        }
        func word(_ i: Int) -> String {
            String(decoding: arena[entries[i].start..<(entries[i].start + entries[i].length)], as: UTF8.self)
        }
        guard others.isEmpty else {
            var chosen = ascii.map { (word: word($0), count: entries[$0].count) }
            chosen += others.map { ($0.key, $0.value.count) }
            chosen.sort { a, b in a.count != b.count ? a.count > b.count : a.word < b.word }
            return chosen.prefix(limit).map(\.word).sorted()
        }
        // All words above the `limit`-th highest count are chosen, and of those at it, the
        // first in order: only that tie is sorted (a page has hundreds of words, most seen
        // once), and then the chosen few. The count is found from a histogram.
        var histogram = [Int](repeating: 0, count: (ascii.map { entries[$0].count }.max() ?? 0) + 1)
        for i in ascii { histogram[entries[i].count] += 1 }
        var cutoff = 0, taken = 0
        for count in stride(from: histogram.count - 1, to: 0, by: -1) where taken < limit && histogram[count] > 0 {
            cutoff = count
            taken += histogram[count]
        }
        guard cutoff > 0 else { return [] }
        var chosen = ascii.filter { entries[$0].count > cutoff }
        var tied = ascii.filter { entries[$0].count == cutoff }
        if tied.count > limit - chosen.count {
            sortByBytes(&tied)
            tied.removeLast(tied.count - (limit - chosen.count))
        }
        chosen += tied
        sortByBytes(&chosen)
        return chosen.map(word)
    }

    /// Sorts entries by their bytes: first by their first eight bytes as one number (words
    /// hold no zero byte, so a shorter word pads below a longer one), then by all of them.
    private func sortByBytes(_ indices: inout [Int]) {
        arena.withUnsafeBufferPointer { bytes in
            // `head` holds them first byte lowest: swapped, the first byte is the highest.
            var keyed = indices.map { i in (key: entries[i].head.byteSwapped, index: i) }
            keyed.sort { a, b in
                if a.key != b.key { return a.key < b.key }
                let (x, y) = (entries[a.index], entries[b.index])
                let c = memcmp(bytes.baseAddress! + x.start, bytes.baseAddress! + y.start, min(x.length, y.length))
                return c != 0 ? c < 0 : x.length < y.length
            }
            indices = keyed.map(\.index)
        }
    }
}
