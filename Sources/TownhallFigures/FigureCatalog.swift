import TownhallCharts
import TownhallContent
import TownhallData
import TownhallStats

/// Every named figure, table and chart for one period, with privacy applied: what stats
/// pages, reports, `stats.json`, the CSV downloads and `townhall stats` all read, so that
/// they cannot disagree. Names are the same whatever the data (`FigureCatalog.names`).
public struct FigureCatalog: Sendable {
    public let stats: CommunityStats
    public let disclosure: Disclosure
    public private(set) var figures: [Figure] = []
    /// Tables that are not the data of a chart.
    public private(set) var tables: [FigureTable] = []
    public private(set) var charts: [FigureChart] = []
    private var figureIndex: [String: Int] = [:]
    private var tableIndex: [String: Int] = [:]
    private var chartIndex: [String: Int] = [:]

    var data: CommunityData { stats.index.data }
    var k: Int { disclosure.k }

    public init(stats: CommunityStats, disclosure: Disclosure) {
        self.stats = stats
        self.disclosure = disclosure
        addPeriod()
        addMembership()
        addRetention()
        addRoles()
        addEvents()
        addGroups()
        addReferrals()
        addFunnel()
        addModeration()
    }

    // MARK: - Lookup

    public func figure(_ name: String) -> Figure? { figureIndex[name].map { figures[$0] } }

    /// A table by name: a table of its own, or the data of a chart.
    public func table(_ name: String) -> FigureTable? {
        if let i = tableIndex[name] { return tables[i] }
        return chart(name)?.table
    }

    public func chart(_ name: String) -> FigureChart? { chartIndex[name].map { charts[$0] } }

    /// Every table, the charts' data included, in catalog order.
    public var allTables: [FigureTable] { tables + charts.map(\.table) }

    // MARK: - Building

    mutating func add(_ figure: Figure) {
        precondition(figureIndex[figure.name] == nil && tableIndex[figure.name] == nil && chartIndex[figure.name] == nil, "duplicate name \(figure.name)")
        figureIndex[figure.name] = figures.count
        figures.append(figure)
    }

    mutating func add(_ table: FigureTable) {
        precondition(figureIndex[table.name] == nil && tableIndex[table.name] == nil && chartIndex[table.name] == nil, "duplicate name \(table.name)")
        tableIndex[table.name] = tables.count
        tables.append(table)
    }

    mutating func add(_ chart: FigureChart) {
        precondition(figureIndex[chart.name] == nil && tableIndex[chart.name] == nil && chartIndex[chart.name] == nil, "duplicate name \(chart.name)")
        chartIndex[chart.name] = charts.count
        charts.append(chart)
    }

    // MARK: - Helpers

    /// Month labels of the period: `2026-10`.
    var monthLabels: [String] { stats.months.map(\.description) }

    func series(_ name: String, _ values: [FigureValue]) -> ChartSeries {
        ChartSeries(name: name, values: values.map(\.number))
    }

    /// Series for a stacked bar chart: a category with a withheld segment is left out
    /// whole, so that no bar shows a total that is not the real one.
    func stackedSeries(_ names: [String], _ values: [[FigureValue]]) -> [ChartSeries] {
        let count = values.map(\.count).max() ?? 0
        let complete = (0..<count).map { c in !values.contains { $0.indices.contains(c) && $0[c] == .withheld } }
        return zip(names, values).map { name, column in
            ChartSeries(name: name, values: column.indices.map { complete[$0] ? column[$0].number : nil })
        }
    }

    /// A member as a table may name them: by name when names are published, else by `fallback`.
    func memberLabel(_ m: Int, fallback: String) -> String {
        disclosure.publishesNames && !data.members[m].name.isEmpty ? data.members[m].name : fallback
    }

    /// The note under a chart that leaves out withheld values.
    func withheldNote(_ values: [FigureValue]) -> String? {
        values.contains(.withheld)
            ? "Values about fewer than \(k) people are not drawn; the table shows them as “fewer than \(k)”."
            : nil
    }

    /// The note under a stacked chart that leaves out categories with a withheld segment.
    func stackedNote(_ values: [FigureValue]) -> String? {
        values.contains(.withheld)
            ? "Bars with a part about fewer than \(k) people are not drawn (their total would mislead); the table shows every value."
            : nil
    }

    // MARK: - Period

    mutating func addPeriod() {
        let p = stats.period
        add(Figure("period.label", "Period", .text(p.label), "The period the figures cover, as written in front matter or on the command line.", sources: []))
        add(Figure("period.text", "Period in words", .text(p.text), "The period the figures cover, in words.", sources: []))
        add(Figure("period.from", "First day", .date(p.from), "The first day of the period.", sources: []))
        add(Figure("period.to", "Last day", .date(p.to), "The last day of the period.", sources: []))
        add(Figure("period.as_of", "As of", .date(stats.asOf), "The date the figures describe: the last day of the period, or the build date when the period is still running.", sources: []))
    }
}

extension FigureCatalog {
    /// The names every catalog has, whatever the data: for checking reports before any
    /// data is loaded and for "did you mean".
    public static let names: Names = {
        let index = StatsIndex(CommunityData())
        let date = CalendarDate(year: 2026, month: 1, day: 31)!
        let stats = CommunityStats(index, period: .month(YearMonth(date)), buildDate: date, threads: 1)
        let catalog = FigureCatalog(stats: stats, disclosure: Disclosure())
        return Names(
            figures: catalog.figures.map(\.name), tables: catalog.tables.map(\.name), charts: catalog.charts.map(\.name))
    }()

    /// The names of a catalog by kind.
    public struct Names: Sendable {
        public let figures: [String]
        public let tables: [String]
        public let charts: [String]

        /// Names a `table` block accepts: tables and charts (a chart's data is a table).
        public var allTables: [String] { tables + charts }
        public var all: [String] { figures + tables + charts }
    }
}
