import TownhallContent
import TownhallData
import TownhallDiagnostics
import TownhallFigures
import TownhallMarkdown
import TownhallRender
import TownhallStats

/// Puts the figures into the site: the statistics pages under `stats/`, the report pages
/// (written in `Content/reports/`, and generated ones when site.yaml asks), and checks
/// every page that embeds figures: its `period:` and every name it asks for.
enum StatsSite {
    static let reportSection = "reports"
    static let statsSection = "stats"

    /// Pages in the reports section, and pages elsewhere that give a `period:`, embed figures.
    static func embedsFigures(_ page: Page) -> Bool {
        page.sectionPath == reportSection || page.sectionPath.hasPrefix(reportSection + "/") || page.frontMatter.params["period"] != nil
    }

    static func plan(
        pages: [Page], data: CommunityData, config: SiteConfig, asOf: CalendarDate, threads: Int, displayRoot: String,
        diagnostics: inout [Diagnostic]
    ) -> (pages: [Page], view: StatsView?) {
        var out = pages
        let figurePages = out.indices.filter { embedsFigures(out[$0]) }
        guard !data.isEmpty || !figurePages.isEmpty else { return (pages, nil) }
        let index = StatsIndex(data, threads: threads)
        let sitePeriod = StatsPeriod.all(from: index.firstDate, through: asOf)
        var pagePeriods: [String: String] = [:]
        var periods: [String: StatsPeriod] = [sitePeriod.label: sitePeriod]

        // Pages that embed figures: their period and the names they ask for.
        for i in figurePages {
            let page = out[i]
            let period = self.period(of: page, sitePeriod: sitePeriod, asOf: asOf, diagnostics: &diagnostics) ?? sitePeriod
            periods[period.label] = period
            pagePeriods[page.url] = period.label
            check(page.analysis.embeds, on: page, diagnostics: &diagnostics)
            if page.sectionPath == reportSection {
                out[i].frontMatter.layout = page.frontMatter.layout ?? (page.kind == .page ? "report" : "reports")
                if page.kind == .page, page.frontMatter.weight == nil { out[i].frontMatter.weight = weight(period) }
            }
        }

        // Reports generated from the data alone.
        if !data.isEmpty {
            let taken = Set(out.map(\.url))
            let declared = Set(figurePages.filter { out[$0].sectionPath == reportSection }.compactMap { pagePeriods[out[$0].url] })
            for period in generatedPeriods(config.reports, sitePeriod: sitePeriod, asOf: asOf) {
                let url = "\(reportSection)/\(period.slug)/"
                guard !taken.contains(url), !declared.contains(period.label) else { continue }
                out.append(GeneratedReport.page(period, url: url, config: config, displayRoot: displayRoot))
                periods[period.label] = period
                pagePeriods[url] = period.label
            }
        }
        let hasReports = out.contains { $0.sectionPath == reportSection && $0.kind == .page }
        if hasReports && !out.contains(where: { $0.sectionPath == reportSection && $0.kind == .section }) {
            out.append(generatedPage(
                url: reportSection + "/", section: reportSection, title: "Reports", kind: .section, layout: "reports",
                description: "Reports on \(config.title) for a month, a quarter or any period: figures, charts and what they mean.",
                display: displayRoot + "/" + reportSection))
        }

        // The statistics pages.
        var specs: [StatsPage] = []
        if !data.isEmpty {
            specs = StatsPage.all(hasModeration: !data.moderation.isEmpty)
            let byURL = Dictionary(out.indices.map { (out[$0].url, $0) }, uniquingKeysWith: { a, _ in a })
            for (n, spec) in specs.enumerated() {
                if let i = byURL[spec.path] {
                    // A page written in Content/stats/ introduces the generated one.
                    out[i].frontMatter.layout = out[i].frontMatter.layout ?? "stats"
                    if out[i].frontMatter.weight == nil { out[i].frontMatter.weight = n }
                    if out[i].frontMatter.description == nil { out[i].description = spec.summary }
                } else {
                    var page = generatedPage(
                        url: spec.path, section: statsSection, title: spec.title, kind: spec.slug.isEmpty ? .section : .page,
                        layout: "stats", description: spec.summary, display: displayRoot + "/data")
                    page.frontMatter.weight = n
                    out.append(page)
                }
            }
        }

        let disclosure = Disclosure(config.privacy)
        let list = periods.values.sorted { $0.label < $1.label }
        // Periods in parallel; each period's own parts in parallel only when it is alone.
        let inner = list.count > 1 ? 1 : threads
        let catalogs = list.concurrentMap(threads: threads) { period in
            FigureCatalog(stats: CommunityStats(index, period: period, buildDate: asOf, threads: inner), disclosure: disclosure)
        }
        var sources: [DataKind: [String]] = [:]
        for file in data.files {
            let shown = file.hasPrefix(displayRoot + "/") ? String(file.dropFirst(displayRoot.count + 1)) : file
            let stem = (shown.split(separator: "/").last ?? "").split(separator: ".").first.map(String.init) ?? ""
            if let kind = DataKind(rawValue: stem) { sources[kind, default: []].append(shown) }
        }
        if data.events.contains(where: { $0.page != nil }) { sources[.events, default: []].append("the pages in events/") }
        let view = StatsView(
            catalogs: Dictionary(uniqueKeysWithValues: zip(list.map(\.label), catalogs)), sitePeriod: sitePeriod,
            pagePeriods: pagePeriods, statsPages: specs, sourceFiles: sources, disclosure: disclosure)
        return (out, view)
    }

    /// Newest periods first in the reports section.
    static func weight(_ period: StatsPeriod) -> Int { -period.to.dayNumber * 8 - (period.kind == .month ? 0 : 1) }

    /// A page's `period:`, checked: nil when absent or wrong (the error is reported).
    static func period(of page: Page, sitePeriod: StatsPeriod, asOf: CalendarDate, diagnostics: inout [Diagnostic]) -> StatsPeriod? {
        let location = page.frontMatter.keyLocations["period"] ?? SourceLocation(file: page.displayPath)
        let text: String
        switch page.frontMatter.params["period"] {
        case nil: return nil
        case .string(let s)?: text = s
        case .int(let n)?: text = String(n)
        default:
            diagnostics.append(.error("expected a period like 2026-Q3 for `period`", at: location))
            return nil
        }
        if text == "all" { return sitePeriod }
        switch StatsPeriod.parse(text) {
        case .failure(let error):
            diagnostics.append(.error(error.message, at: location))
            return nil
        case .success(let period):
            guard period.from <= asOf else {
                diagnostics.append(.error(
                    "the period \(period.label) starts after the build date \(asOf); figures can only describe days that have begun",
                    at: location))
                return nil
            }
            return period
        }
    }

    /// Every name must exist, and be of the kind its block shows.
    static func check(_ embeds: [MarkdownEmbed], on page: Page, diagnostics: inout [Diagnostic]) {
        let names = FigureCatalog.names
        for embed in embeds {
            if embed.names.isEmpty {
                diagnostics.append(.error(
                    "empty `\(embed.kind.rawValue)` block; write one name per line, like members.growth",
                    at: page.location(line: embed.line, column: embed.column)))
            }
            for item in embed.names {
                let location = page.location(line: item.line, column: item.column)
                let (accepted, noun): ([String], String)
                switch embed.kind {
                case .chart: (accepted, noun) = (names.charts, "chart")
                case .table: (accepted, noun) = (names.allTables, "table")
                case .figure, .inline: (accepted, noun) = (names.figures, "figure")
                }
                guard !accepted.contains(item.name) else { continue }
                if names.figures.contains(item.name) {
                    diagnostics.append(.error(
                        "\"\(item.name)\" is a figure, not a \(noun); show it with a `figure` block or `{{\(item.name)}}`", at: location))
                } else if names.allTables.contains(item.name) {
                    let how = names.charts.contains(item.name) ? "a `chart` or `table` block" : "a `table` block"
                    diagnostics.append(.error("\"\(item.name)\" is a \(names.charts.contains(item.name) ? "chart" : "table"), not a \(noun); show it with \(how)", at: location))
                } else {
                    var message = "unknown \(noun) \"\(item.name)\""
                    if let guess = Suggestion.closest(to: item.name, in: accepted) { message += "; did you mean \"\(guess)\"?" }
                    let note = noun == "figure"
                        ? "figures are listed in the README's \"Statistics reference\" and in stats/stats.json"
                        : "\(noun)s: \(accepted.joined(separator: ", "))"
                    diagnostics.append(.error(message, at: location, notes: [note]))
                }
            }
        }
    }

    /// The months and quarters site.yaml asks reports for: complete ones (ended before the
    /// build date), from `since` (or the first month of data).
    static func generatedPeriods(_ settings: ReportSettings, sitePeriod: StatsPeriod, asOf: CalendarDate) -> [StatsPeriod] {
        guard !settings.generate.isEmpty else { return [] }
        let first = YearMonth(settings.since ?? sitePeriod.from)
        var out: [StatsPeriod] = []
        for month in YearMonth.range(first, YearMonth(asOf)) {
            if settings.generate.contains(.monthly) {
                let p = StatsPeriod.month(month)
                if p.to < asOf { out.append(p) }
            }
            if settings.generate.contains(.quarterly), month.month % 3 == 1, month.adding(2) >= first {
                let p = StatsPeriod.quarter(year: month.year, (month.month - 1) / 3 + 1)
                if p.to < asOf { out.append(p) }
            }
        }
        return out
    }

    static func generatedPage(
        url: String, section: String, title: String, kind: Page.Kind, layout: String, description: String, display: String
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
