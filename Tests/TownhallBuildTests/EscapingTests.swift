import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Hostile front matter, headings, tags and links: nothing reaches the output unescaped.
@Suite struct EscapingTests {
    @Test func hostilePayloadsAreEscapedEverywhere() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write(#"""
            -- Content/site.yaml --
            title: "Club </title><script>alert('site')</script>"
            description: "\" onmouseover=\"alert(1)"
            base_url: "https://example.org/a\"b/"
            footer: "<img src=x onerror=alert(2)>"
            -- Content/_index.md --
            ---
            title: "Home <script>alert(3)</script>"
            description: "quote \" and ' and <b>"
            tags: ["\"><svg onload=alert(4)>", "ok"]
            website: "javascript:alert(5)"
            nested: { link: "  JaVaScRiPt:alert(6)", fine: "https://example.org" }
            ---
            ## Heading with <script>alert(7)</script> {#safe}

            [click](javascript:alert(8)) and [data](data:text/html,<script>alert(9)</script>)

            <iframe src="https://evil.example"></iframe>
            -- Content/_templates/footer.mustache --
            <footer><a href="{{page.params.website}}">site</a> <a href="{{page.params.nested.link}}">n</a> {{page.params.nested.fine}}</footer>
            """#)
        let result = try townhall(["build", "--as-of", "2026-11-20"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("`website` starts with a script URL scheme and was left out"))
        #expect(result.stderr.contains("`nested.link` starts with a script URL scheme and was left out"))
        let site = tree(dir.url.appendingPathComponent("Site"))
        #expect(!site.isEmpty)
        for (path, data) in site {
            let text = String(decoding: data, as: UTF8.self)
            for bad in ["<script>alert", "<img src=x onerror", "<svg onload", "\" onmouseover=", "javascript:alert", "JaVaScRiPt:", "<iframe", "data:text/html,<script"] {
                #expect(!text.contains(bad), "\(path) contains \(bad)")
            }
        }
        let home = String(decoding: try #require(site["index.html"]), as: UTF8.self)
        #expect(home.contains("Home &lt;script&gt;alert(3)&lt;/script&gt;"))
        #expect(home.contains("https://example.org"), "safe values still reach templates")
        let sitemap = String(decoding: try #require(site["sitemap.xml"]), as: UTF8.self)
        #expect(try XMLDocumentCheck.parses(sitemap))
    }
}

enum XMLDocumentCheck {
    /// Parses with Foundation's XML parser; false on any well-formedness error.
    static func parses(_ text: String) throws -> Bool {
        final class Delegate: NSObject, XMLParserDelegate {}
        let parser = XMLParser(data: Data(text.utf8))
        let delegate = Delegate()
        parser.delegate = delegate
        return parser.parse()
    }
}
