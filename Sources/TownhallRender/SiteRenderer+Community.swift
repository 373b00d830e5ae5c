import TownhallContent
import TownhallData
import TownhallMarkdown
import TownhallTemplates

extension SiteRenderer {
    /// Adds what a community page shows to its template context. Returns, for an event or
    /// group page, what its data key is made from (see `dataKey`).
    func addCommunity(_ kind: CommunityPage, to context: inout TemplateObject, pageIndex: Int, content: String, links: LinkStyle) -> Records? {
        guard let community else { return nil }
        switch kind {
        case .event(let e):
            let event = community.data.events[e]
            let value = eventValue(e, community: community, renderedBody: content, links: links)
            context["event"] = value
            // An event's neighbours are the events before and after it (in `event`).
            context["prev"] = .absent
            context["next"] = .absent
            return Records(value: value, body: dataBody(event))
        case .eventsIndex:
            context["events"] = eventsIndexValue(community, links: links)
            return nil
        case .group(let g):
            let value = groupValue(g, community: community, links: links)
            context["group"] = value
            return Records(value: value, body: nil)
        case .groupsIndex:
            context["groups"] = groupsIndexValue(community, links: links)
            return nil
        }
    }

    // MARK: - Event bodies

    /// The plan and the recap of an event as HTML. A page's body is the plan; a `## Recap`
    /// heading starts the recap, which runs to the end. `recap:` in front matter or data
    /// is used when the body has no recap section. Pass the page's rendered body to
    /// avoid rendering it twice.
    public func eventBody(_ e: Int, renderedBody: String? = nil) -> (plan: String?, recap: String?) {
        guard let community else { return (nil, nil) }
        let event = community.data.events[e]
        let options = MarkdownOptions(unsafe: site.config.markdownUnsafe, smart: site.config.markdownSmart)
        // A recap from front matter or data gets the heading a `## Recap` section has.
        let extraRecap = event.recap.map { Self.recapHeading + Markdown.render($0, options: options) }
        guard let path = event.page, let index = site.pageBySource[path] else {
            return (event.plan.map { Markdown.render($0, options: options) }, extraRecap)
        }
        let page = site.pages[index]
        let html = renderedBody ?? Markdown.render(page.body, options: page.markdownOptions) { link in
            try? resolver.resolve(link, on: index).get()
        }
        if let heading = page.analysis.headings.first(where: { $0.level == 2 && $0.text.lowercased() == "recap" }),
           let cut = html.range(of: "<h2 id=\"\(heading.id)\">") {
            let plan = String(html[..<cut.lowerBound])
            return (Self.blank(plan) ? nil : plan, String(html[cut.lowerBound...]))
        }
        return (Self.blank(html) ? nil : html, extraRecap)
    }

    static let recapHeading = "<h2 id=\"recap\">Recap<a class=\"heading-anchor\" href=\"#recap\" aria-label=\"Link to “Recap”\">#</a></h2>\n"

    static func blank(_ html: String) -> Bool { html.allSatisfy(\.isWhitespace) }

    // MARK: - Events

    func eventItem(_ e: Int, community: CommunityView, links: LinkStyle) -> TemplateData {
        let event = community.data.events[e]
        let figures = community.figures[e]
        let upcoming = community.isUpcoming(e)
        return [
            "id": .string(event.id.rawValue),
            "title": .string(event.title),
            "url": .string(links.url(community.eventURLs[e])),
            "date": DateText.value(event.date),
            "datetime": .string(event.start.description),
            "when": .string(DateText.span(event.start, event.end)),
            "kind": .string(event.kind.rawValue),
            "kindLabel": .string(CommunityLabels.event(event.kind)),
            "group": groupLink(event.group, community: community, links: links),
            "location": .string(event.location),
            "isUpcoming": .bool(upcoming),
            "attended": !upcoming && figures.registered > 0 ? .string(community.figureText.people(figures.attended)) : .absent,
        ]
    }

    /// `eventItem` for an event page's neighbour, made once for the pages of a folder. Every
    /// event page in the folder links to it alike: relative links from pages one segment
    /// below the same folder read the same, unless they lead into one of those pages (then
    /// the item is made for the page alone).
    func neighbourItem(_ e: Int, community: CommunityView, links: LinkStyle) -> TemplateData {
        let event = community.data.events[e]
        let group = event.group.flatMap { community.data.groupIndex[$0] }.map { community.groupURLs[$0] }
        guard links.absoluteBase == nil, !community.eventURLs[e].hasPrefix(links.from), !(group?.hasPrefix(links.from) ?? false) else {
            return eventItem(e, community: community, links: links)
        }
        let key = NeighbourItemKey(event: e, folder: NavigationBuilder.folder(of: links.from))
        return neighbourItems.entry(key) { eventItem(e, community: community, links: links) }
    }

    func groupLink(_ id: GroupID?, community: CommunityView, links: LinkStyle) -> TemplateData {
        guard let id, let g = community.data.groupIndex[id] else { return .absent }
        return TemplateValue.strings(["name": community.data.groups[g].name, "url": links.url(community.groupURLs[g])])
    }

    /// An event's plan and recap as its data gives them, in Markdown: what its data key
    /// holds of them. The HTML a page shows is made from them, or from the page's own body.
    func dataBody(_ event: Event) -> (plan: String?, recap: String?) {
        (event.plan, event.recap)
    }

    func eventValue(_ e: Int, community: CommunityView, renderedBody: String, links: LinkStyle) -> TemplateData {
        let event = community.data.events[e]
        return eventValue(e, community: community, body: eventBody(e, renderedBody: event.page == nil ? nil : renderedBody), links: links)
    }

    /// The event's value with `body`, the HTML of its plan and recap.
    func eventValue(_ e: Int, community: CommunityView, body: (plan: String?, recap: String?), links: LinkStyle) -> TemplateData {
        let event = community.data.events[e]
        let upcoming = community.isUpcoming(e)
        var value = eventItem(e, community: community, links: links)
        let hosts = event.hosts.compactMap { community.data.member($0) }.map { memberValue($0, community: community) }
        let showHosts = community.privacy.publishes("name")
        value["end"] = event.end.map { TemplateValue.strings(["iso": $0.description, "text": $0.date.longText]) } ?? .absent
        value["isPast"] = .bool(!upcoming)
        value["capacity"] = .string(FigureText.grouped(event.capacity))
        value["fee"] = event.fee.map { .string($0) } ?? .absent
        value["hosts"] = .list(showHosts ? hosts : [])
        value["hasHosts"] = .bool(showHosts && !hosts.isEmpty)
        value["plan"] = body.plan.map { .string($0) } ?? .absent
        value["recap"] = body.recap.map { .string($0) } ?? .absent
        value["hasPlan"] = .bool(body.plan != nil)
        value["hasRecap"] = .bool(body.recap != nil)
        value["awaitingRecap"] = .bool(!upcoming && body.recap == nil)
        value["figures"] = upcoming ? .absent : figuresValue(community.figures[e], community: community)
        value["previous"] = e > 0 ? neighbourItem(e - 1, community: community, links: links) : .absent
        value["next"] = e + 1 < community.data.events.count ? neighbourItem(e + 1, community: community, links: links) : .absent
        value["eventsURL"] = .string(links.url(CommunityView.eventsPath))
        value["calendarURL"] = .string(links.url("events.ics"))
        return value
    }

    /// Attendance figures, each a text; rates and averages only over at least k people.
    func figuresValue(_ f: EventFigures, community: CommunityView) -> TemplateData {
        guard f.registered > 0 else { return .absent }
        let text = community.figureText
        return [
            "registered": .string(text.people(f.registered)),
            "attended": .string(text.people(f.attended)),
            "firstTimers": .string(text.people(f.firstTimers)),
            "showUpRate": text.percent(f.attended, of: f.registered).map { .string($0) } ?? .absent,
            "averageRating": text.average(sum: f.ratingSum, count: f.ratings).map { .string($0) } ?? .absent,
            "ratings": .string(text.people(f.ratings)),
            "minGroupSize": .int(text.k),
        ]
    }

    /// A member as a page may show them: only the fields site.yaml's privacy settings list.
    func memberValue(_ m: Member, community: CommunityView) -> TemplateData {
        let p = community.privacy
        func field(_ name: String, _ value: String?) -> TemplateData {
            guard p.publishes(name), let value, !value.isEmpty else { return .absent }
            return .string(value)
        }
        return [
            "name": field("name", m.name),
            "city": field("city", m.city),
            "email": field("email", m.email),
            "phone": field("phone", m.phone),
            "role": field("role", m.role?.rawValue),
            "tier": field("tier", m.tier.rawValue),
        ]
    }

    func eventsIndexValue(_ community: CommunityView, links: LinkStyle) -> TemplateData {
        let upcoming = community.upcomingEvents
        let past = community.pastEvents
        var byGroup: [(name: String, url: TemplateData, upcoming: Int, past: Int)] = []
        var counts: [Int: (Int, Int)] = [:]
        var loose = (0, 0)
        for e in community.data.events.indices {
            let isUpcoming = community.isUpcoming(e)
            if let id = community.data.events[e].group, let g = community.data.groupIndex[id] {
                counts[g, default: (0, 0)].0 += isUpcoming ? 1 : 0
                counts[g, default: (0, 0)].1 += isUpcoming ? 0 : 1
            } else {
                loose.0 += isUpcoming ? 1 : 0
                loose.1 += isUpcoming ? 0 : 1
            }
        }
        for (g, c) in counts {
            byGroup.append((community.data.groups[g].name, .string(links.url(community.groupURLs[g])), c.0, c.1))
        }
        byGroup.sort { $0.name < $1.name }
        if loose.0 + loose.1 > 0 { byGroup.append(("Whole community (no group)", .absent, loose.0, loose.1)) }
        let byKind = Event.Kind.allCases.map { kind -> TemplateData in
            let all = community.data.events.indices.filter { community.data.events[$0].kind == kind }
            let up = all.filter(community.isUpcoming).count
            return [
                "kind": .string(kind.rawValue), "label": .string(CommunityLabels.event(kind)),
                "upcoming": .int(up), "past": .int(all.count - up),
            ]
        }
        return [
            "upcoming": .list(upcoming.map { eventItem($0, community: community, links: links) }),
            "hasUpcoming": .bool(!upcoming.isEmpty),
            "past": .list(past.map { eventItem($0, community: community, links: links) }),
            "hasPast": .bool(!past.isEmpty),
            "byGroup": .list(byGroup.map { ["name": .string($0.name), "url": $0.url, "upcoming": .int($0.upcoming), "past": .int($0.past)] }),
            "byKind": .list(byKind),
            "count": .int(community.data.events.count),
            "calendarURL": .string(links.url("events.ics")),
            "feedURL": .string(links.url("feed.xml")),
            "minGroupSize": .int(community.figureText.k),
        ]
    }
}

/// An event's list entry as the pages one segment below `folder` show it.
struct NeighbourItemKey: Hashable {
    let event: Int
    let folder: String
}
