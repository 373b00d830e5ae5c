import TownhallContent
import TownhallData
import TownhallMarkdown
import TownhallRender

/// Puts the community data into the content as pages, so that events and groups get
/// navigation, breadcrumbs, the sitemap and link checking like any other page:
/// a page per data-only event at `events/<id>/`, a page per group at `groups/<id>/`, and
/// the two index pages. Event pages written in Markdown are kept and given the `event`
/// layout. Rendering fills them in from the data (`CommunityView`).
enum CommunityPages {
    static func add(to pages: [Page], data: CommunityData, config: SiteConfig, displayRoot: String) -> (pages: [Page], eventURLs: [String]) {
        var out = pages
        let eventSection = CommunityLoader.eventSection
        var hasEventsIndex = false, hasGroupsIndex = false
        for i in out.indices {
            let page = out[i]
            switch (page.sectionPath, page.kind) {
            case (eventSection, .page):
                out[i].frontMatter.layout = page.frontMatter.layout ?? "event"
                // An event's `date` is when it happens, not when the page was written: it
                // must not become the sitemap's "last modified" (often in the future).
                out[i].frontMatter.date = nil
            case (eventSection, .section):
                out[i].frontMatter.layout = page.frontMatter.layout ?? "events"
                hasEventsIndex = true
            case ("groups", .section):
                out[i].frontMatter.layout = page.frontMatter.layout ?? "groups"
                hasGroupsIndex = true
            default: break
            }
        }
        let urlBySource = Dictionary(pages.map { ($0.sourcePath, $0.url) }, uniquingKeysWith: { a, _ in a })
        var eventURLs: [String] = []
        let options = MarkdownOptions(unsafe: config.markdownUnsafe, smart: config.markdownSmart)
        for event in data.events {
            if let source = event.page, let url = urlBySource[source] {
                eventURLs.append(url)
                continue
            }
            let url = CommunityView.eventPath(event.id)
            eventURLs.append(url)
            let summary = event.plan.flatMap { Markdown.analyse($0, options: options).firstParagraph } ?? ""
            out.append(page(url: url, section: eventSection, title: event.title, description: summary, layout: "event", display: displayRoot + "/data"))
        }
        for group in data.groups {
            out.append(page(
                url: CommunityView.groupPath(group.id), section: "groups", title: group.name,
                description: group.purpose.flatMap { Markdown.analyse($0, options: options).firstParagraph } ?? "",
                layout: "group", display: displayRoot + "/data"))
        }
        if !data.events.isEmpty && !hasEventsIndex {
            out.append(page(
                url: CommunityView.eventsPath, section: eventSection, title: "Events",
                description: "Upcoming and past events of \(config.title), with plans, recaps and attendance.",
                layout: "events", display: displayRoot + "/events", kind: .section))
        }
        if !data.groups.isEmpty && !hasGroupsIndex {
            out.append(page(
                url: CommunityView.groupsPath, section: "groups", title: "Groups",
                description: "The groups and sub-groups of \(config.title): how they split off, how big they are, what they do.",
                layout: "groups", display: displayRoot + "/groups", kind: .section))
        }
        return (out, eventURLs)
    }

    private static func page(
        url: String, section: String, title: String, description: String, layout: String, display: String,
        kind: Page.Kind = .page
    ) -> Page {
        var fm = FrontMatter()
        fm.title = title
        fm.layout = layout
        return Page(
            kind: kind, sourcePath: "", displayPath: display, sectionPath: section, frontMatter: fm,
            title: title, description: description, body: "", bodyLineOffset: 0, url: url,
            markdownOptions: MarkdownOptions(), analysis: .empty)
    }
}
