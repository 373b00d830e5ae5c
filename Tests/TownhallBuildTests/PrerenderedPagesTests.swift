import Foundation
import Testing
@testable import TownhallBuild
import TownhallContent
import TownhallDiagnostics
import TownhallMarkdown
import TownhallRender

/// Pages are rendered from the body their first pass prerendered, with the links the
/// validator resolved: each sample page must come out as it does from its source alone.
@Suite struct PrerenderedPagesTests {
    @Test func everySamplePageRendersAsFromItsSource() throws {
        var diagnostics: [Diagnostic] = []
        let content = Repo.root.appendingPathComponent("Content")
        let config = SiteConfig()
        let loader = ContentLoader(root: content, displayRoot: "Content")
        let read = loader.readPages(config: config, cache: [:], diagnostics: &diagnostics)
        let site = loader.assemble(read.pages, staticFiles: read.staticFiles, config: config, diagnostics: &diagnostics)
        let theme = Theme.load(
            themeRoot: Repo.templates, themeDisplay: "Templates", overrideRoot: nil, overrideDisplay: "", diagnostics: &diagnostics)
        let resolver = LinkResolver(site: site)
        let validator = ContentValidator(site: site, theme: theme, resolver: resolver, asOf: CalendarDate(year: 2026, month: 11, day: 20)!)
        let (_, rewrites) = validator.validate(keys: site.pages.map { _ in 0 }, cached: [:], threads: 2)
        var fromSource = site
        for i in fromSource.pages.indices { fromSource.pages[i].prerendered = nil }
        let renderer = SiteRenderer(site: site, theme: theme, resolver: resolver, assetPaths: [:])
        let plain = SiteRenderer(site: fromSource, theme: theme, resolver: resolver, assetPaths: [:])
        let prerendered = site.pages.filter { $0.prerendered != nil }.count
        #expect(prerendered > site.pages.count * 9 / 10, "\(prerendered) of \(site.pages.count) pages prerendered")
        for i in site.pages.indices {
            let expected = plain.renderPage(i, recording: true)
            let fast = renderer.renderPage(i, recording: true, rewrites: rewrites[i])
            #expect(fast.html == expected.html, "\(site.pages[i].sourcePath)")
            #expect(fast.splice == expected.splice, "\(site.pages[i].sourcePath)")
            #expect(renderer.renderPage(i, recording: false).html == expected.html, "\(site.pages[i].sourcePath)")
        }
    }
}
