import TownhallContent
import TownhallData
import TownhallMarkdown
import TownhallTemplates

extension SiteRenderer {
    func groupValue(_ g: Int, community: CommunityView, links: LinkStyle) -> TemplateData {
        let group = community.data.groups[g]
        let status = community.status(ofGroup: g)
        let text = community.figureText
        let options = MarkdownOptions(unsafe: site.config.markdownUnsafe, smart: site.config.markdownSmart)
        let until = group.closed.map { min($0, community.asOf) } ?? community.asOf
        let points = GroupMembership.quarterEnds(from: group.created, through: until)
        let sizes = points.map { date -> TemplateData in
            // On the closing day the group has no members left; show the day before.
            let day = group.closed == date ? CalendarDate(dayNumber: date.dayNumber - 1) : date
            return ["date": DateText.value(day), "size": .string(text.people(community.membership.size(of: g, on: day)))]
        }
        let events = community.groupEvents[g]
        let upcoming = events.filter(community.isUpcoming)
        let past = events.filter { !community.isUpcoming($0) }.reversed()
        return [
            "id": .string(group.id.rawValue),
            "name": .string(group.name),
            "kind": .string(group.kind.rawValue),
            "kindLabel": .string(CommunityLabels.group(group.kind)),
            "carrier": group.carrier.map { .string($0) } ?? .absent,
            "purpose": group.purpose.map { .string(Markdown.render($0, options: options)) } ?? .absent,
            "created": DateText.value(group.created),
            "closed": group.closed.map { DateText.value($0) } ?? .absent,
            "status": .string(status),
            "statusLabel": .string(CommunityLabels.status(status)),
            "parent": groupLink(group.parent, community: community, links: links),
            "subgroups": .list(community.children[g].map { groupSummary($0, community: community, links: links) }),
            "hasSubgroups": .bool(!community.children[g].isEmpty),
            "size": .string(text.people(community.currentSize(ofGroup: g))),
            "sizes": .list(sizes),
            "hasSizes": .bool(!sizes.isEmpty),
            "upcoming": .list(upcoming.map { eventItem($0, community: community, links: links) }),
            "hasUpcoming": .bool(!upcoming.isEmpty),
            "past": .list(past.map { eventItem($0, community: community, links: links) }),
            "hasPast": .bool(!past.isEmpty),
            "eventCount": .int(events.count),
            "hasEvents": .bool(!events.isEmpty),
            "groupsURL": .string(links.url(CommunityView.groupsPath)),
            "minGroupSize": .int(text.k),
        ]
    }

    func groupSummary(_ g: Int, community: CommunityView, links: LinkStyle) -> TemplateData {
        let group = community.data.groups[g]
        let status = community.status(ofGroup: g)
        return [
            "name": .string(group.name),
            "url": .string(links.url(community.groupURLs[g])),
            "kindLabel": .string(CommunityLabels.group(group.kind)),
            "status": .string(status),
            "statusLabel": .string(CommunityLabels.status(status)),
            "size": .string(community.figureText.people(community.currentSize(ofGroup: g))),
            "created": DateText.value(group.created),
            "closed": group.closed.map { DateText.value($0) } ?? .absent,
            "parent": groupLink(group.parent, community: community, links: links),
            "eventCount": .int(community.groupEvents[g].count),
        ]
    }

    func groupsIndexValue(_ community: CommunityView, links: LinkStyle) -> TemplateData {
        // Depth-first over the fission tree; `visited` guards against cycles in bad data.
        var visited: Set<Int> = []
        func node(_ g: Int) -> TemplateData {
            visited.insert(g)
            var value = groupSummary(g, community: community, links: links)
            let children = community.children[g].filter { !visited.contains($0) }.map(node)
            value["children"] = .list(children)
            value["hasChildren"] = .bool(!children.isEmpty)
            return value
        }
        let tree = community.rootGroups.map(node)
        let rows = community.data.groups.indices
            .sorted { community.data.groups[$0].name < community.data.groups[$1].name }
            .map { groupSummary($0, community: community, links: links) }
        return [
            "tree": .list(tree),
            "rows": .list(rows),
            "count": .int(community.data.groups.count),
            "openCount": .int(community.data.groups.indices.filter { community.status(ofGroup: $0) != "closed" }.count),
            "minGroupSize": .int(community.figureText.k),
        ]
    }
}
