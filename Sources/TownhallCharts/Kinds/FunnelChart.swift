/// Ordered stages with counts (joined → attended once → attended three times → holds a
/// role): one bar per stage, from a common left edge so lengths compare, each labelled with
/// its count and its share of the first stage. Shares of an empty first stage are "—".
public struct FunnelChart: Sendable, Equatable {
    public var info: ChartInfo
    public var stages: [FunnelStage]
    /// How shares are written.
    public var shareFormat: ValueFormat
    /// The header of the table's stage column.
    public var stageTitle: String
    public var width: Double

    static let rowHeight = 44.0

    public init(info: ChartInfo, stages: [FunnelStage], shareFormat: ValueFormat = .percent(0), stageTitle: String = "Stage", width: Double = 640) {
        self.info = info
        self.stages = stages
        self.shareFormat = shareFormat
        self.stageTitle = stageTitle
        self.width = width
    }

    /// Each stage's count divided by the first stage's; nil when that is 0 (0/0 is no share).
    public var sharesOfFirst: [Double?] {
        stages.map { Self.share($0.count, of: stages.first?.count ?? 0) }
    }

    /// Each stage's count divided by the previous stage's (the step's conversion rate);
    /// nil for the first stage and after an empty one.
    public var sharesOfPrevious: [Double?] {
        stages.indices.map { $0 == 0 ? nil : Self.share(stages[$0].count, of: stages[$0 - 1].count) }
    }

    static func share(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }

    public func render() -> Chart {
        let ofFirst = sharesOfFirst
        let ofPrevious = sharesOfPrevious
        let table = DataTable(
            caption: info.title,
            columns: [stageTitle, "Count", "Share of first stage", "Share of previous stage"],
            rows: stages.indices.map { i in
                [stages[i].label, String(stages[i].count), shareFormat.text(ofFirst[i]), i == 0 ? "" : shareFormat.text(ofPrevious[i])]
            }
        )
        guard !stages.isEmpty else {
            return Chart(svg: EmptyChart.svg(info: info, width: width, height: 160), table: table)
        }
        let height = Double(stages.count) * Self.rowHeight + 12
        let texts = stages.indices.map { "\(stages[$0].count) · \(shareFormat.text(ofFirst[$0]))" }
        let textRoom = (texts.map(TextMeasure.width).max() ?? 0) + 16
        let barRoom = max(width - 16 - textRoom, 40)
        let largest = stages.map(\.count).max() ?? 0
        var nodes: [SVGNode] = []
        for (i, stage) in stages.enumerated() {
            let top = 8 + Double(i) * Self.rowHeight
            let barWidth = largest > 0 ? barRoom * Double(max(stage.count, 0)) / Double(largest) : 0
            nodes.append(.text(SVGText(TextMeasure.truncated(stage.label, maxWidth: width - 16), at: SVGPoint(8, top + 12), presentation: SVGPresentation(className: "th-strong"))))
            nodes += SeriesStyle(index: 0).bar(x: 8, y: top + 18, width: barWidth, height: 18, prefix: info.id, tooltip: "\(stage.label): \(texts[i])")
            nodes.append(.text(SVGText(texts[i], at: SVGPoint(8 + barWidth + 6, top + 27), dy: 0.35)))
        }
        let last = stages[stages.count - 1]
        let generated = "Funnel of \(stages.count) stages from \(stages[0].label) (\(stages[0].count)) to \(last.label) (\(last.count), \(shareFormat.text(ofFirst[stages.count - 1])) of the first stage)."
        let document = SVGDocument(
            width: width, height: height, idPrefix: info.id, title: info.title, description: info.description(generated),
            children: [.group(SVGGroup(presentation: SVGPresentation(className: "th-funnel"), children: nodes))]
        )
        return Chart(svg: document.render(), table: table)
    }
}
