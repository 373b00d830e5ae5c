import TownhallDiagnostics

/// Lays out the records of a YAML or JSON file (a list of mappings) as a `DataTable`, so
/// that every format is decoded by the same code. Keys become columns in order of first
/// use; a record without a key has an absent cell there.
enum RecordTableBuilder {
    static func table(from root: DataNode, file: String, format: DataFormat, diagnostics: inout [Diagnostic]) -> DataTable? {
        let records: [DataNode]
        switch root {
        case .list(let items, _): records = items
        case .null: records = []
        default:
            diagnostics.append(.error(
                "expected a list of records (each starting with `- id: …` in YAML, or `[{\"id\": …}]` in JSON), found \(root.summary)",
                at: location(file, root.position)))
            return nil
        }
        // First pass: the columns.
        var columns: [String] = []
        var positions: [DataPosition] = []
        var index: [String: Int] = [:]
        for record in records {
            guard case .map(let entries, _) = record else { continue }
            for entry in entries where index[entry.key] == nil {
                index[entry.key] = columns.count
                columns.append(entry.key)
                positions.append(entry.keyPosition)
            }
        }
        var table = DataTable(file: file, format: format, columns: columns, columnPositions: positions)
        table.cells.reserveCapacity(records.count * columns.count)
        var row = [DataCell](repeating: .absent(at: DataPosition(line: 0, column: 0)), count: columns.count)
        for record in records {
            guard case .map(let entries, let position) = record else {
                diagnostics.append(.error("expected a record (a mapping of keys to values), found \(record.summary)", at: location(file, record.position)))
                continue
            }
            for c in row.indices { row[c] = .absent(at: position) }
            var valid = true
            for entry in entries {
                guard let cell = cell(entry, table: &table, diagnostics: &diagnostics) else {
                    valid = false
                    continue
                }
                row[index[entry.key]!] = cell
            }
            guard valid else { continue }
            table.cells.append(contentsOf: row)
            table.rowPositions.append(position)
        }
        return table
    }

    private static func cell(_ entry: DataNode.Entry, table: inout DataTable, diagnostics: inout [Diagnostic]) -> DataCell? {
        switch entry.value {
        case .null(let p): return .absent(at: p)
        case .scalar(let text, let p): return table.textCell(text, at: p)
        case .list(let items, let p):
            var cells: [DataCell] = []
            for item in items {
                switch item {
                case .scalar(let text, let ip): cells.append(table.textCell(text, at: ip))
                case .null: continue
                default:
                    diagnostics.append(.error(
                        "expected text or a list of text for `\(entry.key)`, found \(item.summary) in the list",
                        at: location(table.file, item.position)))
                    return nil
                }
            }
            let start = UInt32(table.items.count)
            table.items.append(contentsOf: cells)
            return DataCell(kind: .list, quoted: false, start: start, count: UInt32(cells.count), position: p)
        case .map(_, let p):
            diagnostics.append(.error("expected text or a list of text for `\(entry.key)`, found a mapping", at: location(table.file, p)))
            return nil
        }
    }

    static func location(_ file: String, _ p: DataPosition) -> SourceLocation {
        SourceLocation(file: file, line: Int(p.line), column: Int(p.column))
    }
}
