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
}
