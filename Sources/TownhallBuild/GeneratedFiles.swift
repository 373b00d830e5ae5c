import TownhallContent
import TownhallRender

/// The files made from all the pages rather than from one: tag pages and their index, the
/// search page and index, 404, sitemap and robots.txt. Each has a key of what it shows
/// (see RenderKeys.swift), and an incremental build makes it again only when its key
/// changed: after an edit to one page's body, none of them but perhaps the search index.
enum GeneratedFiles {
    struct Item: Sendable {
        /// nil when only making the file tells where it goes (then it is always made).
        var path: String?
        /// nil when the file is always made.
        var key: UInt64?
        var make: @Sendable () -> OutputFile
    }

    /// The items, largest first: they are made on every core in this order, and the sitemap,
    /// search page or search index (tens of milliseconds each at 10,000 pages) coming last
    /// left one core idle while the other finished it. The files' order does not matter:
    /// a build sorts its files by path.
    static func plan(_ renderer: SiteRenderer, plan: RenderKeyPlan, searchLines: [SearchLine], site: SiteContent) -> [Item] {
        var items: [Item] = []
        var sitemap = KeyHash()
        sitemap.add("sitemap")
        sitemap.add(renderer.summariesKey(plan: plan))
        items.append(Item(path: "sitemap.xml", key: sitemap.value) { .text("sitemap.xml", FeedFiles.sitemap(site)) })
        if renderer.hasSearch {
            var key = KeyHash()
            for line in searchLines { key.add(line.hash) }
            let lines = searchLines.map(\.text)
            items.append(Item(path: SearchIndex.path, key: key.value) { .text(SearchIndex.path, SearchIndex.script(lines: lines)) })
            let page = SiteRenderer.searchPath + "index.html"
            items.append(Item(path: page, key: renderer.searchKey(plan: plan)) { .text(page, renderer.renderSearch()) })
        }
        if renderer.tagCount > 0 {
            for t in 0..<renderer.tagCount {
                let key = renderer.tagKey(t, plan: plan)
                items.append(Item(path: key.map { _ in "tags/\(plan.tagSlug(t))/index.html" }, key: key) {
                    let tag = renderer.renderTag(t)
                    return .text(tag.path + "index.html", tag.html)
                })
            }
            items.append(Item(path: "tags/index.html", key: renderer.tagIndexKey(plan: plan)) {
                .text("tags/index.html", renderer.renderTagIndex())
            })
        }
        items.append(Item(path: "404.html", key: renderer.notFoundKey(plan: plan)) { .text("404.html", renderer.renderNotFound()) })
        var robots = KeyHash()
        robots.add("robots")
        robots.add(site.config.baseURL)
        items.append(Item(path: "robots.txt", key: robots.value) { .text("robots.txt", FeedFiles.robots(site)) })
        return items
    }

    /// Makes the items whose key differs from `previous` (on every core, in a fixed order);
    /// returns the files made and the paths kept as they are.
    static func make(_ items: [Item], previous: [String: UInt64], threads: Int) -> (made: [OutputFile], kept: [String]) {
        var kept: [String] = []
        var toMake: [Item] = []
        for item in items {
            if let path = item.path, let key = item.key, previous[path] == key {
                kept.append(path)
            } else {
                toMake.append(item)
            }
        }
        return (toMake.concurrentMap(threads: threads) { $0.make() }, kept)
    }
}
