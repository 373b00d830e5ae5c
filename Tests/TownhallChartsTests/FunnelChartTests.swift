import Testing
@testable import TownhallCharts

@Suite struct FunnelChartTests {
    let info = ChartInfo(id: "funnel", title: "From joining to a role")

    @Test func sharesAreOfTheFirstAndOfThePreviousStage() throws {
        let funnel = FunnelChart(info: info, stages: [
            FunnelStage("Joined", count: 200), FunnelStage("Attended once", count: 120),
            FunnelStage("Attended three times", count: 30), FunnelStage("Holds a role", count: 6),
        ])
        #expect(funnel.sharesOfFirst == [1, 0.6, 0.15, 0.03])
        #expect(funnel.sharesOfPrevious == [nil, 0.6, 0.25, 0.2])
        let chart = funnel.render()
        #expect(chart.table.rows == [
            ["Joined", "200", "100%", ""],
            ["Attended once", "120", "60%", "60%"],
            ["Attended three times", "30", "15%", "25%"],
            ["Holds a role", "6", "3%", "20%"],
        ])
        let svg = try #require(SVGInspection(chart.svg))
        #expect(svg.texts.contains("120 · 60%"))
        #expect(svg.texts.contains("Holds a role"))
    }

    @Test func anEmptyFirstStageGivesDashesNotNaN() throws {
        let chart = FunnelChart(info: info, stages: [FunnelStage("Joined", count: 0), FunnelStage("Attended", count: 0)]).render()
        #expect(chart.table.rows == [["Joined", "0", "—", ""], ["Attended", "0", "—", "—"]])
        let svg = try #require(SVGInspection(chart.svg))
        #expect(svg.texts.contains("0 · —"))
        #expect(!chart.svg.contains("NaN"))
    }

    @Test func barLengthsFollowTheCounts() throws {
        let chart = FunnelChart(info: info, stages: [FunnelStage("A", count: 100), FunnelStage("B", count: 50)]).render()
        let bars = try #require(SVGInspection(chart.svg)).all("rect").compactMap { Double($0.attributes["width"] ?? "") }
        #expect(bars.count == 2)
        #expect(abs(bars[1] * 2 - bars[0]) < 0.02)
    }
}
