/// What a chart with nothing to show draws: its frame of title and description, and a
/// plain sentence in the middle instead of empty axes.
enum EmptyChart {
    static func svg(info: ChartInfo, width: Double, height: Double) -> String {
        let text = SVGText(
            DataTable.emptyMessage, at: SVGPoint(width / 2, height / 2), anchor: .middle, dy: 0.35,
            presentation: SVGPresentation(className: "th-note")
        )
        return SVGDocument(
            width: width, height: height, idPrefix: info.id, title: info.title,
            description: info.description(DataTable.emptyMessage + "."), children: [.text(text)]
        ).render()
    }
}
