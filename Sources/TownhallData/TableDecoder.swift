import TownhallContent
import TownhallDiagnostics

/// Reads the rows of one table as records of one kind. The columns are checked once
/// (unknown ones are warnings, missing required ones an error); then each typed read
/// reports a bad value at the cell where it was written.
struct TableDecoder {
    let table: DataTable
    let kind: DataKind
    var diagnostics: [Diagnostic] = []
    /// Table column of each field of the kind, by field name.
    private var columns: [String: Int] = [:]
    /// Required fields with no column: reported once, not on every row.
    private var missingColumns: Set<String> = []

    /// How to treat keys the kind does not know.
    enum UnknownKeys {
        /// Warn about each (data files).
        case warn
        /// Keep quiet about these (a page's own front-matter keys), and about others
        /// unless they look like a misspelt field (front matter may carry template params).
        case allow(Set<String>)
    }

    init(table: DataTable, kind: DataKind, unknownKeys: UnknownKeys = .warn) {
        self.table = table
        self.kind = kind
        let fields = kind.fields
        let names = fields.map(\.name)
        for (index, name) in table.columns.enumerated() {
            if names.contains(name) {
                columns[name] = index
                continue
            }
            let guess = Suggestion.closest(to: name, in: names)
            let word = table.format.fieldWord
            switch unknownKeys {
            case .warn:
                var message = "unknown \(word) \"\(name)\" in \(kind.rawValue) is ignored"
                message += guess.map { "; did you mean \"\($0)\"?" } ?? "; known \(word)s are \(names.joined(separator: ", "))"
                diagnostics.append(.warning(message, at: table.location(column: index)))
            case .allow(let allowed):
                if !allowed.contains(name), let guess {
                    diagnostics.append(.warning(
                        "unknown \(word) \"\(name)\" in an event page; did you mean \"\(guess)\"?",
                        at: table.location(column: index)))
                }
            }
        }
        let required = fields.filter(\.required).map(\.name)
        let missing = required.filter { columns[$0] == nil }
        // An event page is one record: what it lacks is reported as a missing value.
        if case .allow = unknownKeys {
        } else if !missing.isEmpty, table.rowCount > 0 || table.format == .csv {
            missingColumns = Set(missing)
            let at = table.format == .csv ? SourceLocation(file: table.file, line: 1, column: 1) : table.location(row: 0)
            let word = table.format.fieldWord
            diagnostics.append(.error(
                "missing required \(word)\(missing.count == 1 ? "" : "s") \(missing.map { "\"\($0)\"" }.joined(separator: ", "))",
                at: at,
                notes: ["\(kind.plural) need \(required.joined(separator: ", ")); see \"Community data\" in the README"]))
        }
        if table.format == .csv, !table.columns.isEmpty, columns.isEmpty {
            diagnostics.append(.error(
                "the first row must be a header naming the columns; none of its names is a \(kind.rawValue) column",
                at: SourceLocation(file: table.file, line: 1, column: 1),
                notes: ["\(kind.rawValue) columns are \(names.joined(separator: ", "))"]))
        }
    }

    var rowCount: Int { table.rowCount }

    func column(_ field: String) -> Int? { columns[field] }

    /// The cell of a field, or nil when the table has no such column or the cell is empty.
    @inline(__always)
    func cell(_ row: Int, _ column: Int?) -> DataCell? {
        guard let column else { return nil }
        let cell = table.cell(row, column)
        return cell.isEmpty ? nil : cell
    }

    /// The cell of a required field; a missing value is reported (once per missing column).
    mutating func required(_ row: Int, _ column: Int?, _ field: String) -> DataCell? {
        if let cell = cell(row, column) { return cell }
        if !missingColumns.contains(field) {
            let at = column.map { table.location(table.cell(row, $0)) } ?? table.location(row: row)
            diagnostics.append(.error("missing value for \"\(field)\"", at: at))
        }
        return nil
    }

    func text(_ cell: DataCell) -> String { table.text(cell) }

    func location(_ cell: DataCell) -> SourceLocation { table.location(cell) }

    // MARK: - Typed reads

    mutating func id(_ cell: DataCell, _ field: String) -> String? {
        let value = text(cell)
        let ok = value.utf8.allSatisfy { b in
            (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 45 || b == 95 || b == 46
        }
        guard ok, value != ".", value != ".." else {
            diagnostics.append(.error(
                "invalid \(field) \"\(value)\"; ids may contain only letters, digits, -, _ and . (they become URLs)",
                at: location(cell)))
            return nil
        }
        return value
    }

    mutating func date(_ cell: DataCell, _ field: String) -> CalendarDate? {
        let date = table.withBytes(cell) { $0.count == 10 ? CalendarDate(isoUTF8: $0) : nil }
        if date == nil {
            diagnostics.append(.error("expected a date like 2026-09-14 for \"\(field)\", found \"\(text(cell))\"", at: location(cell)))
        }
        return date
    }

    mutating func eventTime(_ cell: DataCell, _ field: String) -> EventTime? {
        guard let time = EventTime(text: text(cell)) else {
            diagnostics.append(.error(
                "expected a date like 2026-12-05 or a date and time like 2026-12-05 14:00 for \"\(field)\", found \"\(text(cell))\"",
                at: location(cell)))
            return nil
        }
        return time
    }

    mutating func whole(_ cell: DataCell, _ field: String) -> Int? {
        let value = table.withBytes(cell) { b -> Int? in
            guard !b.isEmpty, b.count <= 12 else { return nil }
            var n = 0
            for c in b {
                guard c >= 48, c <= 57 else { return nil }
                n = n * 10 + Int(c - 48)
            }
            return n
        }
        if value == nil {
            diagnostics.append(.error("expected a whole number (0 or more) for \"\(field)\", found \"\(text(cell))\"", at: location(cell)))
        }
        return value
    }

    mutating func yesNo(_ cell: DataCell, _ field: String) -> Bool? {
        let value = table.withBytes(cell) { b -> Bool? in
            // Lowercase ASCII letters for the comparison only.
            var word: UInt64 = 0
            guard b.count <= 5 else { return nil }
            for c in b { word = word << 8 | UInt64(c >= 65 && c <= 90 ? c + 32 : c) }
            switch word {
            case 0x796573, 0x74727565, 0x79: return true        // yes, true, y
            case 0x6E6F, 0x66616C7365, 0x6E: return false        // no, false, n
            default: return nil
            }
        }
        if value == nil {
            diagnostics.append(.error("expected yes or no for \"\(field)\", found \"\(text(cell))\"", at: location(cell)))
        }
        return value
    }

    mutating func rating(_ cell: DataCell, _ field: String) -> UInt8? {
        let value = table.withBytes(cell) { b -> UInt8? in
            b.count == 1 && b[0] >= 49 && b[0] <= 53 ? b[0] - 48 : nil
        }
        if value == nil {
            diagnostics.append(.error("expected a whole number from 1 to 5 for \"\(field)\", found \"\(text(cell))\"", at: location(cell)))
        }
        return value
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ cell: DataCell, _ field: String, as type: E.Type) -> E? where E.RawValue == String {
        let value = text(cell)
        if let e = E(rawValue: value) { return e }
        let allowed = E.allCases.map(\.rawValue)
        var message = "unknown \(field) \"\(value)\""
        if let guess = Suggestion.closest(to: value, in: allowed) {
            message += "; did you mean \"\(guess)\"?"
        } else {
            message += "; expected one of \(allowed.joined(separator: ", "))"
        }
        diagnostics.append(.error(message, at: location(cell)))
        return nil
    }

    /// The ids of a list field (`;`-separated in CSV).
    func list(_ cell: DataCell?) -> [String] {
        guard let cell else { return [] }
        return table.listValues(cell).map(\.text)
    }
}
