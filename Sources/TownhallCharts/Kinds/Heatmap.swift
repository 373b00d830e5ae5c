/// A grid of values coloured on a sequential ramp: built for the retention cohort triangle
/// (rows are cohort months, columns months since joining, values the share still there).
///
/// A nil value ("not yet": the cohort is too young) leaves its cell blank; a value that is
/// not a number (0/0) gets an outlined cell marked "—". Each cell is labelled with its value
/// when the label fits, in black or white, whichever contrasts more with the cell's colour.
/// Colours are data here, so they stay the same in dark mode and print.
public struct Heatmap: Sendable, Equatable {
    public var info: ChartInfo
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// `values[row][column]`; rows may be shorter than the columns (the triangle).
    public var values: [[Double?]]
    /// How cells, the table and the colour key write values. The ramp spans 0…1.
    public var format: ValueFormat
    /// The header of the table's row column ("Cohort").
    public var rowTitle: String
    /// What the columns count, written above them ("Months since joining").
    public var columnTitle: String
    /// The preferred width; a grid with many columns grows wider to keep cells readable.
    public var width: Double

    static let cellHeight = 24.0
    static let minimumCellWidth = 30.0

    public init(
        info: ChartInfo, rowLabels: [String], columnLabels: [String], values: [[Double?]],
        format: ValueFormat = .percent(0), rowTitle: String = "Cohort", columnTitle: String = "Months since joining",
        width: Double = 640
    ) {
        self.info = info
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.format = format
        self.rowTitle = rowTitle
        self.columnTitle = columnTitle
        self.width = width
    }

    /// The value of a cell, nil when missing or outside the grid (NaN is returned as is).
    public func value(row: Int, column: Int) -> Double? {
        guard values.indices.contains(row), values[row].indices.contains(column) else { return nil }
        return values[row][column]
    }

    public func render() -> Chart {
        let columnCount = columnLabels.count
        let table = DataTable(
            caption: info.title,
            columns: [rowTitle] + columnLabels,
            rows: columnCount == 0 ? [] : rowLabels.indices.map { r in
                [rowLabels[r]] + (0..<columnCount).map { c in value(row: r, column: c).map { format.text($0.isFinite ? $0 : nil) } ?? "" }
            }
        )
        let present = rowLabels.indices.flatMap { r in (0..<columnCount).compactMap { value(row: r, column: $0) } }
        guard !present.isEmpty else {
            return Chart(svg: EmptyChart.svg(info: info, width: width, height: 160), table: table)
        }
        let rowLabelWidth = rowLabels.map { TextMeasure.width(TextMeasure.truncated($0, maxWidth: 140)) }.max() ?? 0
        let left = rowLabelWidth + 12
        let top = 48.0
        let cellWidth = max(Self.minimumCellWidth, (width - left - 8) / Double(columnCount))
        let gridBottom = top + Double(rowLabels.count) * Self.cellHeight
        let totalWidth = max(width, left + Double(columnCount) * cellWidth + 8)
        let totalHeight = gridBottom + 52

        var children: [SVGNode] = [headers(left: left, top: top, cellWidth: cellWidth, totalWidth: totalWidth)]
        children.append(cells(left: left, top: top, cellWidth: cellWidth))
        children.append(colorKey(left: left, top: gridBottom + 14))
        let finite = present.filter(\.isFinite)
        let range = finite.isEmpty ? "" : "; values from \(format.text(finite.min())) to \(format.text(finite.max()))"
        let generated = "Heatmap of \(rowLabels.count) rows (\(rowTitle)) by \(columnCount) columns (\(columnTitle))\(range). Blank cells have no value yet."
        let document = SVGDocument(
            width: totalWidth, height: totalHeight, idPrefix: info.id, title: info.title,
            description: info.description(generated), children: children
        )
        return Chart(svg: document.render(), table: table)
    }

    private func headers(left: Double, top: Double, cellWidth: Double, totalWidth: Double) -> SVGNode {
        var nodes: [SVGNode] = [
            .text(SVGText(TextMeasure.truncated(columnTitle, maxWidth: totalWidth - left - 8), at: SVGPoint(left, 16), presentation: SVGPresentation(className: "th-strong"))),
        ]
        let placed = AxisLabels.place(
            columnLabels, at: columnLabels.indices.map { left + (Double($0) + 0.5) * cellWidth },
            maxLabelWidth: 80, within: left...totalWidth
        )
        nodes += placed.map { .text(SVGText($0.text, at: SVGPoint($0.center, top - 8), anchor: .middle)) }
        for (r, label) in rowLabels.enumerated() {
            let y = top + (Double(r) + 0.5) * Self.cellHeight
            nodes.append(.text(SVGText(TextMeasure.truncated(label, maxWidth: 140), at: SVGPoint(left - 8, y), anchor: .end, dy: 0.35)))
        }
        return .group(SVGGroup(presentation: SVGPresentation(className: "th-headers"), ariaHidden: true, children: nodes))
    }

    private func cells(left: Double, top: Double, cellWidth: Double) -> SVGNode {
        var nodes: [SVGNode] = []
        for (r, rowLabel) in rowLabels.enumerated() {
            for (c, columnLabel) in columnLabels.enumerated() {
                guard let value = value(row: r, column: c) else { continue }
                let (x, y) = (left + Double(c) * cellWidth, top + Double(r) * Self.cellHeight)
                let text = format.text(value.isFinite ? value : nil)
                let tooltip = "\(rowLabel), \(columnLabel): \(text)"
                let center = SVGPoint(x + cellWidth / 2, y + Self.cellHeight / 2)
                let fits = TextMeasure.width(text) <= cellWidth - 4
                guard value.isFinite else {
                    nodes.append(.rect(SVGRect(x: x + 1, y: y + 1, width: cellWidth - 2, height: Self.cellHeight - 2, presentation: SVGPresentation(className: "th-missing", fill: "none", stroke: "#999"), tooltip: tooltip)))
                    if fits { nodes.append(.text(SVGText(text, at: center, anchor: .middle, dy: 0.35))) }
                    continue
                }
                let color = ColorRamp.color(value)
                nodes.append(.rect(SVGRect(x: x, y: y, width: cellWidth - 1, height: Self.cellHeight - 1, presentation: SVGPresentation(fill: color.hex), tooltip: tooltip)))
                if fits {
                    nodes.append(.text(SVGText(text, at: center, anchor: .middle, dy: 0.35, presentation: Self.ink(on: color))))
                }
            }
        }
        return .group(SVGGroup(presentation: SVGPresentation(className: "th-cells"), children: nodes))
    }

    /// The ramp from 0 to 1 in ten steps, labelled at both ends and the middle.
    private func colorKey(left: Double, top: Double) -> SVGNode {
        let steps = 10
        let stepWidth = 16.0
        var nodes: [SVGNode] = (0..<steps).map { i in
            let color = ColorRamp.color((Double(i) + 0.5) / Double(steps))
            return .rect(SVGRect(x: left + Double(i) * stepWidth, y: top, width: stepWidth, height: 10, presentation: SVGPresentation(fill: color.hex)))
        }
        for value in [0.0, 0.5, 1.0] {
            nodes.append(.text(SVGText(format.text(value), at: SVGPoint(left + value * Double(steps) * stepWidth, top + 24), anchor: .middle)))
        }
        return .group(SVGGroup(presentation: SVGPresentation(className: "th-color-key"), ariaHidden: true, children: nodes))
    }

    /// Black or white text for a cell of `color`, by class (so the page's ink colour does
    /// not override it) and by attribute.
    static func ink(on color: RGBColor) -> SVGPresentation {
        let isDark = color.textColor.luminance < 0.5
        return SVGPresentation(className: isDark ? "th-ink-dark" : "th-ink-light", fill: color.textColor.hex)
    }
}
