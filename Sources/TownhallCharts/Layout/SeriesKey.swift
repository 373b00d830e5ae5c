/// The key of a bar chart with several series: a swatch with the series' colour and
/// hatching, then its name, flowing left to right in rows. Bars cannot carry their series
/// name directly without clutter, so the hatching ties each bar to its key entry.
struct SeriesKey {
    static let rowHeight = 18.0
    static let swatch = 12.0

    let nodes: [SVGNode]
    let height: Double

    /// An empty key (no nodes, no height) for a single series: the chart's title names it.
    init(names: [String], width: Double, top: Double, idPrefix: String) {
        guard names.count > 1 else {
            nodes = []
            height = 0
            return
        }
        var nodes: [SVGNode] = []
        var x = 4.0
        var row = 0
        for (index, name) in names.enumerated() {
            let text = TextMeasure.truncated(name, maxWidth: 160)
            let itemWidth = Self.swatch + 4 + TextMeasure.width(text) + 14
            if x > 4 && x + itemWidth > width {
                row += 1
                x = 4
            }
            let y = top + Double(row) * Self.rowHeight
            let style = SeriesStyle(index: index)
            nodes += style.bar(x: x, y: y, width: Self.swatch, height: Self.swatch, prefix: idPrefix, tooltip: nil)
            nodes.append(.text(SVGText(text, at: SVGPoint(x + Self.swatch + 4, y + Self.swatch / 2), dy: 0.35)))
            x += itemWidth
        }
        self.nodes = [.group(SVGGroup(presentation: SVGPresentation(className: "th-key"), children: nodes))]
        height = Double(row + 1) * Self.rowHeight
    }

    /// The `<defs>` with the hatchings of the first `count` series.
    static func patterns(count: Int, idPrefix: String) -> SVGNode? {
        let patterns = (0..<min(count, SeriesStyle.Hatch.allCases.count)).compactMap { SeriesStyle(index: $0).pattern(prefix: idPrefix) }
        return patterns.isEmpty ? nil : .defs(patterns)
    }
}
