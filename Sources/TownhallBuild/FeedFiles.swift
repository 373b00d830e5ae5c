import TownhallContent
import TownhallMarkdown

/// `sitemap.xml` and `robots.txt`, written directly: they are formats, not pages to theme.
enum FeedFiles {
    static func sitemap(_ site: SiteContent) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let base = site.config.baseURL
        // Indices sorted, pages read in place: sorting and binding whole pages copied each.
        let pages = site.pages
        for i in pages.indices.sorted(by: { pages[$0].url < pages[$1].url }) {
            let url = pages[i].url
            out += "  <url><loc>\(HTMLEscape.text(base + url.split(separator: "/").map { PageURL.encode(String($0)) }.joined(separator: "/") + (url.isEmpty ? "" : "/")))</loc>"
            if let date = pages[i].lastChanged { out += "<lastmod>\(date)</lastmod>" }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }

    static func robots(_ site: SiteContent) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(site.config.baseURL)sitemap.xml\n"
    }
}
