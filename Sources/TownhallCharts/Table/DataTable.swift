/// The data behind a chart as a plain table: what screen-reader users read instead of the
/// picture, and what organisers download as CSV. Every cell is already formatted text.
public struct DataTable: Sendable, Equatable {
    public var caption: String
    /// Column headers; the first heads the column of row headers.
    public var columns: [String]
    /// Rows of cells; the first cell of each row is its header.
    public var rows: [[String]]

    public init(caption: String, columns: [String], rows: [[String]]) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }

    /// What an empty table's body says in HTML (CSV has no place for it), and what an
    /// empty chart shows.
    public static let emptyMessage = "No data for this period"

    /// Columns and rows padded with empty cells to one width, so a ragged row still makes
    /// a rectangular table.
    var normalised: (columns: [String], rows: [[String]]) {
        let width = max(columns.count, rows.map(\.count).max() ?? 0)
        func padded(_ cells: [String]) -> [String] { cells + Array(repeating: "", count: width - cells.count) }
        return (padded(columns), rows.map(padded))
    }
}
