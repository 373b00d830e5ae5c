import TownhallContent
import TownhallData
import TownhallMarkdown

extension SiteRenderer {
    func groupValue(_ g: Int, community: CommunityView, links: LinkStyle) -> [String: Any] {
        let group = community.data.groups[g]
        let status = community.status(ofGroup: g)
        let text = community.figureText
        let options = MarkdownOptions(unsafe: site.config.markdownUnsafe, smart: site.config.markdownSmart)
        let until = group.closed.map { min($0, community.asOf) } ?? community.asOf
        let points = GroupMembership.quarterEnds(from: group.created, through: until)
        let sizes = points.map { date -> [String: Any] in
            // On the closing day the group has no members left; show the day before.
            let day = group.closed == date ? CalendarDate(dayNumber: date.dayNumber - 1) : date
            return ["date": DateText.value(day), "size": text.people(community.membership.size(of: g, on: day))]
        }
        let events = community.groupEvents[g]
        let upcoming = events.filter(community.isUpcoming)
        let past = events.filter { !community.isUpcoming($0) }.reversed()
        return [
            "id": group.id.rawValue,
            "name": group.name,
            "kind": group.kind.rawValue,
            "kindLabel": CommunityLabels.group(group.kind),
            "carrier": group.carrier.map { $0 as Any } ?? TemplateValue.absent,
            "purpose": group.purpose.map { Markdown.render($0, options: options) as Any } ?? TemplateValue.absent,
            "created": DateText.value(group.created),
            "closed": group.closed.map { DateText.value($0) as Any } ?? TemplateValue.absent,
            "status": status,
            "statusLabel": CommunityLabels.status(status),
            "parent": groupLink(group.parent, community: community, links: links),
            "subgroups": community.children[g].map { groupSummary($0, community: community, links: links) },
            "hasSubgroups": !community.children[g].isEmpty,
            "size": text.people(community.currentSize(ofGroup: g)),
            "sizes": sizes,
            "hasSizes": !sizes.isEmpty,
            "upcoming": upcoming.map { eventItem($0, community: community, links: links) },
            "hasUpcoming": !upcoming.isEmpty,
            "past": past.map { eventItem($0, community: community, links: links) },
            "hasPast": !past.isEmpty,
            "eventCount": events.count,
            "hasEvents": !events.isEmpty,
            "groupsURL": links.url(CommunityView.groupsPath),
            "minGroupSize": text.k,
        ]
    }

    func groupSummary(_ g: Int, community: CommunityView, links: LinkStyle) -> [String: Any] {
        let group = community.data.groups[g]
        let status = community.status(ofGroup: g)
        return [
            "name": group.name,
            "url": links.url(community.groupURLs[g]),
            "kindLabel": CommunityLabels.group(group.kind),
            "status": status,
            "statusLabel": CommunityLabels.status(status),
            "size": community.figureText.people(community.currentSize(ofGroup: g)),
            "created": DateText.value(group.created),
            "closed": group.closed.map { DateText.value($0) as Any } ?? TemplateValue.absent,
            "parent": groupLink(group.parent, community: community, links: links),
            "eventCount": community.groupEvents[g].count,
        ]
    }

    func groupsIndexValue(_ community: CommunityView, links: LinkStyle) -> [String: Any] {
        // Depth-first over the fission tree; `visited` guards against cycles in bad data.
        var visited: Set<Int> = []
        func node(_ g: Int) -> [String: Any] {
            visited.insert(g)
            var value = groupSummary(g, community: community, links: links)
            let children = community.children[g].filter { !visited.contains($0) }.map(node)
            value["children"] = children
            value["hasChildren"] = !children.isEmpty
            return value
        }
        let tree = community.rootGroups.map(node)
        let rows = community.data.groups.indices
            .sorted { community.data.groups[$0].name < community.data.groups[$1].name }
            .map { groupSummary($0, community: community, links: links) }
        return [
            "tree": tree,
            "rows": rows,
            "count": community.data.groups.count,
            "openCount": community.data.groups.indices.filter { community.status(ofGroup: $0) != "closed" }.count,
            "minGroupSize": community.figureText.k,
        ]
    }
}
