import TownhallContent
import TownhallTemplates

extension SiteRenderer {
    /// The part of a page's render key that comes from the community data. An event or
    /// group page shows a few records (its event or group, their hosts and neighbours,
    /// their figures), so its key is a hash of the very values its template gets from
    /// them (`Records.key`): an edit to the data re-renders only the pages that show what
    /// changed. Pages that summarise the data (the indexes, statistics and reports, pages
    /// embedding figures) take `plan.community`, which changes with any of it.
    func dataKey(_ index: Int, plan: RenderKeyPlan) -> UInt64 {
        let page = site.pages[index]
        guard let community, isKeyedByRecords(index), let kind = community.page(at: page.url) else { return plan.community }
        let links = LinkStyle(from: page.url)
        switch kind {
        case .event(let e):
            // The value without its plan and recap, which the key takes from `dataBody`.
            let value = eventValue(e, community: community, body: (nil, nil), links: links)
            return Records(value: value, body: dataBody(community.data.events[e])).key
        case .group(let g):
            return Records(value: groupValue(g, community: community, links: links), body: nil).key
        case .eventsIndex, .groupsIndex:
            return plan.community
        }
    }

    /// Whether the page's data key is made from the records it shows: an event or group
    /// page that shows no figures worked out from all of the data.
    public func isKeyedByRecords(_ index: Int) -> Bool {
        let page = site.pages[index]
        switch community?.page(at: page.url) {
        case .event?, .group?: break
        default: return false
        }
        guard let stats else { return true }
        return stats.pagePeriods[page.url] == nil && stats.statsPage(at: page.url) == nil && Self.layout(of: page) != "reports"
    }

    /// Adds a template value: each case tagged, each list and object counted, each object's
    /// names with their values in order, so that different values hash apart.
    fileprivate static func add(_ value: TemplateData, to hash: inout KeyHash) {
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
            add(fields, to: &hash)
        case .slot(let name, let inner), .reusable(let name, let inner):
            hash.add(7); hash.add(name)
            add(inner, to: &hash)
        }
    }

    /// Adds an object's fields, but those `skipping` names.
    fileprivate static func add(_ fields: TemplateObject, to hash: inout KeyHash, skipping: (String) -> Bool = { _ in false }) {
        hash.add(6)
        var count = 0
        for (name, field) in fields where !skipping(name) {
            hash.add(name)
            add(field, to: &hash)
            count += 1
        }
        hash.add(count)
    }
}

/// What an event or group page shows of the data records, as its data key takes it: the
/// value its template gets and, for an event, its plan and recap as the data gives them in
/// Markdown (`body`), in place of the value's own: the HTML is made from that Markdown, or
/// from the page's own body, which the page's own key covers.
struct Records {
    let value: TemplateData
    let body: (plan: String?, recap: String?)?

    var key: UInt64 {
        var hash = KeyHash()
        hash.add("records")
        guard let body, case .object(let fields) = value else {
            SiteRenderer.add(value, to: &hash)
            return hash.value
        }
        SiteRenderer.add(fields, to: &hash) { name in
            switch name {
            case "plan", "recap", "hasPlan", "hasRecap", "awaitingRecap": true
            default: false
            }
        }
        for part in [body.plan, body.recap] {
            hash.add(part == nil ? 0 : 1)
            hash.add(part ?? "")
        }
        return hash.value
    }
}
