import Testing
@testable import TownhallCharts

@Suite struct CartesianChartTests {
    let info = ChartInfo(id: "c", title: "Members")

    @Test func lineChartTableHasOneRowPerLabelAndDashForMissing() {
        let chart = LineChart(
            info: info, labels: ["Jan", "Feb", "Mar"],
            series: [ChartSeries(name: "Joined", values: [4, nil, 0.0 / 0.0]), ChartSeries(name: "Left", values: [1])],
            labelTitle: "Month"
        ).render()
        #expect(chart.table.columns == ["Month", "Joined", "Left"])
        #expect(chart.table.rows == [["Jan", "4", "1"], ["Feb", "—", "—"], ["Mar", "—", "—"]])
    }

    @Test func singlePointDrawsAMarkerAndItsLabel() throws {
        let chart = LineChart(info: info, labels: ["2026-05"], series: [ChartSeries(name: "Joined", values: [7])]).render()
        let svg = try #require(SVGInspection(chart.svg))
        #expect(svg.all("polyline").isEmpty)
        #expect(svg.all("circle").count == 2) // the point, and the marker beside its name
        #expect(svg.texts.contains("2026-05"))
        #expect(svg.texts.contains("Joined"))
        #expect(svg.all("desc").first?.text == "Line chart of 1 series (Joined) at 2026-05; values from 7 to 7.")
    }

    @Test func missingValuesBreakTheLine() throws {
        let chart = LineChart(info: info, labels: ["a", "b", "c", "d", "e"], series: [ChartSeries(name: "S", values: [1, 2, nil, 4, 5])]).render()
        let lines = try #require(SVGInspection(chart.svg)).all("polyline")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.attributes["points"]?.split(separator: " ").count == 2 })
    }

    @Test func seriesAreLabelledAtTheirLineEndsWithoutOverlap() throws {
        let series = (0..<4).map { ChartSeries(name: "Series \($0)", values: [10, 20, 30 + Double($0) * 0.1]) }
        let chart = LineChart(info: info, labels: ["a", "b", "c"], series: series).render()
        let svg = try #require(SVGInspection(chart.svg))
        let names = svg.all("text").filter { $0.text.hasPrefix("Series ") }
        #expect(names.map(\.text) == ["Series 0", "Series 1", "Series 2", "Series 3"])
        let ys = names.compactMap { Double($0.attributes["y"] ?? "") }.sorted()
        for (a, b) in zip(ys, ys.dropFirst()) { #expect(b - a >= TextMeasure.fontSize) }
    }

    @Test func manyMonthsAreThinnedSoLabelsDoNotOverlap() {
        let months = (1...36).map { "2026-\($0)" }
        let positions = months.indices.map { 40 + Double($0) * 16 }
        let placed = AxisLabels.place(months, at: positions, maxLabelWidth: 110, within: 0...640)
        #expect(placed.first?.index == 0)
        #expect(placed.count < months.count)
        #expect(placed.allSatisfy { $0.text.hasPrefix("2026-") && !$0.text.contains("…") })
        for (a, b) in zip(placed, placed.dropFirst()) { #expect(b.left >= a.right + AxisLabels.gap) }
        #expect(placed.allSatisfy { $0.left >= 0 && $0.right <= 640 })
    }

    @Test func distinctNamesAreCutToTheirBarInsteadOfThinned() throws {
        let roles = ["Founder", "Day-to-day manager", "Recruiter", "Partner", "Event planner", "Content editor", "Trainer", "Member support"]
        let chart = BarChart(info: info, categories: roles, series: [ChartSeries(name: "Members", values: [1, 2, 5, 3, 8, 4, 2, 6])]).render()
        let axis = try #require(SVGInspection(chart.svg)).all("text").filter { $0.attributes["y"] == "312" }
        #expect(axis.count == roles.count)
        #expect(axis.contains { $0.text.hasSuffix("…") })
    }

    @Test func barsStartAtZeroAndCarryTheirValues() throws {
        let chart = BarChart(info: info, categories: ["A", "B"], series: [ChartSeries(name: "Members", values: [120, 180])]).render()
        let svg = try #require(SVGInspection(chart.svg))
        #expect(svg.texts.contains("0"))
        #expect(svg.texts.contains("120") && svg.texts.contains("180"))
        let bars = svg.all("rect").filter { $0.attributes["class"] == "th-f0" }
        #expect(bars.count == 2)
        let bottoms = bars.compactMap { b in Double(b.attributes["y"]!).map { $0 + Double(b.attributes["height"]!)! } }
        #expect(bottoms[0] == bottoms[1])
    }

    @Test func negativeBarsGoBelowTheZeroLine() throws {
        let chart = BarChart(info: info, categories: ["A", "B"], series: [ChartSeries(name: "Net", values: [5, -3])]).render()
        let svg = try #require(SVGInspection(chart.svg))
        let zero = try #require(svg.all("line").first { $0.attributes["class"] == "th-axis" })
        let bars = svg.all("rect").filter { $0.attributes["class"] == "th-f0" }
        #expect(Double(bars[1].attributes["y"]!) == Double(zero.attributes["y1"]!))
        #expect(svg.texts.contains("-3"))
    }

    @Test func stackedBarsTotalEachCategory() throws {
        let chart = StackedBarChart(
            info: info, categories: ["Jan", "Feb"],
            series: [ChartSeries(name: "New", values: [3, nil]), ChartSeries(name: "Returning", values: [7, 0])]
        ).render()
        #expect(chart.table.columns == ["Category", "New", "Returning", "Total"])
        #expect(chart.table.rows == [["Jan", "3", "7", "10"], ["Feb", "—", "0", "0"]])
        let svg = try #require(SVGInspection(chart.svg))
        #expect(svg.texts.contains("10"))
        #expect(svg.texts.contains("New") && svg.texts.contains("Returning"))
    }

    @Test func percentagesAreFormattedWithoutLocale() {
        #expect(ValueFormat.percent(0).text(0.456) == "46%")
        #expect(ValueFormat.percent(1).text(0.4567) == "45.7%")
        #expect(ValueFormat.decimal(2).text(1234.5) == "1234.50")
        #expect(ValueFormat.count.text(-0.2) == "0")
        #expect(ValueFormat.count.text(0.0 / 0.0) == "—")
        #expect(ValueFormat.percent(0).text(nil) == "—")
    }
}
