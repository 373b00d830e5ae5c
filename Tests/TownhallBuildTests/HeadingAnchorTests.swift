import Foundation
import Testing
@testable import TownhallContent
import TownhallDiagnostics
import TownhallMarkdown

/// A link's fragment finds its heading the same way on a page with a few headings (searched)
/// and on one with many (looked up), rule-number anchors included, and a missing one is
/// reported with the closest name.
@Suite struct HeadingAnchorTests {
    @Test func fragmentsFindTheirHeadingsOnShortAndLongPages() throws {
        let dir = TempDir()
        let many = (1...(LinkResolver.searchedHeadings + 8)).map { "## Part \($0)\n\nText.\n" }.joined(separator: "\n")
        try dir.write("""
        -- Content/short.md --
        # Short

        ## Alpha

        ## Beta
        -- Content/long.md --
        # Long

        \(many)
        -- Content/rules.md --
        ---
        numbered: true
        ---
        # Rules

        ## Conduct

        ### Kindness
        -- Content/links.md --
        # Links

        [a](short.md#beta) [b](long.md#part-3) [c](long.md#part-40) [d](rules.md#s1-1) [e](rules.md#kindness)
        [§](long.md#part-2) [§](rules.md#s1-1) [f](short.md#betta) [g](long.md#part-400)
        """)
        var diagnostics: [Diagnostic] = []
        let loader = ContentLoader(root: dir.url.appendingPathComponent("Content"), displayRoot: "Content")
        let read = loader.readPages(config: SiteConfig(), cache: [:], diagnostics: &diagnostics)
        let site = loader.assemble(read.pages, staticFiles: read.staticFiles, config: SiteConfig(), diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(site.pages.contains { $0.analysis.headings.count > LinkResolver.searchedHeadings })
        let resolver = LinkResolver(site: site)
        let page = try #require(site.pages.firstIndex { $0.sourcePath == "links.md" })
        let results = site.pages[page].analysis.links.map { resolver.resolve($0, on: page) }
        func url(_ k: Int) -> String? { try? results[k].get()?.url }
        #expect(url(0) == "../short/#beta")
        #expect(url(1) == "../long/#part-3")
        #expect(url(2) == "../long/#part-40")
        #expect(url(3) == "../rules/#s1-1")
        #expect(url(4) == "../rules/#kindness")
        #expect((try? results[5].get()?.citationText) == "Part 2")
        #expect((try? results[6].get()?.citationText) == "§1.1 Kindness")
        guard case .failure(let short) = results[7], case .failure(let long) = results[8] else {
            Issue.record("missing headings resolved: \(results[7]) \(results[8])")
            return
        }
        #expect(short.message.contains("missing heading #betta") && short.message.contains("did you mean #beta?"), "\(short.message)")
        #expect(long.message.contains("missing heading #part-400") && long.message.contains("did you mean #part-40?"), "\(long.message)")
    }
}
