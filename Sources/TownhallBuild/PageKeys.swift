import TownhallContent
import TownhallRender

/// For each page, a hash of the page itself as the build holds it: its source file's
/// signature (or, for a page made from data, its text) and the fields later stages may have
/// set (kind, URL, layout, dates). The page's checks, search line and render key all
/// start from it.
enum PageKeys {
    static func of(_ site: SiteContent, signatures: [String: UInt64], threads: Int) -> [UInt64] {
        let pages = site.pages
        return Array(pages.indices).concurrentMap(threads: threads) { i in
            let page = pages[i]
            if let signature = signatures[page.sourcePath] { return key(signature: signature, fields: fields(page)) }
            var h = KeyHash()
            h.add(page.title); h.add(page.description); h.add(page.body)
            h.add(page.frontMatter.tags.joined(separator: "\n"))
            h.add(fields(page))
            return h.value
        }
    }

    /// The key of a page read from a file: its signature and its `fields`.
    static func key(signature: UInt64, fields: UInt64) -> UInt64 {
        var h = KeyHash()
        h.add(signature)
        h.add(fields)
        return h.value
    }

    /// What later stages may have set on the page.
    static func fields(_ page: Page) -> UInt64 {
        var h = KeyHash()
        h.add(page.kind.rawValue); h.add(page.sourcePath); h.add(page.displayPath); h.add(page.url)
        h.add(page.sectionPath); h.add(page.title); h.add(page.description)
        h.add(page.frontMatter.layout ?? "-")
        for date in [page.frontMatter.date, page.frontMatter.updated, page.frontMatter.reviewed] { h.add(date?.description ?? "-") }
        h.add(page.frontMatter.weight ?? Int.max)
        h.add(page.bodyLineOffset)
        return h.value
    }
}
