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
        var table = WordTable(expectedWords: text.utf8.count / 6)
        for word in words(title) + words(excerpt(description)) + headings.flatMap(words) { table.markKnown(word) }
        for word in stopWords { table.markKnown(word) }
        forEachWord(in: text) { table.count($0) }
        let chosen = table.top(limit, minimumLength: minimumLength).sorted()
        return SearchKeywords(title: title, description: description, words: chosen)
    }

    /// Lowercased runs of letters and digits.
    public static func words(_ text: String) -> [String] {
        var out: [String] = []
        forEachWord(in: text) { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }

    /// Calls `body` with the UTF-8 bytes of each word of `text`, lowercased. ASCII runs are
    /// cut and lowercased on their bytes; a run holding other characters goes through
    /// `Character`'s properties, which gives the same words ten times slower.
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        var scratch = [UInt8](repeating: 0, count: 64)
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                while i < bytes.count, bytes[i] < 0x80, !isAlphanumeric(bytes[i]) { i += 1 }
                let start = i
                var ascii = true
                while i < bytes.count, bytes[i] >= 0x80 || isAlphanumeric(bytes[i]) {
                    if bytes[i] >= 0x80 { ascii = false }
                    i += 1
                }
                guard i > start else { continue }
                if ascii {
                    let length = i - start
                    if scratch.count < length { scratch = [UInt8](repeating: 0, count: length) }
                    scratch.withUnsafeMutableBufferPointer { out in
                        for k in 0..<length {
                            let b = bytes[start + k]
                            out[k] = b >= 0x41 && b <= 0x5A ? b + 32 : b
                        }
                        body(UnsafeBufferPointer(rebasing: out[0..<length]))
                    }
                } else {
                    let run = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    for word in run.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                        var word = String(word)
                        word.withUTF8 { body($0) }
                    }
                }
            }
        }
    }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

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
