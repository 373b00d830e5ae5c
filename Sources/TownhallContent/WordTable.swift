#if canImport(Glibc)
import Glibc
#endif

/// Word counts for `SearchKeywords`, keyed by the words' bytes: a page's few hundred distinct
/// words are counted without making a `String` of each of its thousand, which halved the
/// cost of reading a page. Words with non-ASCII letters are counted as `String`s, which
/// compare by canonical equivalence as the index always has.
struct WordTable {
    private var arena: [UInt8] = []
    private var entries: [(start: Int, length: Int, hash: UInt64, count: Int, known: Bool)] = []
    private var slots: [Int32]
    private var otherCounts: [String: (count: Int, known: Bool)] = [:]

    init(expectedWords: Int) {
        var size = 64
        while size < expectedWords * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        arena.reserveCapacity(expectedWords * 4)
    }

    mutating func markKnown(_ word: String) {
        var word = word
        word.withUTF8 { add($0, known: true) }
    }

    mutating func count(_ word: UnsafeBufferPointer<UInt8>) {
        add(word, known: false)
    }

    private mutating func add(_ word: UnsafeBufferPointer<UInt8>, known: Bool) {
        guard word.allSatisfy({ $0 < 0x80 }) else {
            let key = String(decoding: word, as: UTF8.self)
            let entry = otherCounts[key] ?? (0, false)
            otherCounts[key] = (entry.count + (known ? 0 : 1), entry.known || known)
            return
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let e = Int(slots[slot])
            if entries[e].hash == hash, entries[e].length == word.count, equal(entries[e].start, word) {
                entries[e].count += known ? 0 : 1
                entries[e].known = entries[e].known || known
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(entries.count)
        entries.append((arena.count, word.count, hash, known ? 0 : 1, known))
        arena.append(contentsOf: word)
        if entries.count * 2 > slots.count { grow() }
    }

    private func equal(_ start: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        for k in 0..<word.count where arena[start + k] != word[k] { return false }
        return true
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
    /// characters long and not all digits; ties go to the word first in `String` order.
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
        // Only words at or above the `limit`-th highest count can be chosen: find that count
        // from a histogram and sort just those (a page has hundreds of words, most seen once).
        var histogram: [Int: Int] = [:]
        for i in ascii { histogram[entries[i].count, default: 0] += 1 }
        var cutoff = 0, taken = 0
        for count in histogram.keys.sorted(by: >) where taken < limit {
            cutoff = count
            taken += histogram[count]!
        }
        ascii.removeAll { entries[$0].count < cutoff }
        // ASCII words sort by their bytes, which is `String` order for them.
        arena.withUnsafeBufferPointer { bytes in
            ascii.sort { a, b in
                let (x, y) = (entries[a], entries[b])
                if x.count != y.count { return x.count > y.count }
                let c = memcmp(bytes.baseAddress! + x.start, bytes.baseAddress! + y.start, min(x.length, y.length))
                return c != 0 ? c < 0 : x.length < y.length
            }
        }
        var chosen = ascii.prefix(limit).map { i -> (word: String, count: Int) in
            let e = entries[i]
            return (String(decoding: arena[e.start..<(e.start + e.length)], as: UTF8.self), e.count)
        }
        let others = otherCounts.filter { word, entry in
            !entry.known && entry.count > 0 && word.count >= minimumLength && !word.allSatisfy(\.isNumber)
        }
        if !others.isEmpty {
            chosen += others.map { ($0.key, $0.value.count) }
            chosen.sort { a, b in a.count != b.count ? a.count > b.count : a.word < b.word }
        }
        return chosen.prefix(limit).map(\.word)
    }
}
