/// The further words of a page that the search index lists (`k`): the most frequent words
/// of the body not already in its title, excerpt or headings. Worked out when the page is
/// read, from the text the first Markdown pass collects, so the page cache keeps them and
/// an unchanged page costs nothing at index time.
public struct SearchKeywords: Sendable, Hashable {
    /// The title and description the words were chosen against; a later stage that retitles
    /// a page (event pages take their data's title) makes them stale.
    public var title: String
    public var description: String
    public var words: [String]

    public init(title: String, description: String, words: [String]) {
        self.title = title
        self.description = description
        self.words = words
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
        var table = stopWordTable
        for known in [title, excerpt(description)] + headings {
            forEachWord(in: known) { word, head, ascii in
                if word.count >= minimumLength || !ascii { table.markKnown(word, head: head, ascii: ascii) }
            }
        }
        // Shorter ASCII words are never chosen, so they are not counted.
        forEachWord(in: text) { word, head, ascii in
            if word.count >= minimumLength || !ascii { table.count(word, head: head, ascii: ascii) }
        }
        let chosen = table.top(limit, minimumLength: minimumLength)
        return SearchKeywords(title: title, description: description, words: chosen)
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
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, _ head: UInt64, _ ascii: Bool) -> Void) {
        guard let base = bytes.baseAddress else { return }
        // The table is read through a pointer: a `static let` inside the loop is a
        // `swift_once` call per byte.
        wordByte.withUnsafeBufferPointer { wordByte in
            let n = bytes.count
            // Eight bytes to spare, zeroed: a word's head is read as one number and masked.
            let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: n + 8)
            scratch.initialize(repeating: 0, count: n + 8)
            defer { scratch.deallocate() }
            var i = 0
            while i < n {
                var b = base[i]
                if b < 0x80 {
                    if wordByte[Int(b)] == 0 { i += 1; continue }
                } else if let width = separatorWidth(base, i, n) {
                    i += width
                    continue
                }
                let start = i
                var ascii = true
                while i < n {
                    b = base[i]
                    if b < 0x80 {
                        let lower = wordByte[Int(b)]
                        if lower == 0 { break }
                        scratch[i - start] = lower
                        i += 1
                    } else {
                        if separatorWidth(base, i, n) != nil { break }
                        ascii = false
                        i += 1
                    }
                }
                if ascii {
                    let length = i - start
                    let first = UInt64(littleEndian: UnsafeRawPointer(scratch).loadUnaligned(as: UInt64.self))
                    let head = length >= 8 ? first : first & ((1 << (UInt64(length) &* 8)) &- 1)
                    body(UnsafeBufferPointer(start: scratch, count: length), head, true)
                } else {
                    let run = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    for word in run.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                        var word = String(word)
                        word.withUTF8 { body($0, WordTable.head($0), $0.allSatisfy { $0 < 0x80 }) }
                    }
                }
            }
        }
    }

    /// For each ASCII byte: its lowercase when it is a letter or digit, else 0.
    private static let wordByte: [UInt8] = (0..<128).map { b -> UInt8 in
        switch b {
        case 0x30...0x39, 0x61...0x7A: UInt8(b)
        case 0x41...0x5A: UInt8(b + 32)
        default: 0
        }
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
        var table = WordTable(expectedWords: 512)
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
