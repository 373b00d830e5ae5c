import TownhallContent
import TownhallMarkdown

/// `sitemap.xml` and `robots.txt`, written directly: they are formats, not pages to theme.
enum FeedFiles {
    static func sitemap(_ site: SiteContent) -> String {
        var out: [UInt8] = []
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8
        let base = site.config.baseURL
        // Indices sorted, pages read in place: sorting and binding whole pages copied each.
        // ASCII URLs (nearly all) compare by their bytes, which is the order `String` gives
        // them, and plain ones are not split, encoded and joined again: both were 0.7 % of
        // the CPU of a 10,000-page build.
        let pages = site.pages
        let ascii = pages.map { $0.url.utf8.allSatisfy { $0 < 0x80 } }
        let order = pages.indices.sorted { a, b in
            guard ascii[a], ascii[b] else { return pages[a].url < pages[b].url }
            return pages[a].url.utf8.lexicographicallyPrecedes(pages[b].url.utf8)
        }
        for i in order {
            let url = pages[i].url
            out += "  <url><loc>".utf8
            out += HTMLEscape.text(base + PageURL.encodePath(url)).utf8
            out += "</loc>".utf8
            if let date = pages[i].lastChanged {
                out += "<lastmod>".utf8
                out += date.description.utf8
                out += "</lastmod>".utf8
            }
            out += "</url>\n".utf8
        }
        out += "</urlset>\n".utf8
        return String(decoding: out, as: UTF8.self)
    }

    static func robots(_ site: SiteContent) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(site.config.baseURL)sitemap.xml\n"
    }
}
