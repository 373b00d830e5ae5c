/// Vertical bars made of one segment per series, stacked from zero (negative values stack
/// downwards). Segments carry their series' colour and hatching, named in a key, and their
/// value when there is room; each bar's total is written above it.
public struct StackedBarChart: Sendable, Equatable {
    public var info: ChartInfo
    public var categories: [String]
    public var series: [ChartSeries]
    public var format: ValueFormat
    /// The header of the table's category column ("Month").
    public var categoryTitle: String
    /// The unit of the values, written above the value axis ("Attendees").
    public var valueTitle: String
    public var width: Double
    public var height: Double

    public init(
        info: ChartInfo, categories: [String], series: [ChartSeries], format: ValueFormat = .count,
        categoryTitle: String = "Category", valueTitle: String = "", width: Double = 640, height: Double = 320
    ) {
        self.info = info
        self.categories = categories
        self.series = series
        self.format = format
        self.categoryTitle = categoryTitle
        self.valueTitle = valueTitle
        self.width = width
        self.height = height
    }

    /// Each category's total over the series; nil where every value is missing.
    public var totals: [Double?] {
        categories.indices.map { c in
            let values = series.compactMap { $0.value(at: c) }
            return values.isEmpty ? nil : values.reduce(0, +)
        }
    }

    public func render() -> Chart {
        let totals = totals
        let table = DataTable(
            caption: info.title,
            columns: [categoryTitle] + series.map(\.name) + ["Total"],
            rows: series.isEmpty ? [] : categories.indices.map { i in
                [categories[i]] + series.map { format.text($0.value(at: i)) } + [format.text(totals[i])]
            }
        )
        let extents = categories.indices.map(stackExtent)
        guard totals.contains(where: { $0 != nil }), let low = extents.map(\.low).min(), let high = extents.map(\.high).max() else {
            return Chart(svg: EmptyChart.svg(info: info, width: width, height: height), table: table)
        }
        let scale = NiceScale(minimum: low, maximum: high, minimumStep: format.minimumStep)
        let keyTop = CartesianFrame.valueTitleHeight(valueTitle) + 6
        let key = SeriesKey(names: series.map(\.name), width: width, top: keyTop, idPrefix: info.id)
        let frame = CartesianFrame(
            width: width, height: height, scale: scale, format: format, categoryCount: categories.count,
            rightMargin: 12, topMargin: keyTop + key.height + 16
        )
        var children: [SVGNode] = []
        if let patterns = SeriesKey.patterns(count: series.count, idPrefix: info.id) { children.append(patterns) }
        children += [frame.valueAxis(), frame.categoryAxis(categories)]
        if let title = CartesianFrame.valueTitle(valueTitle, width: width) { children.append(title) }
        children += key.nodes
        children.append(stacks(frame, totals: totals, extents: extents))
        let document = SVGDocument(
            width: width, height: height, idPrefix: info.id, title: info.title,
            description: info.description(generatedDescription(totals: totals.compactMap { $0 })), children: children
        )
        return Chart(svg: document.render(), table: table)
    }

    /// The lowest and highest point of a category's stack: the sums of its negative and
    /// of its positive values.
    private func stackExtent(_ category: Int) -> (low: Double, high: Double) {
        let values = series.compactMap { $0.value(at: category) }
        return (values.filter { $0 < 0 }.reduce(0, +), values.filter { $0 > 0 }.reduce(0, +))
    }

    private func stacks(_ frame: CartesianFrame, totals: [Double?], extents: [(low: Double, high: Double)]) -> SVGNode {
        let barWidth = frame.band * 0.6
        var nodes: [SVGNode] = []
        for (c, category) in categories.enumerated() {
            let x = frame.center(c) - barWidth / 2
            var up = 0.0
            var down = 0.0
            for (s, one) in series.enumerated() {
                guard let value = one.value(at: c), value != 0 else { continue }
                let start = value > 0 ? up : down
                let end = start + value
                if value > 0 { up = end } else { down = end }
                let (top, bottom) = (frame.y(max(start, end)), frame.y(min(start, end)))
                let text = format.text(value)
                let style = SeriesStyle(index: s)
                nodes += style.bar(x: x + 0.5, y: top, width: barWidth - 1, height: bottom - top, prefix: info.id, tooltip: "\(category), \(one.name): \(text)")
                if bottom - top >= TextMeasure.fontSize + 4, TextMeasure.width(text) <= barWidth - 6 {
                    let presentation = SVGPresentation(className: style.onFillClass, fill: style.onFillColor)
                    nodes.append(.text(SVGText(text, at: SVGPoint(x + barWidth / 2, (top + bottom) / 2), anchor: .middle, dy: 0.35, presentation: presentation)))
                }
            }
            if let total = totals[c] {
                let text = format.text(total)
                if TextMeasure.width(text) <= frame.band - 2 {
                    let y = extents[c].high > 0 || extents[c].low == 0 ? frame.y(extents[c].high) - 4 : frame.y(extents[c].low) + 13
                    nodes.append(.text(SVGText(text, at: SVGPoint(x + barWidth / 2, y), anchor: .middle, presentation: SVGPresentation(className: "th-strong"))))
                }
            }
        }
        return .group(SVGGroup(presentation: SVGPresentation(className: "th-bars"), children: nodes))
    }

    private func generatedDescription(totals: [Double]) -> String {
        let range = "totals from \(format.text(totals.min())) to \(format.text(totals.max()))"
        return "Stacked bar chart of \(series.count) series (\(series.map(\.name).joined(separator: ", "))) over \(categories.count) categories; \(range)."
    }
}
