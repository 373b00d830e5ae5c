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
        var known = Set(words(title) + words(excerpt(description)) + headings.flatMap(words))
        known.formUnion(stopWords)
        var counts: [String: Int] = [:]
        for word in words(text) where !known.contains(word) && word.count >= minimumLength && !word.allSatisfy(\.isNumber) {
            counts[word, default: 0] += 1
        }
        let chosen = counts.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
            .prefix(limit).map(\.key).sorted()
        return SearchKeywords(title: title, description: description, words: chosen)
    }

    /// Lowercased runs of letters and digits. ASCII runs are cut and lowercased on their
    /// bytes; a run holding other characters goes through `Character`'s properties, which
    /// gives the same words ten times slower.
    public static func words(_ text: String) -> [String] {
        var out: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                // Skip ASCII separators.
                while i < bytes.count, bytes[i] < 0x80, !isAlphanumeric(bytes[i]) { i += 1 }
                let start = i
                var ascii = true
                while i < bytes.count, bytes[i] >= 0x80 || isAlphanumeric(bytes[i]) {
                    if bytes[i] >= 0x80 { ascii = false }
                    i += 1
                }
                guard i > start else { continue }
                let run = UnsafeBufferPointer(rebasing: bytes[start..<i])
                if ascii {
                    out.append(String(unsafeUninitializedCapacity: run.count) { buffer in
                        for (k, b) in run.enumerated() { buffer[k] = b >= 0x41 && b <= 0x5A ? b + 32 : b }
                        return run.count
                    })
                } else {
                    out += String(decoding: run, as: UTF8.self).lowercased()
                        .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
                }
            }
        }
        return out
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
