import TownhallContent
import TownhallDiagnostics
import TownhallMarkdown
import TownhallRender

/// The site's search index, built with the pages and written as a script that assigns a
/// global (`window.townhallSearchIndex`): a `<script src>` loads from `file://`, where `fetch`
/// of a JSON file is blocked, as well as from any server and under any base path.
///
/// One entry per page, in reading order, with short keys to keep it small:
/// `t` title, `u` URL relative to the site root, `s` section title, `h` the `##`/`###`
/// headings, `x` the description cut to 160 characters, `k` up to 48 further words of the
/// body (the most frequent ones not already in the other fields, alphabetical).
enum SearchIndex {
    struct Entry: Sendable, Equatable {
        var title: String
        var url: String
        var section: String
        var headings: [String]
        var excerpt: String
        var keywords: [String]
    }

    /// Where the script is written: a stable name, see SiteBuilder.
    static let path = "assets/search-index.js"

    static func entry(_ site: SiteContent, _ index: Int) -> Entry {
        let page = site.pages[index]
        let headings = page.analysis.headings.filter { $0.level == 2 || $0.level == 3 }.map(\.text)
        var keywords = page.searchKeywords
        if keywords?.title != page.title || keywords?.description != page.description {
            // Generated or retitled pages: their text is read here instead.
            keywords = SearchKeywords.make(
                title: page.title, description: page.description, headings: headings,
                text: Markdown.text(page.body, options: page.markdownOptions))
        }
        return Entry(
            title: page.title, url: page.url, section: sectionTitle(site, page), headings: headings,
            excerpt: SearchKeywords.excerpt(page.description), keywords: keywords!.words)
    }

    /// The nearest section holding the page (for a section's own page, its parent); the home
    /// page and top-level pages have none.
    static func sectionTitle(_ site: SiteContent, _ page: Page) -> String {
        let folder = page.kind == .page ? page.sectionPath : site.sections[page.sectionPath]?.parent
        guard let folder, !folder.isEmpty, let section = site.sections[folder] else { return "" }
        return site.pages[section.page].title
    }

    /// Every page's line of the script, in reading order, reusing the `cached` lines (by
    /// page URL) whose key is unchanged: a line is made from the page (`pageKeys`) and the
    /// title of its section, nothing else.
    static func lines(_ site: SiteContent, pageKeys: [UInt64], cached: [String: SearchLine], threads: Int) -> [SearchLine] {
        site.readingOrder.concurrentMap(threads: threads) { i in
            let page = site.pages[i]
            var key = KeyHash()
            key.add(pageKeys[i])
            key.add(sectionTitle(site, page))
            if let hit = cached[page.url], hit.key == key.value { return hit }
            let text = line(entry(site, i))
            var hash = KeyHash()
            hash.add(text)
            return SearchLine(url: page.url, key: key.value, text: text, hash: hash.value)
        }
    }

    /// The script, one page a line so that a change shows as a small diff.
    static func script(lines: [String]) -> String {
        var out = "// Search index written by Townhall: one entry per page (t title, u URL from the site root,\n"
        out += "// s section, h headings, x excerpt, k keywords).\n"
        out += "window.townhallSearchIndex = {\"version\": 1, \"pages\": [\n"
        out += lines.joined(separator: ",\n")
        out += "\n]};\n"
        return out
    }

    static func line(_ e: Entry) -> String {
        "{\"t\": \(JSONText.quote(e.title)), \"u\": \(JSONText.quote(e.url)), \"s\": \(JSONText.quote(e.section)), "
            + "\"h\": [\(e.headings.map(JSONText.quote).joined(separator: ", "))], "
            + "\"x\": \(JSONText.quote(e.excerpt)), \"k\": \(JSONText.quote(e.keywords.joined(separator: " ")))}"
    }
}

/// One page's line of the search index, as the next build may reuse it.
struct SearchLine: Sendable, Equatable {
    var url: String
    /// The page's key and its section's title.
    var key: UInt64
    var text: String
    /// Of `text`: the script is written again only when a line's text changed.
    var hash: UInt64
}
