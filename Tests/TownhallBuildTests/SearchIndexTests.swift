import Foundation
import Testing
import TownhallDiagnostics

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

    /// JSON quoting as a loop over the characters defined it before it worked on bytes.
    static func referenceQuote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test func jsonQuotingMatchesTheCharacterDefinition() {
        var samples = ["", "plain", "“curly” – ‘quotes’ … é", "a\u{2028}b\u{2029}c\u{2027}d\u{202A}", "</script> & \"x\" \\ y",
                       "\u{0}\u{1}\u{1F}\u{7F}\t\n\r", "e\u{301}\u{2028}", "\u{E000}\u{2028}"]
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", " ", "\"", "\\", "<", ">", "&", "\n", "\u{1}", "\u{2028}", "\u{2029}", "’", "\u{2000}", "\u{E0080}", "é"]
        for _ in 0..<500 { samples.append(String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })) }
        for s in samples { #expect(JSONText.quote(s) == Self.referenceQuote(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })") }
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
