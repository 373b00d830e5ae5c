import TownhallContent
import TownhallFigures
import TownhallMarkdown
import TownhallRender
import TownhallStats

/// The machine-readable figures: `stats/stats.json` and a CSV per table of the statistics
/// pages, and beside every page that embeds a chart or table, the CSV of its data.
enum StatsFiles {
    static func make(_ stats: StatsView, site: SiteContent, title: String) -> [OutputFile] {
        var files: [OutputFile] = []
        let k = stats.disclosure.k
        if !stats.statsPages.isEmpty, let catalog = stats.siteCatalog {
            files.append(.text(StatsView.jsonPath, StatsJSON.render(catalog, site: title)))
            for table in catalog.allTables {
                files.append(.text(StatsPage.root + table.csvFileName, table.csv(k: k)))
            }
        }
        for page in site.pages {
            guard let label = stats.pagePeriods[page.url], let catalog = stats.catalogs[label] else { continue }
            var written: Set<String> = []
            for embed in page.analysis.embeds where embed.kind == .chart || embed.kind == .table {
                for item in embed.names where written.insert(item.name).inserted {
                    guard let table = catalog.table(item.name) else { continue }
                    files.append(.text(page.url + table.csvFileName, table.csv(k: k)))
                }
            }
        }
        return files
    }
}
