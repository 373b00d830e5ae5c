import TownhallMarkdown
import TownhallTemplates

/// A two-level table of contents (`##` with their `###`) from a page's headings.
enum TableOfContents {
    static func build(_ headings: [Heading]) -> [TemplateData] {
        var items: [TemplateData] = []
        var children: [TemplateData] = []
        func entry(_ h: Heading) -> TemplateData {
            [
                "id": .string(h.id), "text": .string(h.text),
                "number": h.number.map { .string("§" + $0) } ?? .absent, "hasChildren": false,
            ]
        }
        func flush() {
            guard !items.isEmpty, !children.isEmpty else { return }
            items[items.count - 1]["children"] = .list(children)
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
