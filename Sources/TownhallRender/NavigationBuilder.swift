import TownhallContent
import TownhallTemplates

/// Navigation, breadcrumbs and previous/next links for one page, as template values.
struct NavigationBuilder {
    let site: SiteContent
    let readingOrder: [Int]
    let position: [Int: Int]
    /// Sections whose pages the navigation does not list (their index page does): a
    /// thousand events would otherwise put a thousand links on every event page.
    let collapsed: Set<String>

    init(site: SiteContent, collapsed: Set<String> = []) {
        self.site = site
        self.collapsed = collapsed
        // Pages of collapsed sections have their own order (events by date), so previous
        // and next links skip them.
        self.readingOrder = site.readingOrder.filter {
            !(site.pages[$0].kind == .page && collapsed.contains(site.pages[$0].sectionPath))
        }
        var position: [Int: Int] = [:]
        for (i, page) in readingOrder.enumerated() { position[page] = i }
        self.position = position
    }

    /// Longest list of pages shown in one level of the navigation. Longer lists show the
    /// pages around the current one and a link to the section's index, so each page's size
    /// stays bounded however large a section grows.
    static let window = 25

    /// Top-level sections and pages; the branch holding the current page is opened to its
    /// pages, so each page carries a nav of its neighbours rather than the whole site.
    func nav(for index: Int, links: LinkStyle) -> [TemplateData] {
        let root = site.sections[""]!
        let openPath = site.pages[index].sectionPath
        func item(page i: Int, section: String?) -> TemplateData {
            var open = false
            var children: [TemplateData] = []
            if let section, let s = site.sections[section] {
                open = openPath == section || openPath.hasPrefix(section + "/")
                if open, !collapsed.contains(section) {
                    children = s.subsections.map { item(page: site.sections[$0]!.page, section: $0) }
                        + windowed(s.pages, around: index, sectionPage: s.page, links: links) { item(page: $0, section: nil) }
                }
            }
            return [
                "title": .string(site.pages[i].title), "url": .string(links.url(site.pages[i].url)),
                "current": .bool(i == index), "active": .bool(open), "children": .list(children), "hasChildren": .bool(!children.isEmpty),
            ]
        }
        return root.subsections.map { item(page: site.sections[$0]!.page, section: $0) }
            + windowed(root.pages, around: index, sectionPage: root.page, links: links) { item(page: $0, section: nil) }
    }

    /// At most `window` pages around `current`, and an entry leading to the full list.
    private func windowed(
        _ pages: [Int], around current: Int, sectionPage: Int, links: LinkStyle, item: (Int) -> TemplateData
    ) -> [TemplateData] {
        guard pages.count > Self.window else { return pages.map(item) }
        let at = pages.firstIndex(of: current) ?? 0
        let start = max(0, min(at - Self.window / 2, pages.count - Self.window))
        let more: TemplateData = [
            "title": .string("All \(pages.count) pages…"), "url": .string(links.url(site.pages[sectionPage].url)),
            "current": false, "active": false, "children": [], "hasChildren": false,
        ]
        return pages[start..<(start + Self.window)].map(item) + [more]
    }

    func breadcrumbs(for index: Int, links: LinkStyle) -> [TemplateData] {
        let page = site.pages[index]
        var chain: [Int] = []
        var folder: String? = page.kind == .page ? page.sectionPath : site.sections[page.sectionPath]?.parent
        while let f = folder, let section = site.sections[f] {
            chain.insert(section.page, at: 0)
            folder = section.parent
        }
        return chain.map { TemplateValue.strings(["title": site.pages[$0].title, "url": links.url(site.pages[$0].url)]) }
    }

    func neighbourIndex(of index: Int, step: Int) -> Int? {
        guard let p = position[index], readingOrder.indices.contains(p + step) else { return nil }
        return readingOrder[p + step]
    }

    func neighbour(of index: Int, step: Int, links: LinkStyle) -> TemplateData {
        guard let p = position[index], readingOrder.indices.contains(p + step) else { return .absent }
        let page = site.pages[readingOrder[p + step]]
        return TemplateValue.strings(["title": page.title, "url": links.url(page.url)])
    }
}
