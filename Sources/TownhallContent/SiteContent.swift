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
        // Sort keys made once (`Page.precedes` would lowercase titles and copy whole pages on
        // every comparison of thousands of tagged pages); only for pages that carry a tag.
        var order = [SortKey?](repeating: nil, count: pages.count)
        for i in tagged { order[i] = SortKey.key(pages[i]) }
        return byslug.keys.sorted().map { slug in
            let entry = byslug[slug]!
            let ordered = entry.pages.sorted { order[$0]! < order[$1]! }
            return (entry.name, slug, ordered)
        }
    }
}
