import TownhallContent
import TownhallFigures
import TownhallMarkdown
import TownhallStats
import TownhallTemplates

extension SiteRenderer {
    // MARK: - Statistics pages

    /// The `stats` value of a statistics page.
    func statsPageValue(_ spec: StatsPage, stats: StatsView, catalog: FigureCatalog, pageURL: String, links: LinkStyle) -> TemplateData {
        var ids = IDAllocator()
        let blocks = spec.blocks.map { block -> TemplateData in
            switch block {
            case .figures(let names):
                return figuresBlock(names, stats: stats, catalog: catalog)
            case .chart(let name):
                return chartBlock(name, stats: stats, catalog: catalog, id: ids.next(name), csvURL: links.url(StatsPage.root + name + ".csv"))
            case .table(let name, let collapsed):
                return tableBlock(name, stats: stats, catalog: catalog, id: ids.next(name), csvURL: links.url(StatsPage.root + name + ".csv"), collapsed: collapsed)
            }
        }
        let pages = stats.statsPages.map { p -> TemplateData in
            ["title": .string(p.title), "url": .string(links.url(p.path)), "summary": .string(p.summary), "current": .bool(p.path == pageURL)]
        }
        return [
            "periodText": .string(catalog.stats.period.text.prefix(1).uppercased() + catalog.stats.period.text.dropFirst()),
            "asOf": DateText.value(catalog.stats.asOf),
            "blocks": .list(blocks),
            "pages": .list(pages),
            "subpages": .list(Array(pages.dropFirst())),
            "isOverview": .bool(spec.slug.isEmpty),
            "jsonURL": .string(links.url(StatsView.jsonPath)),
            "minGroupSize": .int(stats.disclosure.k),
            "namesPublished": .bool(stats.disclosure.publishesNames),
        ]
    }

    /// A block value with every key a block partial reads, so none leaks in from outside.
    func blankBlock() -> TemplateData {
        [
            "isFigures": false, "isChart": false, "isTable": false, "figures": [], "id": false, "name": false, "title": false,
            "definition": false, "note": false, "svg": false, "table": false, "csvURL": false, "collapsed": false, "rowCount": 0,
            "period": false, "asOf": false, "sources": false, "minGroupSize": false,
        ]
    }

    func periodWords(_ catalog: FigureCatalog) -> String {
        let text = catalog.stats.period.text
        return "Period: " + text
    }

    func figuresBlock(_ names: [String], stats: StatsView, catalog: FigureCatalog) -> TemplateData {
        var block = blankBlock()
        let k = stats.disclosure.k
        block["isFigures"] = true
        block["figures"] = .list(names.compactMap { catalog.figure($0) }.map { f -> TemplateData in
            [
                "name": .string(f.name), "title": .string(f.title), "value": .string(f.value.pageText(k: k)), "definition": .string(f.definition),
                "standard": f.standard.map { .string($0) } ?? .absent, "sources": .string(stats.sourcesText(f.sources)),
            ]
        })
        block["period"] = .string(periodWords(catalog))
        block["asOf"] = .string(catalog.stats.asOf.longText)
        block["minGroupSize"] = .int(k)
        return block
    }

    func chartBlock(_ name: String, stats: StatsView, catalog: FigureCatalog, id: String, csvURL: String) -> TemplateData {
        var block = blankBlock()
        guard let chart = catalog.chart(name) else { return block }
        block["isChart"] = true
        block["id"] = .string(id)
        block["name"] = .string(name)
        block["title"] = .string(chart.title)
        block["definition"] = .string(chart.definition)
        block["note"] = chart.note.map { .string($0) } ?? .absent
        block["svg"] = .string(chart.svg(id: id))
        block["table"] = .string(chart.table.html(k: stats.disclosure.k))
        block["rowCount"] = .int(chart.table.rows.count)
        block["csvURL"] = .string(csvURL)
        block["period"] = .string(periodWords(catalog))
        block["asOf"] = .string(catalog.stats.asOf.longText)
        block["sources"] = .string(stats.sourcesText(chart.sources))
        block["minGroupSize"] = .int(stats.disclosure.k)
        return block
    }

    func tableBlock(_ name: String, stats: StatsView, catalog: FigureCatalog, id: String, csvURL: String, collapsed: Bool) -> TemplateData {
        var block = blankBlock()
        guard let table = catalog.table(name) else { return block }
        block["isTable"] = true
        block["id"] = .string(id)
        block["name"] = .string(name)
        block["title"] = .string(table.title)
        block["definition"] = .string(table.definition)
        block["table"] = .string(table.html(k: stats.disclosure.k))
        block["rowCount"] = .int(table.rows.count)
        block["collapsed"] = .bool(collapsed)
        block["csvURL"] = .string(csvURL)
        block["period"] = .string(periodWords(catalog))
        block["asOf"] = .string(catalog.stats.asOf.longText)
        block["sources"] = .string(stats.sourcesText(table.sources))
        block["minGroupSize"] = .int(stats.disclosure.k)
        return block
    }

    // MARK: - Embeds in Markdown

    /// The HTML of a figure request on a page (a `chart`/`table`/`figure` block or a
    /// `{{name}}` span), through the theme's partials; nil leaves the request as code
    /// (validation has already reported unknown names).
    func embedHTML(_ embed: MarkdownEmbed, stats: StatsView, catalog: FigureCatalog, pageURL: String, links: LinkStyle, ids: inout IDAllocator) -> String? {
        let names = embed.names.map(\.name)
        switch embed.kind {
        case .inline:
            guard let name = names.first, let figure = catalog.figure(name) else { return nil }
            let value = figure.value.pageText(k: stats.disclosure.k)
            return "<span class=\"figure-value\" title=\"\(HTMLEscape.attribute(figure.title + ": " + figure.definition))\">\(HTMLEscape.text(value))</span>"
        case .figure:
            guard names.allSatisfy({ catalog.figure($0) != nil }) else { return nil }
            return theme.library.render(figuresBlock(names, stats: stats, catalog: catalog), withTemplate: "stats-figures")
        case .chart:
            guard names.allSatisfy({ catalog.chart($0) != nil }) else { return nil }
            return names.compactMap { name in
                theme.library.render(
                    chartBlock(name, stats: stats, catalog: catalog, id: ids.next(name), csvURL: links.url(pageURL + name + ".csv")),
                    withTemplate: "stats-chart")
            }.joined()
        case .table:
            guard names.allSatisfy({ catalog.table($0) != nil }) else { return nil }
            return names.compactMap { name in
                theme.library.render(
                    tableBlock(name, stats: stats, catalog: catalog, id: ids.next(name), csvURL: links.url(pageURL + name + ".csv"), collapsed: false),
                    withTemplate: "stats-table")
            }.joined()
        }
    }

    /// The `report` value of a page that embeds figures.
    func reportValue(stats: StatsView, catalog: FigureCatalog, links: LinkStyle) -> TemplateData {
        let period = catalog.stats.period
        return [
            "label": .string(period.label),
            "periodText": .string(period.text),
            "from": DateText.value(period.from),
            "to": DateText.value(period.to),
            "asOf": DateText.value(catalog.stats.asOf),
            "isRunning": .bool(catalog.stats.asOf < period.to),
            "statsURL": .string(links.url(StatsPage.root)),
            "hasStats": .bool(stats.siteCatalog != nil && !stats.statsPages.isEmpty),
            "minGroupSize": .int(stats.disclosure.k),
        ]
    }

    /// The `reports` value of the reports index: every page of the section, newest period first.
    func reportsIndexValue(sectionPath: String, stats: StatsView, links: LinkStyle) -> TemplateData {
        guard let section = site.sections[sectionPath] else { return ["items": [], "hasItems": false] }
        let items = section.pages.map { i -> (page: Page, period: StatsPeriod?) in
            let page = site.pages[i]
            return (page, stats.pagePeriods[page.url].flatMap { stats.catalogs[$0]?.stats.period })
        }.sorted { a, b in
            let (ta, tb) = (a.period?.to ?? CalendarDate(year: 1, month: 1, day: 1)!, b.period?.to ?? CalendarDate(year: 1, month: 1, day: 1)!)
            if ta != tb { return ta > tb }
            return (a.period?.kind.rawValue ?? "", a.page.title) < (b.period?.kind.rawValue ?? "", b.page.title)
        }
        return [
            "items": .list(items.map { item -> TemplateData in
                [
                    "title": .string(item.page.title), "url": .string(links.url(item.page.url)), "description": .text(item.page.description),
                    "period": item.period.map { .string($0.text) } ?? .absent,
                    "kind": item.period.map { .string($0.kind.rawValue) } ?? .absent,
                ]
            }),
            "hasItems": .bool(!items.isEmpty),
        ]
    }
}

/// Ids unique on one page: `members-growth`, then `members-growth-2` for a second copy.
struct IDAllocator {
    private var used: [String: Int] = [:]

    mutating func next(_ name: String) -> String {
        let base = name.replacing(".", with: "-")
        let n = (used[base] ?? 0) + 1
        used[base] = n
        return n == 1 ? base : "\(base)-\(n)"
    }
}
