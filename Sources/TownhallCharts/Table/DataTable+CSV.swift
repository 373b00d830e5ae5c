extension DataTable {
    /// The table as RFC 4180 CSV: a header row, CRLF after every record, and a field quoted
    /// (its quotes doubled) when it holds a comma, a quote or a line break. The caption is
    /// not part of CSV.
    public func csv() -> String {
        let (columns, rows) = normalised
        return ([columns] + rows).map { record in
            record.map(Self.csvField).joined(separator: ",") + "\r\n"
        }.joined()
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted += "\"" }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }
}
