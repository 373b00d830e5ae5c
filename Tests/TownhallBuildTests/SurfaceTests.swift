import Foundation
import Testing
@testable import TownhallBuild
import TownhallContent
import TownhallDiagnostics
import TownhallRender

/// A page's surface is what the rest of the site sees of it; a quick edit is applied only
/// when the edited page's surface is unchanged, so it must ignore exactly the body-made values.
@Suite struct SurfaceTests {
    static func samplePages() -> [Page] {
        var diagnostics: [Diagnostic] = []
        let loader = ContentLoader(root: Repo.root.appendingPathComponent("Content"), displayRoot: "Content")
        return loader.readPages(config: SiteConfig(), cache: [:], diagnostics: &diagnostics).pages
    }

    /// The definition the codec's `surface` flag stands for: a copy with those values cleared.
    static func cleared(_ page: Page) -> UInt64 {
        var p = page
        p.body = ""
        p.analysis.wordCount = 0
        p.analysis.headings = p.analysis.headings.map { var h = $0; h.line = 0; return h }
        p.analysis.links = p.analysis.links.map { var l = $0; l.line = 0; l.column = 0; return l }
        p.searchKeywords = nil
        var w = ByteWriter()
        PageCodec.write(&w, p)
        var h = KeyHash()
        h.add(w.bytes)
        return h.value
    }

    @Test func surfaceIsTheHashOfThePageWithItsBodyValuesCleared() {
        let pages = Self.samplePages()
        #expect(pages.count > 20)
        for page in pages { #expect(Surface.of(page) == Self.cleared(page), "\(page.sourcePath)") }
    }

    @Test func bodyValuesLeaveTheSurfaceAndOthersChangeIt() throws {
        let page = try #require(Self.samplePages().first { !$0.analysis.links.isEmpty && !$0.analysis.headings.isEmpty })
        var moved = page
        moved.body += "\n\nOne more paragraph."
        moved.analysis.wordCount += 3
        moved.analysis.headings[0].line += 2
        moved.analysis.links[0].line += 2
        moved.analysis.links[0].column += 1
        moved.searchKeywords = SearchKeywords(title: page.title, description: page.description, words: ["paragraph"])
        #expect(Surface.of(moved) == Surface.of(page))
        var retitled = page
        retitled.title += "!"
        #expect(Surface.of(retitled) != Surface.of(page))
        var relinked = page
        relinked.analysis.links[0].url += "#x"
        #expect(Surface.of(relinked) != Surface.of(page))
    }
}
