import TownhallContent
import TownhallData

/// `stats.json`: every figure and table of a catalog in the versioned schema
/// `townhall-stats/1` (documented in the README). Keys are sorted at every level, numbers
/// are written by `FigureValue` (integers; fractions with four decimals), and the output
/// ends with a newline, so the same data always gives the same bytes.
public enum StatsJSON {
    public static let schema = "townhall-stats/1"

    /// `csvBase` is the folder the CSV files are linked from (`""` for the same folder).
    public static func render(_ catalog: FigureCatalog, site: String, csvBase: String = "") -> String {
        let k = catalog.disclosure.k
        let stats = catalog.stats
        var figures: [(String, String)] = []
        for f in catalog.figures {
            var fields: [(String, String)] = [
                ("definition", JSONText.string(f.definition)),
                ("sources", array(f.sources.map { JSONText.string($0.rawValue) })),
                ("title", JSONText.string(f.title)),
                ("value", f.value.json(k: k)),
            ]
            if let standard = f.standard { fields.append(("standard", JSONText.string(standard))) }
            figures.append((f.name, object(fields, indent: 2)))
        }
        var tables: [(String, String)] = []
        for t in catalog.allTables {
            let rows = t.rows.map { row in "[" + row.map { $0.json(k: k) }.joined(separator: ", ") + "]" }
            let fields: [(String, String)] = [
                ("columns", array(t.columns.map(JSONText.string))),
                ("csv", JSONText.string(csvBase + t.csvFileName)),
                ("definition", JSONText.string(t.definition)),
                ("rows", rows.isEmpty ? "[]" : "[\n" + rows.map { "      " + $0 }.joined(separator: ",\n") + "\n    ]"),
                ("sources", array(t.sources.map { JSONText.string($0.rawValue) })),
                ("title", JSONText.string(t.title)),
            ]
            tables.append((t.name, object(fields, indent: 2)))
        }
        let top: [(String, String)] = [
            ("charts", array(catalog.charts.map { JSONText.string($0.name) })),
            ("figures", object(figures, indent: 1)),
            ("period", object([
                ("as_of", JSONText.string(stats.asOf.description)),
                ("from", JSONText.string(stats.period.from.description)),
                ("label", JSONText.string(stats.period.label)),
                ("text", JSONText.string(stats.period.text)),
                ("to", JSONText.string(stats.period.to.description)),
            ], indent: 1)),
            ("privacy", object([
                ("min_group_size", String(k)),
                ("names_published", catalog.disclosure.publishesNames ? "true" : "false"),
                ("withheld", JSONText.string("fewer than \(k)")),
            ], indent: 1)),
            ("schema", JSONText.string(schema)),
            ("settings", object([
                ("active_days", String(stats.settings.activeDays)),
                ("conversion_days", String(stats.settings.conversionDays)),
                ("dormant_days", String(stats.settings.dormantDays)),
            ], indent: 1)),
            ("site", JSONText.string(site)),
            ("tables", object(tables, indent: 1)),
        ]
        return object(top, indent: 0) + "\n"
    }

    /// An object with its keys sorted; values are JSON already.
    static func object(_ fields: [(String, String)], indent: Int) -> String {
        guard !fields.isEmpty else { return "{}" }
        let pad = String(repeating: "  ", count: indent + 1)
        let sorted = fields.sorted { $0.0 < $1.0 }
        return "{\n" + sorted.map { pad + JSONText.string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n" + String(repeating: "  ", count: indent) + "}"
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}
