/// One or more series over ordered labels (months, weeks): lines with a marker shape and
/// dash per series, and each series named directly at its line's end instead of in a legend.
public struct LineChart: Sendable, Equatable {
    public var info: ChartInfo
    /// The x labels, in order (e.g. `2026-01` … `2026-12`).
    public var labels: [String]
    public var series: [ChartSeries]
    public var format: ValueFormat
    /// The header of the table's label column ("Month").
    public var labelTitle: String
    /// The unit of the values, written above the value axis ("Members").
    public var valueTitle: String
    /// Start the value axis at zero even when every value is far from it.
    public var includesZero: Bool
    public var width: Double
    public var height: Double

    public init(
        info: ChartInfo, labels: [String], series: [ChartSeries], format: ValueFormat = .count,
        labelTitle: String = "Period", valueTitle: String = "", includesZero: Bool = true,
        width: Double = 640, height: Double = 320
    ) {
        self.info = info
        self.labels = labels
        self.series = series
        self.format = format
        self.labelTitle = labelTitle
        self.valueTitle = valueTitle
        self.includesZero = includesZero
        self.width = width
        self.height = height
    }

    public func render() -> Chart {
        let table = DataTable(
            caption: info.title,
            columns: [labelTitle] + series.map(\.name),
            rows: series.isEmpty ? [] : labels.indices.map { i in [labels[i]] + series.map { format.text($0.value(at: i)) } }
        )
        let values = series.flatMap { s in labels.indices.compactMap { s.value(at: $0) } }
        guard let low = values.min(), let high = values.max() else {
            return Chart(svg: EmptyChart.svg(info: info, width: width, height: height), table: table)
        }
        let scale = NiceScale(minimum: low, maximum: high, includingZero: includesZero, minimumStep: format.minimumStep)
        let names = series.map { TextMeasure.truncated($0.name, maxWidth: 120) }
        let labelWidth = names.map(TextMeasure.width).max() ?? 0
        let frame = CartesianFrame(
            width: width, height: height, scale: scale, format: format, categoryCount: labels.count,
            rightMargin: labelWidth + 32, topMargin: CartesianFrame.valueTitleHeight(valueTitle) + 12
        )
        var children: [SVGNode] = [frame.valueAxis(), frame.categoryAxis(labels)]
        if let title = CartesianFrame.valueTitle(valueTitle, width: width) { children.append(title) }
        children += series.indices.map { lineNodes($0, frame: frame) }
        children.append(endLabels(names, frame: frame))
        let document = SVGDocument(
            width: width, height: height, idPrefix: info.id, title: info.title,
            description: info.description(generatedDescription(low: low, high: high)), children: children
        )
        return Chart(svg: document.render(), table: table)
    }

    /// Runs of consecutive values as polylines (a missing value breaks the line), with
    /// markers at every point when there is room, else at the ends of each run.
    private func lineNodes(_ index: Int, frame: CartesianFrame) -> SVGNode {
        let style = SeriesStyle(index: index)
        var runs: [[Int]] = []
        for i in labels.indices {
            guard series[index].value(at: i) != nil else { continue }
            if let last = runs.last?.last, last == i - 1 { runs[runs.count - 1].append(i) } else { runs.append([i]) }
        }
        let point = { (i: Int) in SVGPoint(frame.center(i), frame.y(series[index].value(at: i) ?? 0)) }
        var nodes: [SVGNode] = []
        for run in runs where run.count > 1 {
            nodes.append(.polyline(SVGPolyline(points: run.map(point), presentation: style.line)))
        }
        let everyPoint = frame.band >= 14
        for run in runs {
            let marked = everyPoint || run.count == 1 ? run : [run[0], run[run.count - 1]]
            nodes += marked.map { style.markerNode(at: point($0), size: 7) }
        }
        return .group(SVGGroup(presentation: SVGPresentation(className: "th-series"), children: nodes))
    }

    /// Each series' name beside the plot at the height of its last value, with its marker.
    private func endLabels(_ names: [String], frame: CartesianFrame) -> SVGNode {
        let ends = series.indices.compactMap { s -> (series: Int, y: Double)? in
            guard let last = labels.indices.last(where: { series[s].value(at: $0) != nil }), let value = series[s].value(at: last) else { return nil }
            return (s, frame.y(value))
        }
        let ys = LabelStack.spread(ends.map(\.y), spacing: TextMeasure.fontSize + 3, within: frame.top...frame.bottom)
        var nodes: [SVGNode] = []
        for (end, y) in zip(ends, ys) {
            let style = SeriesStyle(index: end.series)
            nodes.append(style.markerNode(at: SVGPoint(frame.right + 12, y), size: 8))
            nodes.append(.text(SVGText(names[end.series], at: SVGPoint(frame.right + 20, y), dy: 0.35)))
        }
        return .group(SVGGroup(presentation: SVGPresentation(className: "th-series-labels"), children: nodes))
    }

    private func generatedDescription(low: Double, high: Double) -> String {
        let count = series.count == 1 ? "1 series" : "\(series.count) series"
        let range = labels.count == 1 ? "at \(labels[0])" : "over \(labels.count) points from \(labels[0]) to \(labels[labels.count - 1])"
        return "Line chart of \(count) (\(series.map(\.name).joined(separator: ", "))) \(range); values from \(format.text(low)) to \(format.text(high))."
    }
}
