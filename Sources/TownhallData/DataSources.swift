import TownhallDiagnostics

/// The tables of one load, kept while validating so that a record's `origin` can be
/// turned into the exact place of any of its fields.
struct DataSources: Sendable {
    var tables: [DataTable] = []

    /// Where `field` of the record was written; the record's start when the field is absent.
    func location(_ origin: RecordOrigin, _ field: String) -> SourceLocation {
        let table = tables[Int(origin.source)]
        let row = Int(origin.row)
        guard let column = table.column(named: field) else { return table.location(row: row) }
        let cell = table.cell(row, column)
        return cell.kind == .absent ? table.location(row: row) : table.location(cell)
    }

    /// Where the `item`-th value of a list field was written.
    func location(_ origin: RecordOrigin, _ field: String, item: Int) -> SourceLocation {
        let table = tables[Int(origin.source)]
        guard let column = table.column(named: field) else { return table.location(row: Int(origin.row)) }
        let values = table.listValues(table.cell(Int(origin.row), column))
        guard values.indices.contains(item) else { return location(origin, field) }
        return table.location(values[item].position)
    }
}
