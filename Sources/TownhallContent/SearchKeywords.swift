/// The further words of a page that the search index lists (`k`): the most frequent words
/// of the body not already in its title, excerpt or headings. Worked out when the page is
/// read, from the text the first Markdown pass collects, so the page cache keeps them and
/// an unchanged page costs nothing at index time.
public struct SearchKeywords: Sendable, Hashable {
    /// The title and description the words were chosen against; a later stage that retitles
    /// a page (event pages take their data's title) makes them stale.
    public var title: String
    public var description: String
    /// The words in order, each followed by a space but the last: one string made for a
    /// page, not forty-eight (making, caching and freeing each was a percent of a build).
    /// Words hold letters and digits only, so a space parts them unambiguously.
    public var text: String

    public var words: [String] { text.split(separator: " ").map(String.init) }

    public init(title: String, description: String, words: [String]) {
        self.init(title: title, description: description, text: words.joined(separator: " "))
    }

    public init(title: String, description: String, text: String) {
        self.title = title
        self.description = description
        self.text = text
    }

    public static let excerptLimit = 160
    static let limit = 48
    static let minimumLength = 3

    /// The excerpt the index shows for a description.
    public static func excerpt(_ description: String) -> String {
        Summary.make(description, limit: excerptLimit)
    }

    public static func make(title: String, description: String, headings: [String], text: String) -> SearchKeywords {
        var text = text
        return text.withUTF8 { make(title: title, description: description, headings: headings, utf8: $0) }
    }

    /// `make` over the text's UTF-8 bytes (valid UTF-8), as the first Markdown pass collects
    /// them: a `String` of them was checked as UTF-8 once more for nothing.
    public static func make(title: String, description: String, headings: [String], utf8 text: [UInt8]) -> SearchKeywords {
        text.withUnsafeBufferPointer { make(title: title, description: description, headings: headings, utf8: $0) }
    }

    static func make(title: String, description: String, headings: [String], utf8 text: UnsafeBufferPointer<UInt8>) -> SearchKeywords {
        // A copy of a table that holds the stop words already (a hundred words marked on
        // every page were a percent of a build); it grows as the page's words need.
        let table = stopWordTable.copy()
        // A description of at most `excerptLimit` bytes is its own excerpt but for runs of
        // spaces and line feeds, which part words either way: its words are the excerpt's.
        let shown = description.utf8.count <= excerptLimit ? description : excerpt(description)
        for known in [title, shown] + headings {
            forEachWord(in: known) { word, head, ascii in
                if word.count >= minimumLength || !ascii { table.markKnown(word, head: head, ascii: ascii) }
            }
        }
        // Shorter ASCII words are never chosen, so they are not counted.
        forEachWord(in: text) { word, head, ascii in
            if word.count >= minimumLength || !ascii { table.count(word, head: head, ascii: ascii) }
        }
        let chosen = table.top(limit, minimumLength: minimumLength)
        return SearchKeywords(title: title, description: description, text: chosen)
    }

    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>, _ head: UInt64, _ ascii: Bool) -> Void) {
        var text = text
        text.withUTF8 { forEachWord(in: $0, body) }
    }

    /// Calls `body` with the UTF-8 bytes of each word of `bytes` (valid UTF-8), lowercased,
    /// their first eight bytes as one number (`WordTable.head`) and whether they are all
    /// ASCII. ASCII runs are cut and lowercased on their bytes; a run holding
    /// other characters goes through `Character`'s properties, which gives the same words
    /// ten times slower. Smart punctuation (U+2010 to U+2027: dashes, quotes, ellipsis) and
    /// no-break spaces cut runs on their bytes too: they are never letters, and cmark's smart
    /// punctuation puts them between most words that would otherwise take the slow way.
    ///
    /// Text is taken 64 bytes at a time: where all of them are ASCII, which is nearly all of
    /// a page, words are found from a mask of their bytes, one bit each (a byte at a time,
    /// the scan's branches at every word's ends were a third of the keywords' cost).
    @inline(__always)
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, _ head: UInt64, _ ascii: Bool) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        // The text with every byte ORed with 0x20, which lowercases ASCII letters and leaves
        // digits as they are, and eight zero bytes after it: an ASCII word is passed as its
        // place in this copy, and its head read from there as one number and masked.
        let lower = UnsafeMutablePointer<UInt8>.allocate(capacity: n + 8)
        defer { lower.deallocate() }
        (lower + n).initialize(repeating: 0, count: 8)
        let raw = UnsafeRawPointer(base), lowerRaw = UnsafeMutableRawPointer(lower)
        var k = 0
        while k + 8 <= n {
            lowerRaw.storeBytes(of: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) | 0x2020_2020_2020_2020, toByteOffset: k, as: UInt64.self)
            k += 8
        }
        while k < n {
            lower[k] = base[k] | 0x20
            k += 1
        }
        // The run being read: where it started (-1 when none) and whether it is all ASCII.
        var start = -1
        var ascii = true
        @inline(__always) func finish(_ end: Int) {
            if ascii {
                let length = end &- start
                let first = UnsafeRawPointer(lower + start).loadUnaligned(as: UInt64.self)
                let head = length >= 8 ? first : first & ((1 << (UInt64(length) &* 8)) &- 1)
                body(UnsafeBufferPointer(start: lower + start, count: length), head, true)
            } else {
                let run = String(decoding: UnsafeBufferPointer(start: base + start, count: end &- start), as: UTF8.self)
                for word in run.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                    var word = String(word)
                    word.withUTF8 { body($0, WordTable.head($0), $0.allSatisfy { $0 < 0x80 }) }
                }
            }
            start = -1
        }
        var i = 0
        while i < n {
            if n &- i >= 64, let words = asciiWordMask(raw + i) {
                var m = words
                if start >= 0 {
                    // The run goes on through the block's first word bytes.
                    let through = (~m).trailingZeroBitCount
                    if through == 64 {
                        i &+= 64
                        continue
                    }
                    finish(i &+ through)
                    m &= ~0 << UInt64(through)
                }
                while m != 0 {
                    let first = m.trailingZeroBitCount
                    let length = (~(m >> UInt64(first))).trailingZeroBitCount
                    start = i &+ first
                    ascii = true
                    let end = first &+ length
                    if end == 64 { break }
                    finish(i &+ end)
                    m &= ~0 << UInt64(end)
                }
                i &+= 64
                continue
            }
            // A block with other bytes (or the last few bytes), a byte at a time.
            let limit = min(n, i &+ 64)
            while i < limit {
                let b = base[i]
                if b < 0x80 {
                    if isWordByte(b) {
                        if start < 0 { (start, ascii) = (i, true) }
                    } else if start >= 0 {
                        finish(i)
                    }
                    i &+= 1
                } else if let width = separatorWidth(base, i, n) {
                    if start >= 0 { finish(i) }
                    i &+= width
                } else {
                    if start < 0 { start = i }
                    ascii = false
                    i &+= 1
                }
            }
        }
        if start >= 0 { finish(n) }
    }

    @inline(__always)
    private static func isWordByte(_ b: UInt8) -> Bool {
        let lower = b | 0x20
        return (b &- 0x30) < 10 || (lower &- 0x61) < 26
    }

    /// For 64 bytes all ASCII, a mask with bit `k` set when byte `k` is a letter or digit;
    /// nil when any byte is not ASCII. Eight bytes at a time: with the high bit clear, adding
    /// to a byte never carries into the next, so ranges are checked by the high bits of sums.
    @inline(__always)
    private static func asciiWordMask(_ p: UnsafeRawPointer) -> UInt64? {
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func splat(_ b: UInt64) -> UInt64 { b &* 0x0101_0101_0101_0101 }
        var mask: UInt64 = 0
        var any: UInt64 = 0
        for part in 0..<8 {
            let x = p.loadUnaligned(fromByteOffset: part &* 8, as: UInt64.self)
            any |= x
            let lower = x | splat(0x20)
            // High bit set where `lower` is in a...z, and where `x` is in 0...9.
            let letter = (lower &+ splat(0x80 - 0x61)) & ~(lower &+ splat(0x80 - 0x7B))
            let digit = (x &+ splat(0x80 - 0x30)) & ~(x &+ splat(0x80 - 0x3A))
            let bits = ((letter | digit) & highs) >> 7
            // One bit per byte, gathered into the top byte, byte k at bit k.
            mask |= ((bits &* 0x0102_0408_1020_4080) >> 56) << UInt64(part &* 8)
        }
        return any & highs == 0 ? mask : nil
    }

    /// The length of the no-break space or smart punctuation that starts at `i`, when its
    /// neighbours are ASCII: a combining mark after it, or a prepended letter before it, would
    /// make one `Character` of them (left to the `Character` path).
    @inline(__always)
    private static func separatorWidth(_ base: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int? {
        let width: Int
        if base[i] == 0xC2, i + 1 < n, base[i + 1] == 0xA0 {
            width = 2
        } else if base[i] == 0xE2, i + 2 < n, base[i + 1] == 0x80, base[i + 2] >= 0x90, base[i + 2] <= 0xA7 {
            width = 3
        } else {
            return nil
        }
        guard i == 0 || base[i - 1] < 0x80, i + width == n || base[i + width] < 0x80 else { return nil }
        return width
    }

    private static let stopWordTable: WordTable = {
        let table = WordTable(expectedWords: 512)
        for word in stopWords.sorted() { table.markKnown(word) }
        return table
    }()

    /// Common English words that would only make the index larger. Searching still finds
    /// them in titles, headings and excerpts, which are indexed whole.
    static let stopWords: Set<String> = [
        "about", "after", "again", "all", "also", "and", "any", "are", "because", "been", "before",
        "being", "both", "but", "can", "could", "did", "does", "each", "even", "every", "few", "for",
        "from", "had", "has", "have", "her", "here", "him", "his", "how", "into", "its", "just",
        "may", "more", "most", "much", "must", "not", "now", "off", "once", "one", "only", "other",
        "our", "out", "over", "own", "same", "she", "should", "some", "such", "than", "that", "the",
        "their", "them", "then", "there", "these", "they", "this", "those", "through", "too",
        "under", "until", "very", "was", "way", "were", "what", "when", "where", "which", "while",
        "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
    ]
}
