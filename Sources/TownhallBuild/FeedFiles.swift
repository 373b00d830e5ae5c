import TownhallContent
import TownhallMarkdown

/// `sitemap.xml` and `robots.txt`, written directly: they are formats, not pages to theme.
enum FeedFiles {
    static func sitemap(_ site: SiteContent) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let base = site.config.baseURL
        let entries = site.pages.sorted { $0.url < $1.url }
        for page in entries {
            out += "  <url><loc>\(HTMLEscape.text(base + page.url.split(separator: "/").map { PageURL.encode(String($0)) }.joined(separator: "/") + (page.url.isEmpty ? "" : "/")))</loc>"
            if let date = page.lastChanged { out += "<lastmod>\(date)</lastmod>" }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }

    static func robots(_ site: SiteContent) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(site.config.baseURL)sitemap.xml\n"
    }
}
