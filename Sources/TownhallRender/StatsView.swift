import TownhallContent
import TownhallData
import TownhallFigures
import TownhallStats

/// The figures as the renderer sees them: a catalog per period, which page shows which
/// statistics page or embeds figures for which period, and the data files they come from.
public struct StatsView: Sendable {
    /// Catalogs by period label (`all`, `2026-Q3`).
    public let catalogs: [String: FigureCatalog]
    /// The period of the statistics pages and stats.json: every record up to the build date.
    public let sitePeriod: StatsPeriod
    /// Pages that embed figures (reports, pages with `period:`): site path → period label.
    public let pagePeriods: [String: String]
    /// The statistics pages, in order, and by site path.
    public let statsPages: [StatsPage]
    let statsPageByURL: [String: StatsPage]
    /// Display paths of the data files by kind (`data/members.csv`), for "From …" notes.
    public let sourceFiles: [DataKind: [String]]
    public let disclosure: Disclosure

    public init(
        catalogs: [String: FigureCatalog], sitePeriod: StatsPeriod, pagePeriods: [String: String], statsPages: [StatsPage],
        sourceFiles: [DataKind: [String]], disclosure: Disclosure
    ) {
        self.catalogs = catalogs
        self.sitePeriod = sitePeriod
        self.pagePeriods = pagePeriods
        self.statsPages = statsPages
        self.statsPageByURL = Dictionary(statsPages.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        self.sourceFiles = sourceFiles
        self.disclosure = disclosure
    }

    /// The catalog of the statistics pages.
    public var siteCatalog: FigureCatalog? { catalogs[sitePeriod.label] }

    /// The catalog a page's figures come from, if it shows any.
    public func catalog(forPage url: String) -> FigureCatalog? {
        if statsPageByURL[url] != nil { return siteCatalog }
        return pagePeriods[url].flatMap { catalogs[$0] }
    }

    public func statsPage(at url: String) -> StatsPage? { statsPageByURL[url] }

    /// `data/members.csv and data/attendance.csv`.
    func sourcesText(_ kinds: [DataKind]) -> String {
        var files: [String] = []
        for kind in kinds {
            for file in sourceFiles[kind] ?? [] where !files.contains(file) { files.append(file) }
        }
        if files.isEmpty { return "the data files (none yet)" }
        if files.count == 1 { return files[0] }
        return files.dropLast().joined(separator: ", ") + " and " + files.last!
    }

    public static let jsonPath = StatsPage.root + "stats.json"
}
