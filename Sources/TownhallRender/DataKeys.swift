import TownhallContent
import TownhallTemplates

extension SiteRenderer {
    /// The part of a page's render key that comes from the community data. An event or
    /// group page shows a few records (its event or group, their hosts and neighbours,
    /// their figures), so its key is a hash of the very values its template gets from
    /// them: an edit to the data re-renders only the pages that show what changed. Pages
    /// that summarise the data (the indexes, statistics and reports, pages embedding
    /// figures) take `plan.community`, which changes with any data file.
    ///
    /// The values are made with links from a folder no page has, so they are the same from
    /// any page (the page's URL, in its key already, fixes its links from there) and each
    /// event's list entry is made and hashed once for all the pages that show it. An event's
    /// plan and recap are hashed as their data's Markdown, not rendered: the HTML is made
    /// from that Markdown, or from the page's own body, which the page's own key covers.
    func dataKey(_ index: Int, plan: RenderKeyPlan) -> UInt64 {
        let page = site.pages[index]
        guard let community, let kind = community.page(at: page.url), !showsStatistics(index) else { return plan.community }
        let links = LinkStyle(from: "\u{1}/")
        let item = { (e: Int) -> TemplateData in
            dataKeyParts.items.entry(e) { .reusable("event item \(e)", eventItem(e, community: community, links: links)) }
        }
        let value: TemplateData
        switch kind {
        case .event(let e):
            let event = community.data.events[e]
            value = eventValue(e, community: community, body: (event.plan, event.recap), links: links, item: item)
        case .group(let g):
            value = groupValue(g, community: community, links: links, item: item)
        case .eventsIndex, .groupsIndex:
            return plan.community
        }
        var hash = KeyHash()
        hash.add("records")
        add(value, to: &hash)
        return hash.value
    }

    /// Whether the page shows figures worked out from all of the data.
    private func showsStatistics(_ index: Int) -> Bool {
        let page = site.pages[index]
        guard let stats else { return false }
        return stats.pagePeriods[page.url] != nil || stats.statsPage(at: page.url) != nil || Self.layout(of: page) == "reports"
    }

    /// Adds a template value: each case tagged, each list and object counted, each
    /// object's names with their values in order, so that different values hash apart. A
    /// `.reusable` value is hashed once per build: its key promises the same value.
    func add(_ value: TemplateData, to hash: inout KeyHash) {
        switch value {
        case .string(let s): hash.add(0); hash.add(s)
        case .utf8(let bytes): hash.add(0); hash.add(bytes)
        case .int(let i): hash.add(1); hash.add(i)
        case .double(let d): hash.add(2); hash.add(d.bitPattern)
        case .bool(let b): hash.add(b ? 3 : 4)
        case .list(let items):
            hash.add(5); hash.add(items.count)
            for item in items { add(item, to: &hash) }
        case .object(let fields):
            hash.add(6)
            var count = 0
            for (key, field) in fields {
                hash.add(key)
                add(field, to: &hash)
                count += 1
            }
            hash.add(count)
        case .slot(let name, let inner):
            hash.add(7); hash.add(name)
            add(inner, to: &hash)
        case .reusable(let name, let inner):
            hash.add(8)
            hash.add(dataKeyParts.hashes.entry(name) {
                var own = KeyHash()
                add(inner, to: &own)
                return own.value
            })
        }
    }
}

/// What the data keys of one build share: each event's list entry and the hashes of
/// `.reusable` values, by their keys.
final class DataKeyParts: Sendable {
    let items = SharedCache<Int, TemplateData>()
    let hashes = SharedCache<String, UInt64>()
}
