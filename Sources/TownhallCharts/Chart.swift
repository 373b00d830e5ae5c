/// A rendered chart: the SVG to inline in a page, and the same data as a table for
/// screen readers, for readers who prefer numbers, and for CSV download.
public struct Chart: Sendable, Equatable {
    /// A complete `<svg>` element, ending with a newline.
    public var svg: String
    public var table: DataTable

    public init(svg: String, table: DataTable) {
        self.svg = svg
        self.table = table
    }
}
