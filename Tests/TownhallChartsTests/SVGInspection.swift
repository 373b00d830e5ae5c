import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import TownhallCharts

/// What the tests need to know about an SVG, read back with Foundation's XML parser: if
/// it parses here, browsers will parse it too.
struct SVGInspection {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        /// The text of a `<title>` child of a shape: its tooltip.
        var tooltip = ""
    }

    private(set) var elements: [Element] = []

    /// Nil when the document is not well-formed XML.
    init?(_ svg: String) {
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        guard parser.parse() else { return nil }
        elements = collector.elements
    }

    var root: Element? { elements.first }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// The text of every `<text>` element, in document order.
    var texts: [String] { all("text").map(\.text) }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            open.append(elements.count)
            elements.append(Element(name: name, attributes: attributes, text: ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let index = open.removeLast()
            if name == "title", let parent = open.last, elements[parent].name != "svg" {
                elements[parent].tooltip = elements[index].text
            }
        }
    }
}

/// One chart of every kind, built from the same labels so tests can run over all kinds.
enum SampleCharts {
    static let hostile = "<script>alert('x')</script> \"Tea\" & <b>Talk</b>"

    static func all(label: String = "Tea & talk", id: String = "sample") -> [(kind: String, chart: Chart)] {
        let info = ChartInfo(id: id, title: "Title: \(label)", summary: "Summary of \(label).")
        let months = ["2026-01", "2026-02", label]
        let series = [ChartSeries(name: label, values: [3, 5, 8]), ChartSeries(name: "Left", values: [1, nil, 2])]
        return [
            ("line", LineChart(info: info, labels: months, series: series).render()),
            ("bar", BarChart(info: info, categories: months, series: series).render()),
            ("stacked", StackedBarChart(info: info, categories: months, series: series).render()),
            ("heatmap", Heatmap(info: info, rowLabels: [label, "2026-02"], columnLabels: ["0", label], values: [[1, 0.5], [1]]).render()),
            ("tree", TreeChart(info: info, roots: [TreeNode(label, value: 4, children: [TreeNode("Child")])]).render()),
            ("funnel", FunnelChart(info: info, stages: [FunnelStage(label, count: 10), FunnelStage("Attended", count: 4)]).render()),
        ]
    }

    static func empty(id: String = "empty") -> [(kind: String, chart: Chart)] {
        let info = ChartInfo(id: id, title: "Nothing yet")
        return [
            ("line", LineChart(info: info, labels: [], series: []).render()),
            ("line with only missing values", LineChart(info: info, labels: ["2026-01"], series: [ChartSeries(name: "A", values: [nil, .nan])]).render()),
            ("bar", BarChart(info: info, categories: ["A"], series: []).render()),
            ("stacked", StackedBarChart(info: info, categories: [], series: [ChartSeries(name: "A", values: [])]).render()),
            ("heatmap", Heatmap(info: info, rowLabels: ["2026-01"], columnLabels: ["0"], values: [[nil]]).render()),
            ("tree", TreeChart(info: info, roots: []).render()),
            ("funnel", FunnelChart(info: info, stages: []).render()),
        ]
    }
}
