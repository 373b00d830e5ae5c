/// Everything loaded from the content folder, ready to validate and render.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    /// In a deterministic order: home first, then by source path.
    public var pages: [Page]
    public var sections: [String: Section]
    public var staticFiles: [StaticFile]
    public var pageBySource: [String: Int]
    public var pageByURL: [String: Int]

    public var home: Page { pages[sections[""]!.page] }

    /// Every page in reading order: the home page, then each section depth-first.
    public var readingOrder: [Int] {
        var order: [Int] = []
        func visit(_ path: String) {
            guard let section = sections[path] else { return }
            order.append(section.page)
            for sub in section.subsections { visit(sub) }
            order.append(contentsOf: section.pages)
        }
        visit("")
        return order
    }

    /// Tags with the pages that carry them, tags sorted by slug.
    public var tags: [(name: String, slug: String, pages: [Int])] {
        var byslug: [String: (name: String, pages: [Int])] = [:]
        var tagged: Set<Int> = []
        for i in pages.indices {
            for tag in pages[i].frontMatter.tags {
                let slug = Slug.make(tag)
                guard !slug.isEmpty else { continue }
                byslug[slug, default: (tag, [])].pages.append(i)
                tagged.insert(i)
            }
        }
        // The tagged pages are sorted once, and each tag's pages then by their place in that
        // order (sorting each tag's pages by title and path repeated the string comparisons
        // for every tag a page carries: a serial fortieth of a second at 10,000 pages).
        let keys = tagged.map { (index: $0, key: SortKey.key(pages[$0])) }
            .sorted { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        var rank = [Int](repeating: 0, count: pages.count)
        for (place, entry) in keys.enumerated() { rank[entry.index] = place }
        return byslug.keys.sorted().map { slug in
            let entry = byslug[slug]!
            let ordered = entry.pages.sorted { rank[$0] < rank[$1] }
            return (entry.name, slug, ordered)
        }
    }
}
