import Foundation
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
        /// The keywords, parted by spaces (`SearchKeywords.text`).
        var keywords: String
    }

    /// Where the script is written: a stable name, see SiteBuilder.
    static let path = "assets/search-index.js"

    static func entry(_ site: SiteContent, _ index: Int) -> Entry {
        entry(site.pages[index], section: sectionTitle(site, site.pages[index]))
    }

    /// The entry of `page` in the section titled `section`.
    static func entry(_ page: Page, section: String) -> Entry {
        let headings = page.analysis.headings.filter { $0.level == 2 || $0.level == 3 }.map(\.text)
        var keywords = page.searchKeywords
        if keywords?.title != page.title || keywords?.description != page.description {
            // Generated or retitled pages: their text is read here instead.
            keywords = SearchKeywords.make(
                title: page.title, description: page.description, headings: headings,
                text: Markdown.text(page.body, options: page.markdownOptions))
        }
        return Entry(
            title: page.title, url: page.url, section: section, headings: headings,
            excerpt: SearchKeywords.excerpt(page.description), keywords: keywords!.text)
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

    /// A page's new line, at its place in reading order, and the hash of the line it replaces.
    struct Replacement {
        var position: Int
        var text: String
        var oldHash: UInt64
    }

    /// The script `old` (as `script` wrote it) with some lines replaced; nil when a line
    /// to replace is not where and what the replacement says.
    static func replacing(_ replacements: [Replacement], in old: Data) -> Data? {
        let header = 3
        let bytes = [UInt8](old)
        // Where each line starts, up to the last one replaced (memchr: megabytes of lines).
        let last = header + (replacements.map(\.position).max() ?? 0)
        var starts = [0]
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var from = 0
            while starts.count <= last + 1, from < raw.count,
                  let hit = memchr(base + from, Int32(UInt8(ascii: "\n")), raw.count - from) {
                from = base.distance(to: UnsafeRawPointer(hit)) + 1
                starts.append(from)
            }
        }
        guard starts.count > last + 1 else { return nil }
        var out = Data()
        out.reserveCapacity(bytes.count + 1024)
        var cursor = 0
        for r in replacements.sorted(by: { $0.position < $1.position }) {
            let start = starts[header + r.position]
            var end = starts[header + r.position + 1] - 1
            // Every line but the last ends in a comma before its newline.
            let comma = end > start && bytes[end - 1] == UInt8(ascii: ",")
            if comma { end -= 1 }
            var hash = KeyHash()
            hash.add(String(decoding: bytes[start..<end], as: UTF8.self))
            guard start >= cursor, hash.value == r.oldHash else { return nil }
            out.append(contentsOf: bytes[cursor..<start])
            out.append(contentsOf: r.text.utf8)
            cursor = end
        }
        out.append(contentsOf: bytes[cursor...])
        return out
    }

    /// Written as bytes: joined and interpolated `String`s were most of making a line.
    static func line(_ e: Entry) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        out += "{\"t\": ".utf8
        JSONText.append(e.title, to: &out)
        out += ", \"u\": ".utf8
        JSONText.append(e.url, to: &out)
        out += ", \"s\": ".utf8
        JSONText.append(e.section, to: &out)
        out += ", \"h\": [".utf8
        for (k, heading) in e.headings.enumerated() {
            if k > 0 { out += ", ".utf8 }
            JSONText.append(heading, to: &out)
        }
        out += "], \"x\": ".utf8
        JSONText.append(e.excerpt, to: &out)
        // The keywords as one string, space-separated (a space needs no escape).
        out += ", \"k\": ".utf8
        JSONText.append(e.keywords, to: &out)
        out += "}".utf8
        return String(decoding: out, as: UTF8.self)
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
