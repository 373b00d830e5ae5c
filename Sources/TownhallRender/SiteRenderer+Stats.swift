import TownhallContent
import TownhallFigures
import TownhallMarkdown
import TownhallStats

extension SiteRenderer {
    // MARK: - Statistics pages

    /// The `stats` value of a statistics page.
    func statsPageValue(_ spec: StatsPage, stats: StatsView, catalog: FigureCatalog, pageURL: String, links: LinkStyle) -> [String: Any] {
        var ids = IDAllocator()
        let blocks = spec.blocks.map { block -> [String: Any] in
            switch block {
            case .figures(let names):
                return figuresBlock(names, stats: stats, catalog: catalog)
            case .chart(let name):
                return chartBlock(name, stats: stats, catalog: catalog, id: ids.next(name), csvURL: links.url(StatsPage.root + name + ".csv"))
            case .table(let name, let collapsed):
                return tableBlock(name, stats: stats, catalog: catalog, id: ids.next(name), csvURL: links.url(StatsPage.root + name + ".csv"), collapsed: collapsed)
            }
        }
        let pages = stats.statsPages.map { p -> [String: Any] in
            ["title": p.title, "url": links.url(p.path), "summary": p.summary, "current": p.path == pageURL]
        }
        return [
            "periodText": catalog.stats.period.text.prefix(1).uppercased() + catalog.stats.period.text.dropFirst(),
            "asOf": DateText.value(catalog.stats.asOf),
            "blocks": blocks,
            "pages": pages,
            "subpages": pages.dropFirst().map { $0 },
            "isOverview": spec.slug.isEmpty,
            "jsonURL": links.url(StatsView.jsonPath),
            "minGroupSize": stats.disclosure.k,
            "namesPublished": stats.disclosure.publishesNames,
        ]
    }

    /// A block value with every key a block partial reads, so none leaks in from outside.
    func blankBlock() -> [String: Any] {
        [
            "isFigures": false, "isChart": false, "isTable": false, "figures": [Any](), "id": false, "name": false, "title": false,
            "definition": false, "note": false, "svg": false, "table": false, "csvURL": false, "collapsed": false, "rowCount": 0,
            "period": false, "asOf": false, "sources": false, "minGroupSize": false,
        ]
    }

    func periodWords(_ catalog: FigureCatalog) -> String {
        let text = catalog.stats.period.text
        return "Period: " + text
    }

    func figuresBlock(_ names: [String], stats: StatsView, catalog: FigureCatalog) -> [String: Any] {
        var block = blankBlock()
        let k = stats.disclosure.k
        block["isFigures"] = true
        block["figures"] = names.compactMap { catalog.figure($0) }.map { f -> [String: Any] in
            [
                "name": f.name, "title": f.title, "value": f.value.pageText(k: k), "definition": f.definition,
                "standard": f.standard.map { $0 as Any } ?? TemplateValue.absent, "sources": stats.sourcesText(f.sources),
            ]
        }
        block["period"] = periodWords(catalog)
        block["asOf"] = catalog.stats.asOf.longText
        block["minGroupSize"] = k
        return block
    }

    func chartBlock(_ name: String, stats: StatsView, catalog: FigureCatalog, id: String, csvURL: String) -> [String: Any] {
        var block = blankBlock()
        guard let chart = catalog.chart(name) else { return block }
        block["isChart"] = true
        block["id"] = id
        block["name"] = name
        block["title"] = chart.title
        block["definition"] = chart.definition
        block["note"] = chart.note.map { $0 as Any } ?? TemplateValue.absent
        block["svg"] = chart.svg(id: id)
        block["table"] = chart.table.html(k: stats.disclosure.k)
        block["rowCount"] = chart.table.rows.count
        block["csvURL"] = csvURL
        block["period"] = periodWords(catalog)
        block["asOf"] = catalog.stats.asOf.longText
        block["sources"] = stats.sourcesText(chart.sources)
        block["minGroupSize"] = stats.disclosure.k
        return block
    }

    func tableBlock(_ name: String, stats: StatsView, catalog: FigureCatalog, id: String, csvURL: String, collapsed: Bool) -> [String: Any] {
        var block = blankBlock()
        guard let table = catalog.table(name) else { return block }
        block["isTable"] = true
        block["id"] = id
        block["name"] = name
        block["title"] = table.title
        block["definition"] = table.definition
        block["table"] = table.html(k: stats.disclosure.k)
        block["rowCount"] = table.rows.count
        block["collapsed"] = collapsed
        block["csvURL"] = csvURL
        block["period"] = periodWords(catalog)
        block["asOf"] = catalog.stats.asOf.longText
        block["sources"] = stats.sourcesText(table.sources)
        block["minGroupSize"] = stats.disclosure.k
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
            return "<span class=\"figure-value\" title=\"\(HTMLText.escape(figure.title + ": " + figure.definition))\">\(HTMLText.escape(value))</span>"
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
    func reportValue(stats: StatsView, catalog: FigureCatalog, links: LinkStyle) -> [String: Any] {
        let period = catalog.stats.period
        return [
            "label": period.label,
            "periodText": period.text,
            "from": DateText.value(period.from),
            "to": DateText.value(period.to),
            "asOf": DateText.value(catalog.stats.asOf),
            "isRunning": catalog.stats.asOf < period.to,
            "statsURL": links.url(StatsPage.root),
            "hasStats": stats.siteCatalog != nil && !stats.statsPages.isEmpty,
            "minGroupSize": stats.disclosure.k,
        ]
    }

    /// The `reports` value of the reports index: every page of the section, newest period first.
    func reportsIndexValue(sectionPath: String, stats: StatsView, links: LinkStyle) -> [String: Any] {
        guard let section = site.sections[sectionPath] else { return ["items": [Any](), "hasItems": false] }
        let items = section.pages.map { i -> (page: Page, period: StatsPeriod?) in
            let page = site.pages[i]
            return (page, stats.pagePeriods[page.url].flatMap { stats.catalogs[$0]?.stats.period })
        }.sorted { a, b in
            let (ta, tb) = (a.period?.to ?? CalendarDate(year: 1, month: 1, day: 1)!, b.period?.to ?? CalendarDate(year: 1, month: 1, day: 1)!)
            if ta != tb { return ta > tb }
            return (a.period?.kind.rawValue ?? "", a.page.title) < (b.period?.kind.rawValue ?? "", b.page.title)
        }
        return [
            "items": items.map { item -> [String: Any] in
                [
                    "title": item.page.title, "url": links.url(item.page.url), "description": TemplateValue.text(item.page.description),
                    "period": item.period.map { $0.text as Any } ?? TemplateValue.absent,
                    "kind": item.period.map { $0.kind.rawValue as Any } ?? TemplateValue.absent,
                ]
            },
            "hasItems": !items.isEmpty,
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

/// HTML escaping for text written outside a template.
enum HTMLText {
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
