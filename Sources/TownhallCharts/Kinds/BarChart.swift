/// Vertical bars from zero: one bar per category, or a group of bars per category when
/// there are several series (each with its colour and hatching, named in a key). Each
/// bar's value is written on it when there is room.
public struct BarChart: Sendable, Equatable {
    public var info: ChartInfo
    public var categories: [String]
    public var series: [ChartSeries]
    public var format: ValueFormat
    /// The header of the table's category column ("Role").
    public var categoryTitle: String
    /// The unit of the values, written above the value axis ("Members").
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

    public func render() -> Chart {
        let table = DataTable(
            caption: info.title,
            columns: [categoryTitle] + series.map(\.name),
            rows: series.isEmpty ? [] : categories.indices.map { i in [categories[i]] + series.map { format.text($0.value(at: i)) } }
        )
        let values = series.flatMap { s in categories.indices.compactMap { s.value(at: $0) } }
        guard let low = values.min(), let high = values.max() else {
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
        children.append(bars(frame))
        let document = SVGDocument(
            width: width, height: height, idPrefix: info.id, title: info.title,
            description: info.description(generatedDescription(low: low, high: high)), children: children
        )
        return Chart(svg: document.render(), table: table)
    }

    private func bars(_ frame: CartesianFrame) -> SVGNode {
        let inner = frame.band * 0.8
        let barWidth = inner / Double(series.count)
        let zero = frame.y(0)
        var nodes: [SVGNode] = []
        for (c, category) in categories.enumerated() {
            for (s, one) in series.enumerated() {
                guard let value = one.value(at: c) else { continue }
                let x = frame.center(c) - inner / 2 + Double(s) * barWidth
                let y = frame.y(value)
                let text = format.text(value)
                let tooltip = series.count > 1 ? "\(category), \(one.name): \(text)" : "\(category): \(text)"
                nodes += SeriesStyle(index: s).bar(
                    x: x + 0.5, y: min(y, zero), width: barWidth - 1, height: abs(zero - y), prefix: info.id, tooltip: tooltip
                )
                // Bars are 1 apart, so labels within their bar's width never touch.
                if TextMeasure.width(text) <= barWidth - 2 {
                    // Above a bar that goes up, below one that goes down.
                    let labelY = value >= 0 ? y - 4 : y + 13
                    nodes.append(.text(SVGText(text, at: SVGPoint(x + barWidth / 2, labelY), anchor: .middle)))
                }
            }
        }
        return .group(SVGGroup(presentation: SVGPresentation(className: "th-bars"), children: nodes))
    }

    private func generatedDescription(low: Double, high: Double) -> String {
        let what = series.count == 1 ? "Bar chart" : "Grouped bar chart of \(series.count) series (\(series.map(\.name).joined(separator: ", ")))"
        return "\(what) over \(categories.count) categories; values from \(format.text(low)) to \(format.text(high))."
    }
}
