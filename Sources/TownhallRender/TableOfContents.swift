import TownhallMarkdown

/// A two-level table of contents (`##` with their `###`) from a page's headings.
enum TableOfContents {
    static func build(_ headings: [Heading]) -> [[String: Any]] {
        var items: [[String: Any]] = []
        var children: [[String: Any]] = []
        func entry(_ h: Heading) -> [String: Any] {
            ["id": h.id, "text": h.text, "number": h.number.map { "§" + $0 } ?? TemplateValue.absent, "hasChildren": false]
        }
        func flush() {
            guard !items.isEmpty, !children.isEmpty else { return }
            items[items.count - 1]["children"] = children
            items[items.count - 1]["hasChildren"] = true
            children = []
        }
        for h in headings {
            if h.level == 2 {
                flush()
                items.append(entry(h))
            } else if h.level == 3 {
                if items.isEmpty { items.append(entry(h)) } else { children.append(entry(h)) }
            }
        }
        flush()
        return items
    }
}
