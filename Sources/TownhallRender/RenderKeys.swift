import TownhallContent

/// What every page's key shares, worked out once per build: a hash of the site settings and
/// assets, and for each section a hash of what its pages show of it in navigation and
/// breadcrumbs (titles and URLs) and in its index cards (summaries, dates, counts).
public struct RenderKeyPlan: Sendable {
    let site: UInt64
    let nav: [String: UInt64]
    let cards: [String: UInt64]
    let community: UInt64
}

/// FNV-1a over strings, each closed by a separator byte.
struct KeyHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ s: String) {
        for byte in s.utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        value = (value ^ 0xFF) &* 0x0000_0100_0000_01B3
    }

    mutating func add(_ n: UInt64) { add(String(n)) }
}

extension SiteRenderer {
    /// `settings` summarises site.yaml and the build options; `data` the community data files.
    public func keyPlan(settings: UInt64, data: UInt64) -> RenderKeyPlan {
        var site = KeyHash()
        site.add(settings)
        for name in assetPaths.keys.sorted() { site.add(name); site.add(assetPaths[name]!) }
        site.add(searchIndexPath ?? "-")
        site.add(tagCount > 0 ? "tags" : "")
        var nav: [String: UInt64] = [:]
        var cards: [String: UInt64] = [:]
        for (path, section) in self.site.sections {
            var n = KeyHash(), c = KeyHash()
            let own = self.site.pages[section.page]
            n.add(own.title); n.add(own.url)
            for sub in section.subsections {
                let page = self.site.pages[self.site.sections[sub]!.page]
                n.add(page.title); n.add(page.url)
                c.add(page.description); c.add(page.frontMatter.date?.description ?? ""); c.add(page.lastChanged?.description ?? "")
                c.add(String(self.site.sections[sub]!.pages.count))
            }
            for i in section.pages {
                let page = self.site.pages[i]
                n.add(page.title); n.add(page.url)
                c.add(page.description); c.add(page.frontMatter.date?.description ?? ""); c.add(page.lastChanged?.description ?? "")
            }
            nav[path] = n.value
            cards[path] = c.value
        }
        var community = KeyHash()
        community.add(data)
        return RenderKeyPlan(site: site.value, nav: nav, cards: cards, community: community.value)
    }

    /// What a page's output is made from: its own source (`body`), the templates of its
    /// layout, the site settings, what it shows of its own and its ancestors' sections
    /// (navigation, breadcrumbs, and for a section page its cards), its neighbours in
    /// reading order, where each of its links leads, and for event and group pages the
    /// community data. Two builds that give a page the same key render it to the same bytes.
    public func renderKey(_ index: Int, body: UInt64, plan: RenderKeyPlan) -> UInt64 {
        let page = site.pages[index]
        var hash = KeyHash()
        hash.add(body)
        hash.add(theme.closureHashes[Self.layout(of: page)] ?? 0)
        hash.add(plan.site)
        hash.add(page.url)
        // The top level is in every page's navigation; then each folder down to the page's own.
        var folders = [""]
        var path = ""
        for part in page.sectionPath.split(separator: "/") {
            path = path.isEmpty ? String(part) : path + "/" + part
            folders.append(path)
        }
        // Each folder's hash covers its own entry and its children's titles and URLs, so the
        // top level (shown on every page) and the open branch are all a page shows.
        for folder in folders { hash.add(plan.nav[folder] ?? 0) }
        if page.kind != .page { hash.add(plan.cards[page.sectionPath] ?? 0) }
        for step in [-1, 1] {
            if let n = navigationNeighbour(of: index, step: step) { hash.add(site.pages[n].title); hash.add(site.pages[n].url) } else { hash.add("-") }
        }
        for link in page.analysis.links {
            switch resolver.resolve(link, on: index) {
            case .success(let rewrite?): hash.add(rewrite.url); hash.add(rewrite.citationText ?? "")
            case .success(nil): hash.add("=")
            case .failure: hash.add("!")
            }
        }
        // Pages drawn from the community data: events, groups, statistics and reports.
        let fromData = (community.map { $0.page(at: page.url) != nil } ?? false)
            || page.sectionPath == "events" || page.sectionPath == "groups"
            || (stats.map { $0.pagePeriods[page.url] != nil || $0.statsPage(at: page.url) != nil } ?? false)
            || Self.layout(of: page) == "reports"
        if fromData { hash.add(plan.community) }
        return hash.value
    }
}
