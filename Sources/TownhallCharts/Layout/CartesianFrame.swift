/// The frame shared by line and bar charts: margins, the value scale with its gridlines
/// and tick labels on the left, and category labels along the bottom, one band per
/// category.
struct CartesianFrame {
    /// Category labels longer than this are cut with "…" (the table has them in full).
    static let maxCategoryLabelWidth = 110.0

    let width: Double
    let height: Double
    let scale: NiceScale
    let format: ValueFormat
    let categoryCount: Int
    let left: Double
    let right: Double
    let top: Double
    let bottom: Double

    /// - Parameters:
    ///   - rightMargin: room to the right of the plot (a line chart's series labels).
    ///   - topMargin: room above the plot (value title, series key).
    init(width: Double, height: Double, scale: NiceScale, format: ValueFormat, categoryCount: Int, rightMargin: Double, topMargin: Double) {
        self.width = width
        self.height = height
        self.scale = scale
        self.format = format
        self.categoryCount = max(categoryCount, 1)
        let widestTick = scale.ticks.map { TextMeasure.width(format.tickText($0, step: scale.step)) }.max() ?? 0
        // Tick widths are estimates; a fifth more room keeps real fonts inside the viewBox
        // (the print check found labels 2 px outside it).
        left = max(widestTick * 1.2 + 10, 24)
        right = max(width - rightMargin, left + 1)
        top = topMargin
        bottom = max(height - 24, top + 1)
    }

    /// The width of one category's band.
    var band: Double { (right - left) / Double(categoryCount) }

    /// The centre of category `index`'s band.
    func center(_ index: Int) -> Double { left + (Double(index) + 0.5) * band }

    /// The vertical position of `value`.
    func y(_ value: Double) -> Double { bottom - scale.fraction(value) * (bottom - top) }

    /// The height the value title takes in the top left corner.
    static func valueTitleHeight(_ text: String) -> Double { text.isEmpty ? 0 : 20 }

    /// Gridlines at every tick with their labels, and the zero line drawn stronger.
    func valueAxis() -> SVGNode {
        var nodes: [SVGNode] = []
        for tick in scale.ticks {
            let y = y(tick)
            let presentation = tick == 0
                ? SVGPresentation(className: "th-axis", stroke: "#666")
                : SVGPresentation(className: "th-grid", stroke: "#DDD")
            nodes.append(.line(SVGLine(from: SVGPoint(left, y), to: SVGPoint(right, y), presentation: presentation)))
            nodes.append(.text(SVGText(format.tickText(tick, step: scale.step), at: SVGPoint(left - 6, y), anchor: .end, dy: 0.35)))
        }
        return .group(SVGGroup(presentation: SVGPresentation(className: "th-value-axis"), ariaHidden: true, children: nodes))
    }

    /// The category labels that fit, under the plot. Labels are cut to their band's width
    /// when the cut labels still tell the categories apart (names of roles, events);
    /// otherwise (months would all become "2026-…") every k-th label is shown in full.
    func categoryAxis(_ labels: [String]) -> SVGNode {
        let shown = Array(labels.prefix(categoryCount))
        let bandWidth = max(band - AxisLabels.gap, 40)
        let cut = shown.map { TextMeasure.truncated($0, maxWidth: bandWidth) }
        let maxWidth = Set(cut).count == Set(shown).count ? min(bandWidth, Self.maxCategoryLabelWidth) : Self.maxCategoryLabelWidth
        let placed = AxisLabels.place(shown, at: shown.indices.map(center), maxLabelWidth: maxWidth, within: 0...width)
        let nodes = placed.map { SVGNode.text(SVGText($0.text, at: SVGPoint($0.center, bottom + 16), anchor: .middle)) }
        return .group(SVGGroup(presentation: SVGPresentation(className: "th-category-axis"), ariaHidden: true, children: nodes))
    }

    /// The value axis' title (its unit), in the top left corner; nil when there is none.
    static func valueTitle(_ text: String, width: Double) -> SVGNode? {
        guard !text.isEmpty else { return nil }
        let cut = TextMeasure.truncated(text, maxWidth: width - 8)
        return .text(SVGText(cut, at: SVGPoint(4, 14), presentation: SVGPresentation(className: "th-strong")))
    }
}
