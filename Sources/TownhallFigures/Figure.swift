import TownhallCharts
import TownhallData

/// One named figure: a single value with its title and how it is computed.
public struct Figure: Sendable, Hashable {
    /// `members.total`: how reports and stats.json name it.
    public var name: String
    public var title: String
    public var value: FigureValue
    /// How it is computed, in a sentence or two.
    public var definition: String
    /// The recognised definition it follows, when there is one: `CHAOSS New Contributors`.
    public var standard: String?
    /// The data it is counted from.
    public var sources: [DataKind]

    public init(_ name: String, _ title: String, _ value: FigureValue, _ definition: String, standard: String? = nil, sources: [DataKind]) {
        self.name = name
        self.title = title
        self.value = value
        self.definition = definition
        self.standard = standard
        self.sources = sources
    }
}

/// One named table: typed cells, written to pages, CSV and JSON from the same values.
/// The first column holds each row's header.
public struct FigureTable: Sendable, Hashable {
    public var name: String
    public var title: String
    public var definition: String
    public var columns: [String]
    public var rows: [[FigureValue]]
    public var sources: [DataKind]

    public init(_ name: String, _ title: String, definition: String, columns: [String], rows: [[FigureValue]], sources: [DataKind]) {
        self.name = name
        self.title = title
        self.definition = definition
        self.columns = columns
        self.rows = rows
        self.sources = sources
    }

    /// The file a site publishes it as: `members.monthly.csv`.
    public var csvFileName: String { name + ".csv" }

    /// RFC 4180 CSV (CRLF line ends, fields quoted when needed), header row first.
    public func csv(k: Int) -> String {
        DataTable(caption: title, columns: columns, rows: rows.map { $0.map { $0.csvText(k: k) } }).csv()
    }

    /// An accessible HTML table: caption, `th scope="col"` headers, `th scope="row"` row headers.
    /// Written as bytes: appended as interpolated `String`s, the tables of the statistics
    /// pages (tens of thousands of rows) took a fifth of a second.
    public func html(k: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256 + rows.count * (16 + 24 * columns.count))
        func put(_ text: String) {
            var text = text
            text.withUTF8 { out.append(contentsOf: $0) }
        }
        put("<table class=\"stats-table\">\n<caption>")
        put(HTML.escape(title))
        put("</caption>\n<thead>\n<tr>")
        for column in columns {
            put("<th scope=\"col\">")
            put(HTML.escape(column))
            put("</th>")
        }
        put("</tr>\n</thead>\n<tbody>\n")
        if rows.isEmpty {
            put("<tr><td colspan=\"\(max(columns.count, 1))\">\(DataTable.emptyMessage)</td></tr>\n")
        }
        for row in rows {
            put("<tr>")
            for (i, cell) in row.enumerated() {
                put(i == 0 ? "<th scope=\"row\">" : cell.number != nil ? "<td class=\"num\">" : "<td>")
                put(HTML.escape(cell.pageText(k: k)))
                put(i == 0 ? "</th>" : "</td>")
            }
            put("</tr>\n")
        }
        put("</tbody>\n</table>\n")
        return String(decoding: out, as: UTF8.self)
    }
}

/// A chart kind from TownhallCharts with its input, rendered on demand with the id the
/// page gives it (ids must be unique on a page).
public enum ChartSpec: Sendable, Equatable {
    case line(LineChart)
    case bar(BarChart)
    case stacked(StackedBarChart)
    case heatmap(Heatmap)
    case tree(TreeChart)
    case funnel(FunnelChart)

    public func render(id: String) -> Chart {
        switch self {
        case .line(var c): c.info.id = id; return c.render()
        case .bar(var c): c.info.id = id; return c.render()
        case .stacked(var c): c.info.id = id; return c.render()
        case .heatmap(var c): c.info.id = id; return c.render()
        case .tree(var c): c.info.id = id; return c.render()
        case .funnel(var c): c.info.id = id; return c.render()
        }
    }
}

/// One named chart and the table of exactly the data it draws.
public struct FigureChart: Sendable, Equatable {
    public var name: String
    public var title: String
    public var definition: String
    public var spec: ChartSpec
    /// The chart's data; it has the chart's name.
    public var table: FigureTable
    /// What the chart leaves out that the table shows (withheld values, pruned nodes).
    public var note: String?

    public var sources: [DataKind] { table.sources }

    /// The SVG, with ids prefixed by `id`.
    public func svg(id: String) -> String { spec.render(id: id).svg }

    /// `members.growth` → `members-growth`: an id prefix.
    public var defaultID: String { name.replacing(".", with: "-") }
}
