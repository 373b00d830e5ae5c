import Foundation
import Testing
import TownhallContent
import TownhallDiagnostics
@testable import TownhallRender
import TownhallTemplates

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
        // Also with sections collapsed (as events and groups are): their pages share one nav.
        for collapsed in [[], ["big"], ["big/inner"], ["big", "small"]] as [Set<String>] {
            try checkCachedNav(site, collapsed: collapsed)
        }
    }

    func checkCachedNav(_ site: SiteContent, collapsed: Set<String>) throws {
        let navigation = NavigationBuilder(site: site, collapsed: collapsed)
        // Twice over, so the second pass reads every folder's nav from the cache.
        var byKey: [String: (url: String, entry: TemplateData)] = [:]
        var reused = 0
        for _ in 0..<2 {
            for (i, page) in site.pages.enumerated() {
                let links = LinkStyle(from: page.url)
                let nav = navigation.nav(for: i, links: links)
                #expect(nav.map(Self.plain) == navigation.uncachedNav(for: i, links: links), "\(collapsed): \(page.url)")
                // A reusable entry promises that its key always comes with the same value.
                Self.forEachReusable(in: .list(nav)) { key, entry in
                    if let seen = byKey[key] {
                        #expect(seen.entry == entry, "\(page.url) and \(seen.url) share key \(key) but not its entry")
                        reused += 1
                    } else {
                        byKey[key] = (page.url, entry)
                    }
                }
            }
        }
        #expect(byKey.count > 5 && reused > 2 * byKey.count, "\(collapsed): \(byKey.count) keys, \(reused) reused")
    }

    /// The value with every `.reusable` wrapper taken off.
    static func plain(_ value: TemplateData) -> TemplateData {
        switch value {
        case .reusable(_, let inner): plain(inner)
        case .list(let items): .list(items.map(plain))
        case .object(let fields): .object(TemplateObject(pairs: fields.map { ($0.key, plain($0.value)) }))
        default: value
        }
    }

    static func forEachReusable(in value: TemplateData, _ body: (String, TemplateData) -> Void) {
        switch value {
        case .reusable(let key, let inner):
            body(key, inner)
            forEachReusable(in: inner, body)
        case .list(let items): for item in items { forEachReusable(in: item, body) }
        case .object(let fields): for (_, value) in fields.sorted(by: { $0.key < $1.key }) { forEachReusable(in: value, body) }
        default: break
        }
    }

    /// Ordinary pages share their folder's base context; each must get exactly the context
    /// made for it alone (its nav aside, which the test above compares).
    @Test func sharedBaseContextEqualsTheOneMadeForEachPage() throws {
        let dir = TempDir()
        var files = "-- Content/_index.md --\n# Home\n-- Content/top.md --\n# Top\n-- Content/assets/file.md --\n# In assets\n"
        files += "-- Content/a/_index.md --\n# A\n-- Content/a/one.md --\n---\ntitle: One\ntags: [x]\n---\nText.\n"
        files += "-- Content/a/two.md --\n# Two\n-- Content/a/b/_index.md --\n# B\n-- Content/a/b/deep.md --\n# Deep\n"
        files += "-- Content/a/b/deeper.md --\n---\nslug: other\n---\n# Deeper\n"
        try dir.write(files)
        let (site, theme) = Self.siteAndTheme(dir)
        let renderer = SiteRenderer(
            site: site, theme: theme, resolver: LinkResolver(site: site),
            assetPaths: ["style": "assets/style.0123456789.css", "search": "assets/search.0123456789.js"],
            searchIndexPath: "assets/search-index.js")
        var shared = 0
        for _ in 0..<2 {
            for (i, page) in site.pages.enumerated() {
                let links = LinkStyle(from: page.url)
                var made = renderer.base(links: links, currentIndex: i, title: page.title)
                var alone = renderer.uncachedBase(links: links, currentIndex: i, title: page.title)
                (made["nav"], alone["nav"]) = (nil, nil)
                #expect(made == alone, "\(page.url)")
                if page.kind == .page { shared += 1 }
            }
        }
        #expect(shared >= 12)
    }

    /// The site written in `dir`'s Content folder, and the default theme.
    static func siteAndTheme(_ dir: TempDir) -> (SiteContent, Theme) {
        var diagnostics: [Diagnostic] = []
        let loader = ContentLoader(root: dir.url.appendingPathComponent("Content"), displayRoot: "Content")
        let read = loader.readPages(config: SiteConfig(), cache: [:], diagnostics: &diagnostics)
        let site = loader.assemble(read.pages, staticFiles: read.staticFiles, config: SiteConfig(), diagnostics: &diagnostics)
        let theme = Theme.load(
            themeRoot: Repo.templates, themeDisplay: "Templates", overrideRoot: nil, overrideDisplay: "", diagnostics: &diagnostics)
        return (site, theme)
    }

    /// Pages that list others render first; the order is a permutation of the pages given,
    /// each group in its own order.
    @Test func sectionPagesRenderFirst() throws {
        let dir = TempDir()
        try dir.write("-- Content/_index.md --\n# Home\n-- Content/top.md --\n# Top\n-- Content/a/_index.md --\n# A\n"
            + "-- Content/a/one.md --\n# One\n-- Content/a/b/_index.md --\n# B\n-- Content/a/b/deep.md --\n# Deep\n")
        let (site, theme) = Self.siteAndTheme(dir)
        let renderer = SiteRenderer(site: site, theme: theme, resolver: LinkResolver(site: site), assetPaths: [:])
        let indices = Array(site.pages.indices.reversed())
        let order = renderer.longestFirst(indices)
        #expect(order.sorted() == Array(indices.indices))
        let kinds = order.map { site.pages[indices[$0]].kind }
        #expect(kinds.firstIndex(of: .page)! == kinds.filter { $0 != .page }.count, "\(kinds)")
        let sections = order.filter { site.pages[indices[$0]].kind != .page }
        #expect(sections == sections.sorted())
    }
}
