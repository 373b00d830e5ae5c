extension DataTable {
    /// An accessible `<table>`: `<caption>`, `<th scope="col">` headers, and a
    /// `<th scope="row">` opening each row; every cell escaped. It sits in a labelled,
    /// focusable region so that a table wider than a phone scrolls sideways and keyboard
    /// users can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
    public func html() -> String {
        let (columns, rows) = normalised
        var out = "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"\(XMLEscape.text(caption))\">\n"
        out += "<table>\n<caption>\(XMLEscape.text(caption))</caption>\n<thead>\n<tr>"
        out += columns.map { "<th scope=\"col\">\(XMLEscape.text($0))</th>" }.joined()
        out += "</tr>\n</thead>\n<tbody>\n"
        if rows.isEmpty {
            out += "<tr><td colspan=\"\(max(columns.count, 1))\">\(Self.emptyMessage)</td></tr>\n"
        }
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                out += i == 0 ? "<th scope=\"row\">\(XMLEscape.text(cell))</th>" : "<td>\(XMLEscape.text(cell))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n"
    }
}
