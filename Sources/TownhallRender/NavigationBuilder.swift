import Foundation
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
    private let cache = SharedCache<NavKey, NavEntry>()

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
    ///
    /// The pages of one folder show the same nav but for their own entry (marked current,
    /// linked as `./`), so an ordinary page takes its folder's nav from `cache`, built once
    /// as seen from a page that is none of them, and marks its own entry.
    func nav(for index: Int, links: LinkStyle) -> [TemplateData] {
        let page = site.pages[index]
        guard page.kind == .page, links.absoluteBase == nil, links.from == page.url else {
            return build(current: index, around: index, links: links).items
        }
        let folder = Self.folder(of: page.url)
        // A collapsed section lists none of its pages, so its pages share one nav: with a
        // window for each, twenty thousand event pages each built their own (and looked for
        // themselves in the section's list).
        let own = collapsed.contains(page.sectionPath) ? [] : site.sections[page.sectionPath]?.pages ?? []
        let key = NavKey(folder: folder, openPath: page.sectionPath, start: Self.windowStart(own, around: index))
        let shared = cache.entry(key) {
            // U+0001 cannot be in a page URL, so no entry is this phantom page's own.
            build(current: nil, around: index, links: LinkStyle(from: folder + "\u{1}/"),
                  reuse: key.reusePrefix)
        }
        guard let path = shared.positions[index] else { return shared.items }
        var items = shared.items
        Self.mark(&items, path: path[...], url: links.url(page.url))
        return items
    }

    /// The folder holding a page's URL (`a/b/` for `a/b/c/`, "" for `c/`), found on its bytes:
    /// splitting and joining every page's URL was a sixth of the navigation's time.
    static func folder(of url: String) -> String {
        guard let slash = url.utf8.dropLast().lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(url[...slash])
    }

    /// The nav built for this page alone, as it was before the cache (tests compare the two).
    func uncachedNav(for index: Int, links: LinkStyle) -> [TemplateData] {
        build(current: index, around: index, links: links).items
    }

    /// Sets `current` and `url` of the entry at `path` (indices through `children` lists).
    private static func mark(_ items: inout [TemplateData], path: ArraySlice<Int>, url: String) {
        guard let i = path.first else { return }
        if path.count == 1 {
            items[i]["current"] = true
            items[i]["url"] = .string(url)
        } else if case .list(var children)? = items[i]["children"] {
            mark(&children, path: path.dropFirst(), url: url)
            items[i]["children"] = .list(children)
        }
    }

    /// The nav with `current` marked (or none), windows placed around `around`, and where
    /// each page's entry is. With `reuse`, each entry is `.reusable`, keyed by `reuse` and
    /// its place: the folder's pages render the entries they all show alike once (marking a
    /// page's own entry makes it and the entries above it plain objects again).
    private func build(current: Int?, around: Int, links: LinkStyle, reuse: String? = nil) -> NavEntry {
        let root = site.sections[""]!
        let openPath = site.pages[around].sectionPath
        var positions: [Int: [Int]] = [:]
        func item(page i: Int, section: String?, at path: [Int]) -> TemplateData {
            var open = false
            var children: [TemplateData] = []
            if let section, let s = site.sections[section] {
                open = openPath == section || openPath.hasPrefix(section + "/")
                if open, !collapsed.contains(section) {
                    children = list(s.subsections, s.pages, around: around, sectionPage: s.page, links: links, path: path, item: item)
                }
            }
            if section == nil { positions[i] = path }
            let entry: TemplateData = [
                "title": .string(site.pages[i].title), "url": .string(links.url(site.pages[i].url)),
                "current": .bool(i == current), "active": .bool(open), "children": .list(children), "hasChildren": .bool(!children.isEmpty),
            ]
            guard let reuse else { return entry }
            return .reusable(reuse + path.map(String.init).joined(separator: "."), entry)
        }
        let items = list(root.subsections, root.pages, around: around, sectionPage: root.page, links: links, path: [], item: item)
        return NavEntry(items: items, positions: positions)
    }

    /// A level of the nav: its subsections, then at most `window` of its pages around
    /// `around` and an entry leading to the full list.
    private func list(
        _ subsections: [String], _ pages: [Int], around: Int, sectionPage: Int, links: LinkStyle, path: [Int],
        item: (Int, String?, [Int]) -> TemplateData
    ) -> [TemplateData] {
        var out: [TemplateData] = []
        for sub in subsections { out.append(item(site.sections[sub]!.page, sub, path + [out.count])) }
        let shown = pages.count > Self.window ? pages[Self.windowStart(pages, around: around)...].prefix(Self.window) : pages[...]
        for i in shown { out.append(item(i, nil, path + [out.count])) }
        if pages.count > Self.window {
            out.append([
                "title": .string("All \(pages.count) pages…"), "url": .string(links.url(site.pages[sectionPage].url)),
                "current": false, "active": false, "children": [], "hasChildren": false,
            ])
        }
        return out
    }

    /// Where a window of `window` pages around `page` starts in `pages` (0 when it is not there).
    static func windowStart(_ pages: [Int], around page: Int) -> Int {
        guard pages.count > window else { return 0 }
        let at = pages.firstIndex(of: page) ?? 0
        return max(0, min(at - window / 2, pages.count - window))
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
        // Read in place: copying the whole page cost more than the rest of this.
        let pages = site.pages, i = readingOrder[p + step]
        return TemplateValue.strings(["title": pages[i].title, "url": links.url(pages[i].url)])
    }
}

struct NavKey: Hashable {
    let folder: String
    let openPath: String
    let start: Int

    /// The start of its entries' `.reusable` keys (an entry's place follows): the paths by
    /// their length, so that no two keys run together whatever a folder's name holds.
    var reusePrefix: String { "nav \(folder.utf8.count):\(folder) \(openPath.utf8.count):\(openPath) \(start) " }
}

struct NavEntry {
    let items: [TemplateData]
    /// Each listed page's entry: indices through the `children` lists.
    let positions: [Int: [Int]]
}
