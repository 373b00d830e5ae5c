import Foundation
import Testing
import TownhallContent
import TownhallDiagnostics
@testable import TownhallRender

/// Pages share their folder's nav from a cache; each must get exactly the nav built for it
/// alone, in long windowed sections, nested sections, at the top level and at any depth.
@Suite struct NavigationTests {
    @Test func cachedNavEqualsTheNavBuiltForEachPage() throws {
        let dir = TempDir()
        var files = "-- Content/_index.md --\n# Home\n"
        for i in 0..<3 { files += "-- Content/top-\(i).md --\n# Top \(i)\n" }
        files += "-- Content/big/_index.md --\n# Big\n"
        for i in 0..<60 { files += "-- Content/big/page-\(String(format: "%02d", i)).md --\n# Page \(i)\n" }
        files += "-- Content/big/inner/_index.md --\n# Inner\n"
        for i in 0..<30 { files += "-- Content/big/inner/deep-\(String(format: "%02d", i)).md --\n# Deep \(i)\n" }
        files += "-- Content/small/_index.md --\n# Small\n-- Content/small/one.md --\n# One\n-- Content/small/two.md --\n# Two\n"
        try dir.write(files)
        var diagnostics: [Diagnostic] = []
        let loader = ContentLoader(root: dir.url.appendingPathComponent("Content"), displayRoot: "Content")
        let read = loader.readPages(config: SiteConfig(), cache: [:], diagnostics: &diagnostics)
        let site = loader.assemble(read.pages, staticFiles: read.staticFiles, config: SiteConfig(), diagnostics: &diagnostics)
        #expect(site.pages.count == 1 + 3 + 1 + 60 + 1 + 30 + 3)
        let navigation = NavigationBuilder(site: site)
        // Twice over, so the second pass reads every folder's nav from the cache.
        for _ in 0..<2 {
            for (i, page) in site.pages.enumerated() {
                let links = LinkStyle(from: page.url)
                #expect(navigation.nav(for: i, links: links) == navigation.uncachedNav(for: i, links: links), "\(page.url)")
            }
        }
    }
}
