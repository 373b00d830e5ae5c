import TownhallContent
import TownhallMarkdown
import TownhallTemplates

/// Renders pages through the theme. Pure over its inputs, so pages render on any thread.
public struct SiteRenderer: Sendable {
    public let site: SiteContent
    public let theme: Theme
    public let resolver: LinkResolver
    /// Fingerprinted asset paths by short name (`style` → `assets/style.3f9a2c1e.css`).
    public let assetPaths: [String: String]
    /// The community data, when the site has any: event and group pages get their data.
    public let community: CommunityView?
    /// The search index script (`assets/search-index.js`), or nil when the site has no
    /// search (the theme has no `search` layout).
    public let searchIndexPath: String?
    /// The figures, when the site has statistics pages or pages that embed figures.
    public let stats: StatsView?
    let navigation: NavigationBuilder
    /// Sections rendered once for the whole build (each folder's navigation).
    let memo = TemplateMemo()
    /// Each folder's context for its ordinary pages, but for their title and nav (see `base`).
    private let folderBase = SharedCache<FolderBaseKey, TemplateObject>()
    /// Event pages' neighbours, by folder (see `neighbourItem`).
    let neighbourItems = SharedCache<NeighbourItemKey, TemplateData>()
    /// The site paths every page's context links to (home, tags, search, assets).
    private let siteTargets: [String]
    private let tagIndex: [(name: String, slug: String, pages: [Int])]
    /// The pages' dates as template values.
    private let dates: DateValues
    /// Pages' cards as the tag pages list them, by page: every tag page links from a folder
    /// two levels down, so a page's card is the same on each (see `renderTag`).
    private let tagCards = SharedCache<Int, TemplateData>()

    public init(
        site: SiteContent, theme: Theme, resolver: LinkResolver, assetPaths: [String: String],
        community: CommunityView? = nil, stats: StatsView? = nil, searchIndexPath: String? = nil,
        tags: [(name: String, slug: String, pages: [Int])]? = nil
    ) {
        self.site = site
        self.theme = theme
        self.resolver = resolver
        self.assetPaths = assetPaths
        self.community = community
        self.searchIndexPath = theme.hasLayout(Self.searchLayout) ? searchIndexPath : nil
        self.stats = stats
        // Events and groups are listed by their index pages, not in every page's navigation.
        self.navigation = NavigationBuilder(site: site, collapsed: community == nil ? [] : ["events", "groups"])
        // `tags`, when given, is `site.tags` worked out already (a build does it on another thread).
        self.tagIndex = tags ?? site.tags
        self.dates = DateValues(site.pages)
        self.siteTargets = ["", "tags/", Self.searchPath] + assetPaths.values.sorted() + (self.searchIndexPath.map { [$0] } ?? [])
    }

    /// The layout a page uses: its `layout:` or its kind's default.
    public static func layout(of page: Page) -> String {
        page.frontMatter.layout ?? page.kind.rawValue
    }

    public func renderPage(_ index: Int) -> String {
        String(decoding: renderPage(index, recording: false).html, as: UTF8.self)
    }

    /// The page, and with `recording` what a later edit of its body alone needs (see
    /// `PageSplice`): where its body-made values landed and where each of its links led.
    /// `rewrites`, when the links were resolved already, holds one for each of the page's
    /// analysed links.
    public func renderPage(_ index: Int, recording: Bool, rewrites resolved: [LinkRewrite?]? = nil) -> (html: [UInt8], splice: PageSplice?) {
        let rendered = renderPage(index, recording: recording, rewrites: resolved, keyed: false)
        return (rendered.html, rendered.splice)
    }

    /// `renderPage`, and with `keyed` the page's `dataKey` when it is keyed by the records
    /// it shows (nil when it is not: then its data key is the plan's), made from the values
    /// the page renders rather than made again.
    public func renderPage(_ index: Int, recording: Bool, rewrites resolved: [LinkRewrite?]? = nil, keyed: Bool) -> (html: [UInt8], splice: PageSplice?, dataKey: UInt64?) {
        let page = site.pages[index]
        var links: [PageSplice.Link] = []
        func resolve(_ link: MarkdownLink, _ known: LinkRewrite?? = nil) -> LinkRewrite? {
            let rewrite = known ?? (try? resolver.resolve(link, on: index).get())
            if recording { links.append(PageSplice.Link(link, rewrite)) }
            return rewrite
        }
        // A filled body stays UTF-8 bytes (`.utf8`), which the template writes as they are.
        let content: TemplateData
        if let body = page.prerendered {
            // `map`, not `?[k]`: a link known to stay as written (nil) is not one still to resolve.
            let rewrites = body.links.map { k in resolve(page.analysis.links[k], resolved.map { $0[k] }) }
            var next = rewrites.makeIterator()
            content = Markdown.fill(body, links: page.analysis.links, rewrites: rewrites).map { .utf8($0) }
                ?? .string(Markdown.render(page.body, options: page.markdownOptions, rewrite: { _ in next.next() ?? nil }, embed: embedder(index)))
        } else {
            content = .string(Markdown.render(page.body, options: page.markdownOptions, rewrite: { resolve($0) }, embed: embedder(index)))
        }
        let (context, records) = pageContext(index, content: content, slots: recording)
        let dataKey = keyed && isKeyedByRecords(index) ? records?.key : nil
        let layout = Self.layout(of: page)
        guard recording else { return (theme.library.renderBytes(context, withTemplate: layout, memo: memo) ?? [], nil, dataKey) }
        var slots: [TemplateSlot] = []
        let html = theme.library.renderBytes(context, withTemplate: layout, slots: &slots, memo: memo) ?? []
        return (html, PageSplice(slots: slots, links: links), dataKey)
    }

    /// Positions in `indices` with the pages that take longest to render first (statistics
    /// pages and the community's indexes, then section pages, which list their pages), each
    /// group in its order. Rendering them first keeps them from ending a build on one core.
    public func longestFirst(_ indices: [Int]) -> [Int] {
        let rank = indices.map { i -> Int in
            let url = site.pages[i].url
            if stats?.statsPage(at: url) != nil { return 0 }
            switch community?.page(at: url) {
            case .eventsIndex?, .groupsIndex?: return 0
            default: return site.pages[i].kind == .page ? 2 : 1
            }
        }
        return indices.indices.sorted { (rank[$0], $0) < (rank[$1], $1) }
    }

    func navigationNeighbour(of index: Int, step: Int) -> Int? {
        navigation.neighbourIndex(of: index, step: step)
    }

    /// Figures for the pages that embed them.
    private func embedder(_ index: Int) -> ((MarkdownEmbed) -> String?)? {
        let page = site.pages[index]
        let links = LinkStyle(from: page.url)
        guard let stats, let catalog = stats.pagePeriods[page.url].flatMap({ stats.catalogs[$0] }) else { return nil }
        var ids = IDAllocator()
        return { request in embedHTML(request, stats: stats, catalog: catalog, pageURL: page.url, links: links, ids: &ids) }
    }

    /// The page's context, and for an event or group page the value of its records (see
    /// `addCommunity`).
    private func pageContext(_ index: Int, content: TemplateData, slots: Bool) -> (TemplateData, records: Records?) {
        let page = site.pages[index]
        let links = LinkStyle(from: page.url)
        let embedCatalog = stats.flatMap { s in s.pagePeriods[page.url].flatMap { s.catalogs[$0] } }
        var context = base(links: links, currentIndex: index, title: page.title)
        context["page"] = pageValue(index, content: content, links: links, slots: slots)
        context["children"] = children(of: page, links: links)
        context["prev"] = navigation.neighbour(of: index, step: -1, links: links)
        context["next"] = navigation.neighbour(of: index, step: 1, links: links)
        var records: Records?
        if let community, let kind = community.page(at: page.url) {
            records = addCommunity(kind, to: &context, pageIndex: index, content: content.interpolated, links: links)
        }
        if let stats {
            if let spec = stats.statsPage(at: page.url), let catalog = stats.siteCatalog {
                context["stats"] = statsPageValue(spec, stats: stats, catalog: catalog, pageURL: page.url, links: links)
            }
            if let embedCatalog { context["report"] = reportValue(stats: stats, catalog: embedCatalog, links: links) }
            if Self.layout(of: page) == "reports" {
                context["reports"] = reportsIndexValue(sectionPath: page.sectionPath, stats: stats, links: links)
            }
        }
        return (.object(context), records)
    }

    public func renderTagIndex() -> String {
        let links = LinkStyle(from: "tags/")
        var context = base(links: links, currentIndex: nil, title: "Tags")
        context["isTags"] = true
        context["isTagIndex"] = true
        context["tags"] = .list(tagIndex.map { tag in
            ["name": .string(tag.name), "url": .string(links.url("tags/\(tag.slug)/")), "count": .int(tag.pages.count)]
        })
        return theme.library.render(.object(context), withTemplate: "tags") ?? ""
    }

    public func renderTag(_ position: Int) -> (path: String, html: String) {
        let tag = tagIndex[position]
        let links = LinkStyle(from: "tags/\(tag.slug)/")
        var context = base(links: links, currentIndex: nil, title: "Tagged “\(tag.name)”")
        // Every tag page is one folder below tags/ (a slug is one segment), and no page lies
        // under tags/ (it would clash with the tag index), so a page is linked alike from
        // each: its card is made once however many tags it has.
        let cards = tag.pages.map { i in tagCards.entry(i) { summary(i, links: links) } }
        context["tag"] = ["name": .string(tag.name), "pages": .list(cards)]
        context["tagsURL"] = .string(links.url("tags/"))
        context["isTags"] = true
        return ("tags/\(tag.slug)/", theme.library.render(.object(context), withTemplate: "tag") ?? "")
    }

    public var tagCount: Int { tagIndex.count }

    /// The layout of the search page; a theme without it gets no search.
    public static let searchLayout = "search"
    /// Where the search page is written.
    public static let searchPath = "search/"

    public var hasSearch: Bool { searchIndexPath != nil }

    /// The search page: results when JavaScript runs, and every page of the site by section,
    /// which is what a reader without JavaScript gets.
    public func renderSearch() -> String {
        let links = LinkStyle(from: Self.searchPath)
        var context = base(links: links, currentIndex: nil, title: "Search")
        context["isSearch"] = true
        context["groups"] = .list(site.readingOrder.compactMap { i -> TemplateData? in
            let page = site.pages[i]
            guard page.kind != .page, let section = site.sections[page.sectionPath] else { return nil }
            return [
                "title": .string(page.title), "url": .string(links.url(page.url)),
                "pages": .list(section.pages.map { summary($0, links: links) }),
                "hasPages": .bool(!section.pages.isEmpty),
            ]
        })
        return theme.library.render(.object(context), withTemplate: Self.searchLayout) ?? ""
    }

    public func renderNotFound() -> String {
        let links = LinkStyle(from: "", absoluteBase: site.config.basePath)
        var context = base(links: links, currentIndex: nil, title: "Page not found")
        context["homeURL"] = .string(links.url(""))
        return theme.library.render(.object(context), withTemplate: "404") ?? ""
    }

    // MARK: - Context pieces

    /// The context every layout gets. The ordinary pages of a folder share all of it but their
    /// title and nav (their links to the rest of the site read the same from any of them), so
    /// it is made once per folder, seen from a page that is none of them, as `NavigationBuilder`
    /// does: made for each page, it was a percent of a build.
    func base(links: LinkStyle, currentIndex: Int?, title: String) -> TemplateObject {
        let nav = TemplateData.list(navigation.nav(for: currentIndex ?? site.sections[""]!.page, links: links))
        guard let index = currentIndex, let key = folderBaseKey(index, links: links) else {
            return base(links: links, currentIndex: currentIndex, title: .string(title), nav: nav)
        }
        var shared = folderBase.entry(key) {
            base(links: LinkStyle(from: key.folder + "\u{1}/"), currentIndex: index, title: .absent, nav: .absent)
        }
        shared["title"] = .string(title)
        shared["nav"] = nav
        return shared
    }

    /// The context made for this page alone, as before folders shared it (tests compare the two).
    func uncachedBase(links: LinkStyle, currentIndex: Int?, title: String) -> TemplateObject {
        let nav = navigation.uncachedNav(for: currentIndex ?? site.sections[""]!.page, links: links)
        return base(links: links, currentIndex: currentIndex, title: .string(title), nav: .list(nav))
    }

    /// The key of the page's folder context, or nil when the page has a context of its own:
    /// it is not an ordinary page linked relatively from its own URL, or a site path that
    /// every context links to lies under its URL (and would be linked as `./…` from it).
    private func folderBaseKey(_ index: Int, links: LinkStyle) -> FolderBaseKey? {
        let page = site.pages[index]
        guard page.kind == .page, links.absoluteBase == nil, links.from == page.url,
              !siteTargets.contains(where: { $0.hasPrefix(page.url) }) else { return nil }
        return FolderBaseKey(folder: NavigationBuilder.folder(of: page.url), sectionPath: page.sectionPath)
    }

    private func base(links: LinkStyle, currentIndex: Int?, title: TemplateData, nav: TemplateData) -> TemplateObject {
        let config = site.config
        var assets: TemplateObject = [:]
        for (name, path) in assetPaths { assets[name] = .string(links.url(path)) }
        let crumbs = currentIndex.map { navigation.breadcrumbs(for: $0, links: links) } ?? []
        return [
            "site": [
                "title": .string(config.title), "description": .text(config.description), "language": .string(config.language),
                "baseURL": .string(config.baseURL), "footer": .text(config.footer),
                "params": TemplateValue.params(config.params),
                "homeURL": .string(links.url("")), "tagsURL": .string(links.url("tags/")), "hasTags": .bool(!tagIndex.isEmpty),
            ],
            "root": .string(links.root),
            "assets": .object(assets),
            "title": title,
            "nav": nav,
            "breadcrumbs": .list(crumbs),
            "hasBreadcrumbs": .bool(!crumbs.isEmpty),
            "isTags": false, "isTagIndex": false, "isSearch": false,
            "search": searchIndexPath.map { path in
                TemplateValue.strings(["url": links.url(Self.searchPath), "index": links.url(path)])
            } ?? .absent,
            "stats": false, "report": false, "reports": false,
        ]
    }

    /// With `slots`, the values made from the body alone are `.slot`s named as in
    /// `PageSplice.values`.
    private func pageValue(_ index: Int, content: TemplateData, links: LinkStyle, slots: Bool = false) -> TemplateData {
        let page = site.pages[index]
        let fm = page.frontMatter
        let toc = TableOfContents.build(page.analysis.headings)
        let showTOC = fm.toc ?? (page.analysis.headings.filter { $0.level == 2 || $0.level == 3 }.count >= 3)
        var value: TemplateObject = [
            "title": .string(page.title),
            "description": .text(page.description),
            "lede": .text(page.frontMatter.description ?? ""),
            "kind": .string(page.kind.rawValue),
            "isHome": .bool(page.kind == .home), "isSection": .bool(page.kind == .section), "isPage": .bool(page.kind == .page),
            "url": .string(links.url(page.url)),
            "permalink": .string(site.config.baseURL + page.url),
            "toc": .list(showTOC ? toc : []),
            "hasTOC": .bool(showTOC && !toc.isEmpty),
            "date": dates.value(fm.date),
            "updated": dates.value(fm.updated),
            "reviewed": dates.value(fm.reviewed),
            "lastChanged": dates.value(page.lastChanged),
            "tags": .list(fm.tags.map { TemplateValue.strings(["name": $0, "url": links.url("tags/\(Slug.make($0))/")]) }),
            "hasTags": .bool(!fm.tags.isEmpty),
            "params": TemplateValue.params(fm.params),
            "source": .string(page.sourcePath),
        ]
        for (name, made) in PageSplice.bodyValues(content: content, page: page) { value[name] = slots ? .slot(name, made) : made }
        return .object(value)
    }

    private func children(of page: Page, links: LinkStyle) -> TemplateData {
        guard page.kind != .page, let section = site.sections[page.sectionPath] else { return .absent }
        let sections = section.subsections.map { path -> TemplateData in
            var entry = summary(site.sections[path]!.page, links: links)
            entry["count"] = .int(site.sections[path]!.pages.count)
            return entry
        }
        return [
            "hasSections": .bool(!sections.isEmpty),
            "hasPages": .bool(!section.pages.isEmpty),
            "sections": .list(sections),
            "pages": .list(section.pages.map { summary($0, links: links) }),
        ]
    }

    private func summary(_ index: Int, links: LinkStyle) -> TemplateData {
        // Read in place: tag pages list thousands, and a copy of each whole page cost more.
        let pages = site.pages
        return [
            "title": .string(pages[index].title), "description": .text(pages[index].description),
            "url": .string(links.url(pages[index].url)), "date": dates.value(pages[index].frontMatter.date),
            "lastChanged": dates.value(pages[index].lastChanged),
        ]
    }
}

/// The pages that share a folder context: their folder, and the section whose breadcrumbs they show.
struct FolderBaseKey: Hashable {
    let folder: String
    let sectionPath: String
}
