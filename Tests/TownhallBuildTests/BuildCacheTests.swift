import Foundation
import Testing
import TownhallContent
import TownhallDiagnostics
@testable import TownhallBuild

@Suite struct BuildCacheTests {
    @Test func cacheRoundTripsPagesKeysAndManifest() throws {
        let dir = TempDir()
        try dir.write("""
            -- Content/_index.md --
            ---
            title: Home
            weight: -3
            reviewed: 2026-01-02
            tags: [a, "b c"]
            extra: { list: [1, 2.5, true, null, "x"] }
            numbered: true
            ---
            ## Rule {#r}

            [link](other.md#x) [§](#r) é ✓

            ```chart
            members.growth
            ```
            """)
        var diagnostics: [Diagnostic] = []
        let read = ContentLoader(root: dir.url.appendingPathComponent("Content"), displayRoot: "Content")
            .readPages(config: SiteConfig(), cache: [:], diagnostics: &diagnostics)
        var cache = BuildCache()
        cache.pages = read.cache
        cache.renderKeys = ["index.html": 0xFFFF_FFFF_FFFF_FFFF, "a/index.html": 1]
        cache.manifest.entries = ["index.html": 42, "x.css": UInt64.max]
        let url = dir.url.appendingPathComponent("cache.bin")
        try cache.save(to: url)
        let loaded = try #require(BuildCache.load(from: url)).withPages()
        #expect(loaded.pages["_index.md"]?.page == read.cache["_index.md"]?.page)
        #expect(loaded.pages["_index.md"]?.page.analysis.embeds.count == 1, "embedded figures survive the cache")
        #expect(loaded.pages["_index.md"]?.signature == read.cache["_index.md"]?.signature)
        #expect(loaded.renderKeys == cache.renderKeys)
        #expect(loaded.manifest == cache.manifest)
    }

    @Test func corruptCacheIsIgnored() throws {
        let dir = TempDir()
        let url = dir.url.appendingPathComponent("cache.bin")
        try Data([1, 2, 3, 0xFF, 0xFF]).write(to: url)
        #expect(BuildCache.load(from: url) == nil)
    }

    @Test func pagesOfAnotherSaveAreNotUsed() throws {
        let dir = TempDir()
        try dir.write("""
            -- Content/_index.md --
            # Home

            Hello.
            """)
        var diagnostics: [Diagnostic] = []
        let read = ContentLoader(root: dir.url.appendingPathComponent("Content"), displayRoot: "Content")
            .readPages(config: SiteConfig(), cache: [:], diagnostics: &diagnostics)
        var cache = BuildCache()
        cache.pages = read.cache
        let url = dir.url.appendingPathComponent("site.cache")
        let other = dir.url.appendingPathComponent("other.cache")
        try cache.save(to: url)
        try cache.save(to: other)
        #expect(try #require(BuildCache.load(from: url)).withPages().pages.count == 1)
        // A pages file from another save (an interrupted one, say) does not match this cache.
        try FileManager.default.removeItem(at: BuildCache.pagesLocation(for: url))
        try FileManager.default.copyItem(at: BuildCache.pagesLocation(for: other), to: BuildCache.pagesLocation(for: url))
        #expect(try #require(BuildCache.load(from: url)).withPages().pages.isEmpty)
        try FileManager.default.removeItem(at: BuildCache.pagesLocation(for: url))
        #expect(try #require(BuildCache.load(from: url)).withPages().pages.isEmpty)
    }

    /// A save after a build that started from a read cache appends only what changed, and
    /// reading the file back gives exactly the new contents; bytes past the valid length
    /// (an append whose build did not save) are ignored.
    @Test func savesAppendOnlyWhatChanged() throws {
        let dir = TempDir()
        try dir.write("""
            -- Content/_index.md --
            # Home

            Hello.
            -- Content/a.md --
            # A

            Text of a.
            -- Content/b.md --
            # B

            Text of b.
            """)
        var diagnostics: [Diagnostic] = []
        let read = ContentLoader(root: dir.url.appendingPathComponent("Content"), displayRoot: "Content")
            .readPages(config: SiteConfig(), cache: [:], diagnostics: &diagnostics)
        var cache = BuildCache()
        cache.pages = read.cache
        cache.checks = ["a/": PageCheck(key: 1, diagnostics: [], links: 2), "b/": PageCheck(key: 3, diagnostics: [], links: 4)]
        cache.searchLines = ["a/": SearchLine(url: "a/", key: 5, text: "{\"t\": \"A\"}", hash: 6)]
        let url = dir.url.appendingPathComponent("site.cache")
        let pagesURL = BuildCache.pagesLocation(for: url)
        try cache.save(to: url)
        let fullSize = try Data(contentsOf: pagesURL).count

        var next = try #require(BuildCache.load(from: url)).withPages()
        #expect(next.pages.count == 3 && next.checks.count == 2 && next.searchLines.count == 1)
        next.pages["b.md"] = nil
        next.pages["a.md"]!.signature ^= 1
        next.checks["b/"] = nil
        next.checks["a/"]!.diagnostics = [.warning("w", at: SourceLocation(file: "Content/a.md", line: 3, column: 1))]
        next.searchLines["a/"]!.text = "{\"t\": \"A2\"}"
        try next.save(to: url)
        let appended = try Data(contentsOf: pagesURL)
        #expect(appended.count > fullSize && appended.count < 2 * fullSize, "appended, not rewritten")

        // A build that appended and then failed to save leaves bytes the cache does not name.
        try (appended + Data([1, 2, 3, 4])).write(to: pagesURL)
        let loaded = try #require(BuildCache.load(from: url)).withPages()
        #expect(Set(loaded.pages.keys) == ["_index.md", "a.md"])
        #expect(loaded.pages["a.md"]?.signature == next.pages["a.md"]?.signature)
        #expect(loaded.pages["a.md"]?.page == next.pages["a.md"]?.page)
        #expect(loaded.checks == next.checks)
        #expect(loaded.searchLines == next.searchLines)
        // The next append overwrites those bytes.
        var third = loaded
        third.searchLines["a/"]!.text = "{\"t\": \"A3\"}"
        try third.save(to: url)
        let again = try #require(BuildCache.load(from: url)).withPages()
        #expect(again.searchLines["a/"]?.text == "{\"t\": \"A3\"}")
        #expect(again.pages.count == 2 && again.checks == next.checks)
    }
}
