import CSV

/// CSV.swift, kept apart because SwiftCSV's `CSV` type hides this module's name.
public func yaslabParse(_ text: String) throws -> (rows: Int, bytes: Int) {
    let reader = try CSVReader(string: text, hasHeaderRow: true)
    var rows = 0, bytes = 0
    while let row = reader.next() { rows += 1; for f in row { bytes += f.utf8.count } }
    return (rows, bytes)
}
