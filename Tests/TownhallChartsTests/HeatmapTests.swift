import Testing
@testable import TownhallCharts

@Suite struct HeatmapTests {
    let info = ChartInfo(id: "retention", title: "Retention")

    /// Three cohorts: the youngest has only month 0, one cell is 0/0.
    var triangle: Heatmap {
        Heatmap(
            info: info, rowLabels: ["2026-01", "2026-02", "2026-03"], columnLabels: ["0", "1", "2"],
            values: [[1, 0.5, 0.25], [1, .nan], [1, nil, nil]]
        )
    }

    @Test func notYetCellsAreBlank() throws {
        let chart = triangle.render()
        let svg = try #require(SVGInspection(chart.svg))
        let cells = svg.all("rect").filter { $0.tooltip.contains(": ") }
        #expect(cells.count == 6)
        #expect(!cells.contains { $0.tooltip.hasPrefix("2026-03, 1") || $0.tooltip.hasPrefix("2026-03, 2") })
        #expect(chart.table.rows == [
            ["2026-01", "100%", "50%", "25%"],
            ["2026-02", "100%", "—", ""],
            ["2026-03", "100%", "", ""],
        ])
    }

    @Test func undefinedCellsShowADashNotNaN() throws {
        let svg = try #require(SVGInspection(triangle.render().svg))
        let cell = try #require(svg.all("rect").first { $0.tooltip == "2026-02, 1: —" })
        #expect(cell.attributes["class"] == "th-missing")
        #expect(svg.texts.contains("—"))
    }

    @Test func cellsAreLabelledWithPercentagesInAContrastingColour() throws {
        let svg = try #require(SVGInspection(triangle.render().svg))
        let labels = svg.all("text").filter { $0.attributes["class"]?.hasPrefix("th-ink") == true }
        #expect(labels.map(\.text) == ["100%", "50%", "25%", "100%", "100%"])
        #expect(labels[0].attributes["class"] == "th-ink-light") // white on the darkest colour
        #expect(labels[2].attributes["class"] == "th-ink-dark")
    }

    @Test func everyRampColourHasReadableLabels() {
        for step in 0...100 {
            let color = ColorRamp.color(Double(step) / 100)
            #expect(color.contrast(with: color.textColor) >= 4.5, "at \(step)%")
        }
    }

    @Test func rampRunsFromLightToDark() {
        let luminances = (0...10).map { ColorRamp.color(Double($0) / 10).luminance }
        #expect(zip(luminances, luminances.dropFirst()).allSatisfy { $0 > $1 })
        #expect(ColorRamp.color(-1) == ColorRamp.color(0))
        #expect(ColorRamp.color(2) == ColorRamp.color(1))
    }

    @Test func narrowCellsDropTheirLabelsButKeepTooltips() throws {
        let columns = (0..<40).map(String.init)
        let heatmap = Heatmap(info: info, rowLabels: ["2026-01"], columnLabels: columns, values: [columns.map { _ in 0.123456 }], format: .percent(2), width: 320)
        let svg = try #require(SVGInspection(heatmap.render().svg))
        #expect(svg.all("rect").filter { $0.tooltip.hasSuffix("12.35%") }.count == 40)
        #expect(!svg.texts.contains("12.35%"))
    }
}
