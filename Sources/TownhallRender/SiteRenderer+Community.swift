import TownhallContent
import TownhallData
import TownhallMarkdown

extension SiteRenderer {
    /// Adds what a community page shows to its template context.
    func addCommunity(_ kind: CommunityPage, to context: inout [String: Any], pageIndex: Int, content: String, links: LinkStyle) {
        guard let community else { return }
        switch kind {
        case .event(let e):
            context["event"] = eventValue(e, community: community, renderedBody: content, links: links)
            // An event's neighbours are the events before and after it (in `event`).
            context["prev"] = TemplateValue.absent
            context["next"] = TemplateValue.absent
        case .eventsIndex:
            context["events"] = eventsIndexValue(community, links: links)
        case .group(let g):
            context["group"] = groupValue(g, community: community, links: links)
        case .groupsIndex:
            context["groups"] = groupsIndexValue(community, links: links)
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

    func eventItem(_ e: Int, community: CommunityView, links: LinkStyle) -> [String: Any] {
        let event = community.data.events[e]
        let figures = community.figures[e]
        let upcoming = community.isUpcoming(e)
        return [
            "id": event.id.rawValue,
            "title": event.title,
            "url": links.url(community.eventURLs[e]),
            "date": DateText.value(event.date),
            "datetime": event.start.description,
            "when": DateText.span(event.start, event.end),
            "kind": event.kind.rawValue,
            "kindLabel": CommunityLabels.event(event.kind),
            "group": groupLink(event.group, community: community, links: links),
            "location": event.location,
            "isUpcoming": upcoming,
            "attended": !upcoming && figures.registered > 0 ? community.figureText.people(figures.attended) : TemplateValue.absent,
        ]
    }

    func groupLink(_ id: GroupID?, community: CommunityView, links: LinkStyle) -> Any {
        guard let id, let g = community.data.groupIndex[id] else { return TemplateValue.absent }
        return ["name": community.data.groups[g].name, "url": links.url(community.groupURLs[g])]
    }

    func eventValue(_ e: Int, community: CommunityView, renderedBody: String, links: LinkStyle) -> [String: Any] {
        let event = community.data.events[e]
        let body = eventBody(e, renderedBody: event.page == nil ? nil : renderedBody)
        let upcoming = community.isUpcoming(e)
        var value = eventItem(e, community: community, links: links)
        let hosts = event.hosts.compactMap { community.data.member($0) }.map { memberValue($0, community: community) }
        let showHosts = community.privacy.publishes("name")
        value["end"] = event.end.map { ["iso": $0.description, "text": $0.date.longText] as [String: Any] } ?? TemplateValue.absent
        value["isPast"] = !upcoming
        value["capacity"] = FigureText.grouped(event.capacity)
        value["fee"] = event.fee.map { $0 as Any } ?? TemplateValue.absent
        value["hosts"] = showHosts ? hosts : []
        value["hasHosts"] = showHosts && !hosts.isEmpty
        value["plan"] = body.plan.map { $0 as Any } ?? TemplateValue.absent
        value["recap"] = body.recap.map { $0 as Any } ?? TemplateValue.absent
        value["hasPlan"] = body.plan != nil
        value["hasRecap"] = body.recap != nil
        value["awaitingRecap"] = !upcoming && body.recap == nil
        value["figures"] = upcoming ? TemplateValue.absent : figuresValue(community.figures[e], community: community)
        value["previous"] = e > 0 ? eventItem(e - 1, community: community, links: links) : TemplateValue.absent
        value["next"] = e + 1 < community.data.events.count ? eventItem(e + 1, community: community, links: links) : TemplateValue.absent
        value["eventsURL"] = links.url(CommunityView.eventsPath)
        value["calendarURL"] = links.url("events.ics")
        return value
    }

    /// Attendance figures, each a text; rates and averages only over at least k people.
    func figuresValue(_ f: EventFigures, community: CommunityView) -> Any {
        guard f.registered > 0 else { return TemplateValue.absent }
        let text = community.figureText
        return [
            "registered": text.people(f.registered),
            "attended": text.people(f.attended),
            "firstTimers": text.people(f.firstTimers),
            "showUpRate": text.percent(f.attended, of: f.registered).map { $0 as Any } ?? TemplateValue.absent,
            "averageRating": text.average(sum: f.ratingSum, count: f.ratings).map { $0 as Any } ?? TemplateValue.absent,
            "ratings": text.people(f.ratings),
            "minGroupSize": text.k,
        ] as [String: Any]
    }

    /// A member as a page may show them: only the fields site.yaml's privacy settings list.
    func memberValue(_ m: Member, community: CommunityView) -> [String: Any] {
        let p = community.privacy
        func field(_ name: String, _ value: String?) -> Any {
            guard p.publishes(name), let value, !value.isEmpty else { return TemplateValue.absent }
            return value
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

    func eventsIndexValue(_ community: CommunityView, links: LinkStyle) -> [String: Any] {
        let upcoming = community.upcomingEvents
        let past = community.pastEvents
        var byGroup: [(name: String, url: Any, upcoming: Int, past: Int)] = []
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
            byGroup.append((community.data.groups[g].name, links.url(community.groupURLs[g]), c.0, c.1))
        }
        byGroup.sort { $0.name < $1.name }
        if loose.0 + loose.1 > 0 { byGroup.append(("Whole community (no group)", TemplateValue.absent, loose.0, loose.1)) }
        let byKind = Event.Kind.allCases.map { kind -> [String: Any] in
            let all = community.data.events.indices.filter { community.data.events[$0].kind == kind }
            let up = all.filter(community.isUpcoming).count
            return ["kind": kind.rawValue, "label": CommunityLabels.event(kind), "upcoming": up, "past": all.count - up]
        }
        return [
            "upcoming": upcoming.map { eventItem($0, community: community, links: links) },
            "hasUpcoming": !upcoming.isEmpty,
            "past": past.map { eventItem($0, community: community, links: links) },
            "hasPast": !past.isEmpty,
            "byGroup": byGroup.map { ["name": $0.name, "url": $0.url, "upcoming": $0.upcoming, "past": $0.past] as [String: Any] },
            "byKind": byKind,
            "count": community.data.events.count,
            "calendarURL": links.url("events.ics"),
            "feedURL": links.url("feed.xml"),
            "minGroupSize": community.figureText.k,
        ]
    }
}
