import Foundation
import Testing

/// The search index and page: built with the site, safe to load as a script, small, and
/// only there when the theme has a `search` layout.
@Suite struct SearchIndexTests {
    static let site = """
        -- Content/_index.md --
        # Home

        Welcome to the **workshop** network.
        -- Content/guide/_index.md --
        ---
        title: Guide
        ---
        How we work.
        -- Content/guide/hostile.md --
        ---
        title: A </script><b> & "quoted" title
        description: Ends </SCRIPT> here & there.
        ---
        ## Soldering safety

        Soldering soldering soldering irons stay on their stands. Ventilation matters.

        ```
        compilerword compilerword
        ```
        """

    func build(_ dir: TempDir) throws -> [String: Data] {
        let result = try townhall(["build", "--quiet", "--as-of", "2026-11-20"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        return tree(dir.url.appendingPathComponent("Site"))
    }

    func index(_ site: [String: Data]) throws -> String {
        let paths = site.keys.filter { $0.hasPrefix("assets/search-index.") && $0.hasSuffix(".js") }
        #expect(paths.count == 1, "one fingerprinted index: \(paths)")
        let path = try #require(paths.first)
        return String(decoding: try #require(site[path]), as: UTF8.self)
    }

    @Test func indexIsAScriptThatCannotCloseAScriptTag() throws {
        let dir = TempDir()
        try dir.write(Self.site)
        try dir.copyTemplates()
        let text = try index(try build(dir))
        #expect(text.contains("window.townhallSearchIndex = {\"version\": 1, \"pages\": [\n"))
        #expect(!text.lowercased().contains("</script"))
        #expect(!text.contains("<b>") && !text.contains(" & "))
        #expect(text.contains(#""t": "A \u003c/script\u003e\u003cb\u003e \u0026 \"quoted\" title""#))
        #expect(text.contains(#""u": "guide/hostile/", "s": "Guide", "h": ["Soldering safety"]"#))
    }

    @Test func entriesFollowReadingOrderWithBodyKeywords() throws {
        let dir = TempDir()
        try dir.write(Self.site)
        try dir.copyTemplates()
        let text = try index(try build(dir))
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("{\"t\"") }
        #expect(lines.count == 3)
        #expect(lines.first?.contains(#""u": """#) == true, "home first")
        #expect(lines.last?.contains("guide/hostile/") == true)
        let hostile = String(lines.last ?? "")
        // Words of the body not already in the title, headings or excerpt; code blocks and
        // stop words left out; the most frequent first cut, then alphabetical.
        #expect(hostile.contains(#""k": "irons matters stands stay ventilation""#), "\(hostile)")
        #expect(!hostile.contains("compilerword"))
    }

    @Test func searchPageListsEveryPageAndHeaderFormPointsToIt() throws {
        let dir = TempDir()
        try dir.write(Self.site)
        try dir.copyTemplates()
        let site = try build(dir)
        let search = String(decoding: try #require(site["search/index.html"]), as: UTF8.self)
        #expect(search.contains("<a href=\"../guide/hostile/\">A &lt;/script&gt;&lt;b&gt; &amp; &quot;quoted&quot; title</a>"))
        #expect(!search.contains("id=\"site-search-q\""), "the search page has its own form, not the header's")
        let page = String(decoding: try #require(site["guide/hostile/index.html"]), as: UTF8.self)
        #expect(page.contains("<body data-root=\"../../\">"))
        #expect(page.contains("<form class=\"site-search\" role=\"search\" action=\"../../search/\" method=\"get\" data-index=\"../../assets/search-index."))
        #expect(page.contains("<script src=\"../../assets/search."))
    }

    @Test func themeWithoutSearchLayoutBuildsNoSearch() throws {
        let dir = TempDir()
        try dir.write(Self.site)
        try dir.copyTemplates()
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("Templates/layouts/search.mustache"))
        let site = try build(dir)
        #expect(site["search/index.html"] == nil)
        #expect(!site.keys.contains { $0.hasPrefix("assets/search-index.") })
        let home = String(decoding: try #require(site["index.html"]), as: UTF8.self)
        #expect(!home.contains("<form"))
    }
}
