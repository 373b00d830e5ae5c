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

    @Test func feedsCalendarAndSearchIndexSurviveHostileText() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        let bell = "\u{07}", vtab = "\u{0B}"
        try dir.write("""
            -- Content/_index.md --
            # Home </script><script>alert(1)</script>
            -- Content/data/members.csv --
            id,name,joined,tier
            m1,"Ada</script>\(bell)",2026-01-01,steward
            -- Content/events/2026-01-10-party.md --
            ---
            title: "Party\\a </title> & <b>; \\\\ back\\\\slash, ok"
            date: 2026-01-10
            kind: meetup
            location: "Hall;\\v back, room"
            capacity: 10
            hosts: [m1]
            recap: "It went <well> & \\afine"
            ---
            Plan with </script> and \(bell).
            -- Content/events/2026-12-10-later.md --
            ---
            title: "Later\\a <i>"
            date: 2026-12-10
            kind: talk
            location: "Room\\v"
            capacity: 10
            hosts: [m1]
            ---
            Soon.
            """)
        let result = try townhall(["build", "--as-of", "2026-11-20"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        let site = tree(dir.url.appendingPathComponent("Site"))
        let feed = String(decoding: try #require(site["feed.xml"]), as: UTF8.self)
        #expect(try XMLDocumentCheck.parses(feed), "the Atom feed stays well-formed")
        let calendar = String(decoding: try #require(site["events.ics"]), as: UTF8.self)
        for scalar in calendar.unicodeScalars where scalar.value < 0x20 {
            #expect(scalar == "\r" || scalar == "\n", "control character U+\(String(scalar.value, radix: 16)) in events.ics")
        }
        #expect(calendar.contains("Room"))
        for (path, data) in site where path.hasSuffix(".js") || path.hasSuffix(".html") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("</script><script>alert"), "\(path) lets a script out")
            #expect(!text.contains(bell), "\(path) carries a control character")
        }
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
