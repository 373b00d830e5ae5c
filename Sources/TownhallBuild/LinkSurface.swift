import TownhallContent
import TownhallRender

/// Everything a link can lead to, hashed: each page's source path, URL, kind, section,
/// title and headings (ids, rule numbers and texts, for anchors and citations), and the
/// copied files. A link resolves the same way, with the same message and suggestion, as
/// long as this and its own page are unchanged.
enum LinkSurface {
    static func hash(_ site: SiteContent, threads: Int) -> UInt64 {
        let pages = site.pages
        let perPage = Array(pages.indices).concurrentMap(threads: threads) { i -> UInt64 in
            let page = pages[i]
            var h = KeyHash()
            h.add(page.sourcePath); h.add(page.displayPath); h.add(page.url)
            h.add(page.kind.rawValue); h.add(page.sectionPath); h.add(page.title)
            for heading in page.analysis.headings {
                h.add(heading.level); h.add(heading.id); h.add(heading.text)
                h.add(heading.number ?? "-"); h.add(heading.numberAnchor ?? "-")
            }
            return h.value
        }
        var hash = KeyHash()
        for value in perPage { hash.add(value) }
        for file in site.staticFiles { hash.add(file.sourcePath) }
        return hash.value
    }
}
