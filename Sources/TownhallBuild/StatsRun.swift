import Foundation
import TownhallContent
import TownhallData
import TownhallDiagnostics
import TownhallFigures
import TownhallStats

/// `townhall stats`: the pipeline up to the figures, without pages. Loads site.yaml, the
/// event pages and the community data, validates the data (a figure is never computed
/// from data with errors), and computes every figure for one period.
public struct StatsRun: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public struct Result: Sendable {
        public var catalog: FigureCatalog?
        public var diagnostics: [Diagnostic]
        public var siteTitle: String
    }

    /// `period`: `2026-Q3`, `2026-10`, `2026`, a range, or nil (or `all`) for every record.
    public func run(period text: String?, progress: @Sendable (String) -> Void = { _ in }) -> Result {
        var diagnostics: [Diagnostic] = []
        let config = SiteConfig.load(
            from: options.content.appendingPathComponent("site.yaml"),
            displayPath: options.contentDisplay + "/site.yaml", diagnostics: &diagnostics)
        let fail = { (d: [Diagnostic]) in Result(catalog: nil, diagnostics: d.sorted(), siteTitle: config.title) }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.content.path, isDirectory: &isDir), isDir.boolValue else {
            return fail([.error("content folder not found; expected a folder of Markdown pages (use --content DIR)", at: SourceLocation(file: options.contentDisplay))])
        }
        let (asOf, _) = BuildDate.resolve(option: options.asOf, config: config)
        progress("loading event pages")
        let loader = ContentLoader(root: options.content, displayRoot: options.contentDisplay, includeDrafts: options.includeDrafts, threads: options.threads)
        let pages = loader.readPages(config: config, diagnostics: &diagnostics).pages
        progress("loading and validating community data")
        let data = CommunityLoader(
            contentRoot: options.content, displayRoot: options.contentDisplay,
            reader: DataFileReader(yamlLimits: options.yamlLimits), threads: options.threads)
            .load(pages: pages, config: config, asOf: asOf, diagnostics: &diagnostics)
        if diagnostics.hasErrors { return fail(diagnostics) }
        progress("indexing")
        let index = StatsIndex(data, threads: options.threads)
        let sitePeriod = StatsPeriod.all(from: index.firstDate, through: asOf)
        var period = sitePeriod
        if let text, text != "all" {
            switch StatsPeriod.parse(text) {
            case .failure(let error):
                return fail(diagnostics + [.error(error.message, at: SourceLocation(file: "--period"))])
            case .success(let p):
                guard p.from <= asOf else {
                    return fail(diagnostics + [.error(
                        "the period \(p.label) starts after the build date \(asOf); figures can only describe days that have begun",
                        at: SourceLocation(file: "--period"))])
                }
                period = p
            }
        }
        progress("computing figures")
        let stats = CommunityStats(index, period: period, buildDate: asOf, threads: options.threads)
        let catalog = FigureCatalog(stats: stats, disclosure: Disclosure(config.privacy))
        progress("done")
        return Result(catalog: catalog, diagnostics: diagnostics.sorted(), siteTitle: config.title)
    }
}
