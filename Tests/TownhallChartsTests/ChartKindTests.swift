import Testing
@testable import TownhallCharts

/// Properties every chart kind must have, checked on each.
@Suite struct ChartKindTests {
    static let kinds = SampleCharts.all().map(\.kind)

    private func chart(_ kind: String, label: String = "Tea & talk") -> Chart {
        SampleCharts.all(label: label).first { $0.kind == kind }!.chart
    }

    @Test(arguments: kinds)
    func parsesAsXMLWithAccessibleNameAndDescription(kind: String) throws {
        let svg = try #require(SVGInspection(chart(kind).svg), "not well-formed XML")
        let root = try #require(svg.root)
        #expect(root.name == "svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["viewBox"]?.hasPrefix("0 0 ") == true)
        #expect(root.attributes["aria-labelledby"] == "sample-title sample-desc")
        let title = try #require(svg.all("title").first)
        let desc = try #require(svg.all("desc").first)
        #expect(title.attributes["id"] == "sample-title")
        #expect(title.text == "Title: Tea & talk")
        #expect(desc.attributes["id"] == "sample-desc")
        #expect(desc.text.hasPrefix("Summary of Tea & talk. "))
        #expect(svg.all("style").count == 1)
    }

    @Test(arguments: kinds)
    func rendersByteIdenticalTwice(kind: String) {
        let first = chart(kind)
        let second = chart(kind)
        #expect(first.svg == second.svg)
        #expect(first.table.html() == second.table.html())
        #expect(first.table.csv() == second.table.csv())
    }

    @Test(arguments: kinds)
    func escapesHostileLabels(kind: String) throws {
        let chart = chart(kind, label: SampleCharts.hostile)
        #expect(!chart.svg.contains("<script"))
        #expect(!chart.svg.contains("<b>"))
        let svg = try #require(SVGInspection(chart.svg), "hostile label broke the XML")
        #expect(svg.all("title").first?.text == "Title: " + SampleCharts.hostile)
        #expect(!svg.elements.contains { $0.name == "script" || $0.name == "b" })
        let html = chart.table.html()
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert('x')&lt;/script&gt; \"Tea\" &amp; &lt;b&gt;Talk&lt;/b&gt;"))
    }

    @Test(arguments: kinds)
    func neverWritesNaNOrInfinity(kind: String) {
        let svg = chart(kind).svg.lowercased()
        #expect(!svg.contains("nan"))
        #expect(!svg.contains("inf"))
    }

    @Test(arguments: SampleCharts.empty().map(\.kind))
    func emptyInputSaysNoDataInsteadOfDrawingAxes(kind: String) throws {
        let chart = SampleCharts.empty().first { $0.kind == kind }!.chart
        let svg = try #require(SVGInspection(chart.svg))
        #expect(svg.texts == ["No data for this period"])
        #expect(svg.all("desc").first?.text == "No data for this period.")
        #expect(svg.all("line").isEmpty && svg.all("rect").isEmpty && svg.all("polyline").isEmpty)
        #expect(chart.table.caption == "Nothing yet")
    }

    @Test func chartsWithDifferentPrefixesHaveDifferentIDs() throws {
        let a = try #require(SVGInspection(SampleCharts.all(id: "growth").first!.chart.svg))
        let b = try #require(SVGInspection(SampleCharts.all(id: "retention").first!.chart.svg))
        let ids = { (svg: SVGInspection) in Set(svg.elements.compactMap { $0.attributes["id"] }) }
        #expect(ids(a).isDisjoint(with: ids(b)))
        #expect(ids(a).contains("growth-title"))
    }

    @Test func barChartsDefineTheHatchingsTheyUse() throws {
        let svg = try #require(SVGInspection(chart("bar").svg))
        let defined = Set(svg.all("pattern").compactMap { $0.attributes["id"] })
        let used = Set(svg.all("rect").compactMap { $0.attributes["fill"] }.filter { $0.hasPrefix("url(#") }.map { String($0.dropFirst(5).dropLast()) })
        #expect(!used.isEmpty)
        #expect(used.isSubset(of: defined))
    }
}
