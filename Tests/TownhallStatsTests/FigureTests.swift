import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TownhallContent
import TownhallData
import TownhallFigures
@testable import TownhallStats

@Suite struct FigureValueTests {
    @Test func writesValuesTheSameWayEverywhere() {
        #expect(FigureValue.integer(1204).pageText(k: 5) == "1,204" && FigureValue.integer(1204).csvText(k: 5) == "1204")
        #expect(FigureValue.integer(-1204).pageText(k: 5) == "-1,204")
        #expect(FigureValue.fraction(10.0 / 13).pageText(k: 5) == "77%" && FigureValue.fraction(10.0 / 13).csvText(k: 5) == "0.7692")
        #expect(FigureValue.fraction(10.0 / 13).json(k: 5) == "0.7692")
        #expect(FigureValue.decimal(3.6, places: 1).pageText(k: 5) == "3.6")
        #expect(FigureValue.decimal(0.125, places: 2).csvText(k: 5) == "0.13", "half away from zero")
        #expect(FigureValue.withheld.pageText(k: 5) == "fewer than 5" && FigureValue.withheld.json(k: 5) == "\"fewer than 5\"")
        #expect(FigureValue.undefined.pageText(k: 5) == "—" && FigureValue.undefined.csvText(k: 5) == "—" && FigureValue.undefined.json(k: 5) == "null")
        #expect(FigureValue.blank.pageText(k: 5) == "" && FigureValue.blank.json(k: 5) == "null")
        #expect(FigureValue.date(Build.date("2024-02-29")).json(k: 5) == "\"2024-02-29\"")
    }

    @Test func neverWritesNaNOrMinusZero() {
        #expect(FigureValue.fixed(.nan, places: 2) == "—")
        #expect(FigureValue.fixed(-0.0001, places: 2) == "0.00")
        #expect(FigureValue.fixed(0.5, places: 0) == "1" && FigureValue.fixed(2.5, places: 0) == "3")
        #expect(FigureValue.fixed(0.04, places: 4) == "0.0400")
    }

    @Test func disclosureWithholdsSmallCountsAndRates() {
        let d = Disclosure(k: 5)
        #expect(d.people(4) == .withheld && d.people(0) == .withheld && d.people(5) == .integer(5))
        #expect(d.count(2) == .integer(2), "events and groups are not people")
        #expect(d.share(Ratio(1, of: 4)) == .withheld)
        #expect(d.share(Ratio(0, of: 0)) == .undefined, "0/0 is no value before it is a privacy question")
        #expect(d.share(Ratio(3, of: 10)) == .fraction(0.3))
        #expect(d.mean(Mean(sum: 18, count: 5), places: 1) == .decimal(3.6, places: 1))
        #expect(d.mean(Mean(sum: 9, count: 2), places: 1) == .withheld)
    }
}

@Suite struct FigureCatalogTests {
    static let stats = Build.stats(Build.quarter, "2026-Q1", build: "2026-04-15")

    @Test func namesDoNotDependOnTheData() {
        let catalog = FigureCatalog(stats: Self.stats, disclosure: Disclosure(k: 1))
        #expect(catalog.figures.map(\.name) == FigureCatalog.names.figures)
        #expect(catalog.tables.map(\.name) == FigureCatalog.names.tables)
        #expect(catalog.charts.map(\.name) == FigureCatalog.names.charts)
        #expect(Set(FigureCatalog.names.all).count == FigureCatalog.names.all.count, "one namespace")
    }

    @Test func everyStatsPageNameExists() {
        let names = Set(FigureCatalog.names.all)
        for page in StatsPage.all(hasModeration: true) {
            for block in page.blocks {
                switch block {
                case .figures(let list): for n in list { #expect(FigureCatalog.names.figures.contains(n), "\(n)") }
                case .chart(let n): #expect(FigureCatalog.names.charts.contains(n), "\(n)")
                case .table(let n, _): #expect(names.contains(n), "\(n)")
                }
            }
        }
    }

    @Test func handWorkedValuesWithKOfOne() {
        let c = FigureCatalog(stats: Self.stats, disclosure: Disclosure(k: 1))
        func v(_ name: String) -> FigureValue { c.figure(name)!.value }
        #expect(v("members.total") == .integer(4) && v("members.net_growth") == .integer(2))
        #expect(v("members.churn") == .fraction(0) && v("members.monthly_churn") == .fraction(1.0 / 8))  // 0 + 0 + 1 over 2 + 3 + 3
        #expect(v("events.show_up_rate") == .fraction(10.0 / 13) && v("events.rating") == .decimal(3.6, places: 1))
        #expect(v("concentration.absence_factor") == .integer(2))
        #expect(v("referrals.longest_chain") == .integer(3) && v("referrals.per_member") == .decimal(2.0 / 6, places: 2))
        #expect(v("retention.membership_6m") == .undefined)
        #expect(v("groups.closed_lifespan") == .decimal(214, places: 0))
        #expect(v("period.as_of") == .date(Build.date("2026-03-31")))
        let funnel = c.table("funnel.stages")!
        #expect(funnel.rows.map { $0[1] } == [.integer(4), .integer(3), .integer(0), .integer(0)])
        #expect(funnel.rows[2][3] == .fraction(0), "0 of 3 reached the third stage")
    }

    @Test func defaultPrivacyWithholdsTheSmallFiguresOfTheExample() {
        let c = FigureCatalog(stats: Self.stats, disclosure: Disclosure(k: 5))
        func v(_ name: String) -> FigureValue { c.figure(name)!.value }
        #expect(v("members.total") == .withheld && v("members.net_growth") == .withheld)
        #expect(v("events.show_up_rate") == .fraction(10.0 / 13), "13 registrations are enough")
        #expect(v("events.rating") == .decimal(3.6, places: 1), "5 ratings are enough")
        #expect(v("events.guest_conversion") == .withheld)
        #expect(v("events.count") == .integer(4), "events are not people")
        #expect(c.table("referrals.top")!.rows.isEmpty, "nobody brought five people")
        let tree = c.chart("referrals.tree")!
        #expect(tree.table.rows.isEmpty && tree.note != nil, "trees of fewer than five people are not drawn")
    }

    @Test func namesOnlyWhenPublished() {
        let hidden = FigureCatalog(stats: Self.stats, disclosure: Disclosure(k: 1, publishesNames: false))
        let shown = FigureCatalog(stats: Self.stats, disclosure: Disclosure(k: 1, publishesNames: true))
        let hiddenText = StatsJSON.render(hidden, site: "T")
        #expect(!hiddenText.contains("Name of m"), "no member name without publish_member_fields: [name]")
        #expect(hidden.table("referrals.top")!.rows.map { $0[1] } == [.text("Referrer 1"), .text("Referrer 2")])
        #expect(shown.table("referrals.top")!.rows.map { $0[1] } == [.text("Name of m1"), .text("Name of m2")])
    }

    @Test func statsJSONIsValidSortedAndDeterministic() throws {
        let catalog = FigureCatalog(stats: Self.stats, disclosure: Disclosure(k: 5))
        let text = StatsJSON.render(catalog, site: "Tiny \"club\"")
        #expect(text == StatsJSON.render(FigureCatalog(stats: Build.stats(Build.quarter, "2026-Q1", build: "2026-04-15"), disclosure: Disclosure(k: 5)), site: "Tiny \"club\""))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "townhall-stats/1")
        #expect(object["site"] as? String == "Tiny \"club\"")
        let figures = try #require(object["figures"] as? [String: Any])
        #expect(figures.keys.sorted() == FigureCatalog.names.figures.sorted())
        #expect((figures["members.total"] as? [String: Any])?["value"] as? String == "fewer than 5")
        #expect((figures["retention.membership_6m"] as? [String: Any])?["value"] is NSNull)
        // Keys are written sorted: the top-level keys appear in order in the text.
        let keys = ["charts", "figures", "period", "privacy", "schema", "settings", "site", "tables"]
        let positions = keys.map { text.range(of: "\n  \"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(!text.contains("nan") && !text.contains("NaN") && !text.contains("inf"))
    }

    @Test func everyChartRendersAsXMLWithTitleAndDesc() {
        for disclosure in [Disclosure(k: 1), Disclosure(k: 5)] {
            let catalog = FigureCatalog(stats: Self.stats, disclosure: disclosure)
            for chart in catalog.charts {
                let svg = chart.svg(id: chart.defaultID)
                let parser = XMLParser(data: Data(svg.utf8))
                #expect(parser.parse(), "\(chart.name) parses")
                #expect(svg.contains("<title id=\"\(chart.defaultID)-title\">") && svg.contains("<desc id=\"\(chart.defaultID)-desc\">"))
                #expect(svg == chart.svg(id: chart.defaultID), "deterministic")
            }
        }
    }

    @Test func emptyDataStillGivesEveryFigure() {
        let stats = Build.stats(CommunityData(), "2026-10", build: "2026-11-20")
        let catalog = FigureCatalog(stats: stats, disclosure: Disclosure())
        #expect(catalog.figures.count == FigureCatalog.names.figures.count)
        #expect(catalog.figure("events.show_up_rate")?.value == .undefined)
        for chart in catalog.charts { #expect(XMLParser(data: Data(chart.svg(id: "x").utf8)).parse(), "\(chart.name)") }
        #expect(catalog.chart("events.kinds")!.svg(id: "x").contains("No data for this period") == false, "kinds has zero bars, not no data")
    }

    @Test func summariesForTheCommandLine() {
        let catalog = FigureCatalog(stats: Self.stats, disclosure: Disclosure(k: 1))
        let text = StatsSummary.text(catalog, site: "Tiny")
        #expect(text.hasPrefix("Tiny: statistics for January to March 2026 (2026-Q1), as of 31 March 2026\n"))
        #expect(text.contains("  members.total ") && text.contains("Members\n"))
        let md = StatsSummary.markdown(catalog, site: "Tiny")
        #expect(md.hasPrefix("## Tiny: statistics for January to March 2026 (2026-Q1), as of 31 March 2026\n"))
        #expect(md.contains("| Members | 4 | `members.total` |"))
        #expect(md.contains("| Show-up rate | 77% | `events.show_up_rate` |"))
    }
}
