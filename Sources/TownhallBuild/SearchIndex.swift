import TownhallContent
import TownhallDiagnostics
import TownhallMarkdown

/// The site's search index, built with the pages and written as a script that assigns a
/// global (`window.townhallSearchIndex`): a `<script src>` loads from `file://`, where `fetch`
/// of a JSON file is blocked, as well as from any server and under any base path.
///
/// One entry per page, in reading order, with short keys to keep it small:
/// `t` title, `u` URL relative to the site root, `s` section title, `h` the `##`/`###`
/// headings, `x` the description cut to 160 characters, `k` up to 48 further words of the
/// body (the most frequent ones not already in the other fields, alphabetical).
struct SearchIndex: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var title: String
        var url: String
        var section: String
        var headings: [String]
        var excerpt: String
        var keywords: [String]
    }

    var entries: [Entry]

    static let excerptLimit = 160
    static let keywordLimit = 48
    static let minimumWordLength = 3

    /// Reads every page's text (in parallel) and keeps what search needs.
    static func build(_ site: SiteContent, threads: Int) -> SearchIndex {
        let order = site.readingOrder
        let entries = order.concurrentMap(threads: threads) { i in entry(site, i) }
        return SearchIndex(entries: entries)
    }

    static func entry(_ site: SiteContent, _ index: Int) -> Entry {
        let page = site.pages[index]
        let headings = page.analysis.headings.filter { $0.level == 2 || $0.level == 3 }.map(\.text)
        let excerpt = Summary.make(page.description, limit: excerptLimit)
        let text = Markdown.text(page.body, options: page.markdownOptions)
        var known = Set(words(page.title) + words(excerpt) + headings.flatMap(words))
        known.formUnion(stopWords)
        var counts: [String: Int] = [:]
        for word in words(text) where !known.contains(word) && word.count >= minimumWordLength
            && !word.allSatisfy(\.isNumber) {
            counts[word, default: 0] += 1
        }
        let keywords = counts.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
            .prefix(keywordLimit).map(\.key).sorted()
        return Entry(
            title: page.title, url: page.url, section: sectionTitle(site, page), headings: headings,
            excerpt: excerpt, keywords: keywords)
    }

    /// The nearest section holding the page (for a section's own page, its parent); the home
    /// page and top-level pages have none.
    static func sectionTitle(_ site: SiteContent, _ page: Page) -> String {
        let folder = page.kind == .page ? page.sectionPath : site.sections[page.sectionPath]?.parent
        guard let folder, !folder.isEmpty, let section = site.sections[folder] else { return "" }
        return site.pages[section.page].title
    }

    /// Lowercased runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// The script, one page a line so that a change shows as a small diff.
    func script() -> String {
        var out = "// Search index written by Townhall: one entry per page (t title, u URL from the site root,\n"
        out += "// s section, h headings, x excerpt, k keywords).\n"
        out += "window.townhallSearchIndex = {\"version\": 1, \"pages\": [\n"
        out += entries.map { e in
            "{\"t\": \(JSONText.quote(e.title)), \"u\": \(JSONText.quote(e.url)), \"s\": \(JSONText.quote(e.section)), "
                + "\"h\": [\(e.headings.map(JSONText.quote).joined(separator: ", "))], "
                + "\"x\": \(JSONText.quote(e.excerpt)), \"k\": \(JSONText.quote(e.keywords.joined(separator: " ")))}"
        }.joined(separator: ",\n")
        out += "\n]};\n"
        return out
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
