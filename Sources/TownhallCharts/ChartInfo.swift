/// What every chart needs besides its data: a unique id prefix for its SVG ids, a title
/// (the SVG's accessible name and the table's caption) and a summary sentence.
public struct ChartInfo: Sendable, Equatable {
    /// Unique on the page; sanitised to ASCII letters, digits, `-` and `_`.
    public var id: String
    public var title: String
    /// What the chart shows in words ("Members who joined and left each month of 2026").
    /// The chart's `<desc>` is this followed by a generated description of its shape.
    public var summary: String

    public init(id: String, title: String, summary: String = "") {
        self.id = id
        self.title = title
        self.summary = summary
    }

    /// The summary and the generated sentence, joined.
    func description(_ generated: String) -> String {
        [summary, generated].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
