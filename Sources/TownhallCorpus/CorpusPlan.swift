/// The corpus's structure: a home page, `sections` top-level folders, each split into chapter
/// folders of about `chapterSize` pages; every folder has an `_index.md`.
package struct CorpusPlan: Sendable {
    package struct Folder: Sendable, Equatable {
        package var path: String
        /// The folder's `_index.md`.
        package var index: Int
        /// Ordinary pages (chapters) or chapter folders (sections), in order.
        package var children: [Int]
    }

    package var options: CorpusOptions
    package var pages: [PlannedPage]
    package var sections: [Folder]
    package var chapters: [Folder]

    package var ordinaryPageCount: Int { pages.lazy.filter { $0.kind == .page }.count }

    package init(_ options: CorpusOptions) {
        precondition(options.pages >= 1 && options.sections >= 1 && options.chapterSize >= 1)
        self.options = options
        var rng = SplitMix64(seed: options.seed)
        var pages: [PlannedPage] = []
        var sections: [Folder] = []
        var chapters: [Folder] = []

        pages.append(Self.indexPage(.home, path: "_index.md", title: "Community handbook", weight: 0, rng: &rng, section: -1, chapter: -1))
        let sectionCount = min(options.sections, options.pages)
        for s in 0..<sectionCount {
            let name = Self.numbered(Vocabulary.sections, s)
            let inSection = options.pages / sectionCount + (s < options.pages % sectionCount ? 1 : 0)
            let chapterCount = max(1, (inSection + options.chapterSize - 1) / options.chapterSize)
            var section = Folder(path: name, index: pages.count, children: [])
            pages.append(Self.indexPage(.section, path: name + "/_index.md", title: Self.titleCase(name), weight: s + 1, rng: &rng, section: s, chapter: -1))
            let topics = rng.sample(Vocabulary.chapterTopics, min(chapterCount, Vocabulary.chapterTopics.count))
            for c in 0..<chapterCount {
                let topic = c < topics.count ? topics[c] : Self.numbered(Vocabulary.chapterTopics, c)
                let folder = name + "/" + topic
                var chapter = Folder(path: folder, index: pages.count, children: [])
                pages.append(Self.indexPage(.chapter, path: folder + "/_index.md", title: Self.titleCase(topic), weight: c + 1, rng: &rng, section: s, chapter: chapters.count))
                let count = inSection / chapterCount + (c < inSection % chapterCount ? 1 : 0)
                var used: Set<String> = []
                for p in 0..<count {
                    var title = ""
                    var slug = ""
                    for attempt in 0..<20 {
                        title = "\(rng.pick(Vocabulary.titleVerbs)) \(rng.pick(Vocabulary.titleAdjectives)) \(rng.pick(Vocabulary.titleNouns))"
                        slug = Self.slug(title) + (attempt < 19 ? "" : "-\(p + 1)")
                        if !used.contains(slug) { break }
                    }
                    used.insert(slug)
                    chapter.children.append(pages.count)
                    pages.append(Self.ordinaryPage(path: folder + "/" + slug + ".md", title: title, weight: p + 1, rng: &rng, section: s, chapter: chapters.count))
                }
                section.children.append(chapters.count)
                chapters.append(chapter)
            }
            sections.append(section)
        }
        self.pages = pages
        self.sections = sections
        self.chapters = chapters
    }

    private static func ordinaryPage(path: String, title: String, weight: Int, rng: inout SplitMix64, section: Int, chapter: Int) -> PlannedPage {
        let words = rng.int(400...800)
        // About one heading per 90 words: three to six `##`, some with `###` under them.
        let maxHeadings = max(3, words / 90)
        var headings: [PlannedPage.Heading] = []
        var subheadings = rng.sample(Vocabulary.subheadings, 6)
        for text in rng.sample(Vocabulary.headings, rng.int(3...min(6, maxHeadings))) {
            headings.append(.init(level: 2, text: text, id: slug(text)))
            if headings.count < maxHeadings - 1, rng.chance(40), let sub = subheadings.popLast() {
                headings.append(.init(level: 3, text: sub, id: slug(sub)))
                if rng.chance(30), let second = subheadings.popLast() {
                    headings.append(.init(level: 3, text: second, id: slug(second)))
                }
            }
        }
        let date = rng.below(2_500)
        return PlannedPage(
            kind: .page, path: path, title: title,
            description: rng.chance(50) ? sentence(&rng, words: 10...18) : nil,
            weight: weight, date: date, updated: rng.chance(30) ? min(date + rng.int(1...400), 2_850) : nil,
            tags: rng.sample(Vocabulary.tags, rng.int(1...3)).sorted(),
            headings: headings, words: words, section: section, chapter: chapter)
    }

    private static func indexPage(_ kind: PlannedPage.Kind, path: String, title: String, weight: Int, rng: inout SplitMix64, section: Int, chapter: Int) -> PlannedPage {
        let headings = rng.sample(Vocabulary.indexHeadings, rng.int(1...2)).map { PlannedPage.Heading(level: 2, text: $0, id: slug($0)) }
        return PlannedPage(
            kind: kind, path: path, title: title, description: sentence(&rng, words: 10...16),
            weight: weight, date: rng.below(2_500), updated: nil, tags: [],
            headings: headings, words: rng.int(150...300), section: section, chapter: chapter)
    }

    /// A sentence for a description: no quotes or colons, so it is safe in YAML.
    static func sentence(_ rng: inout SplitMix64, words: ClosedRange<Int>) -> String {
        var parts = ["How", rng.pick(Vocabulary.subjects).lowercased(), rng.pick(Vocabulary.verbs), rng.pick(Vocabulary.objects), rng.pick(Vocabulary.modifiers)]
        while parts.joined(separator: " ").split(separator: " ").count < words.lowerBound {
            parts.append(rng.pick(Vocabulary.reasons))
        }
        return parts.joined(separator: " ") + "."
    }

    /// `items[i]`, or a numbered variant once the list runs out (`events-2`).
    static func numbered(_ items: [String], _ i: Int) -> String {
        i < items.count ? items[i] : "\(items[i % items.count])-\(i / items.count + 1)"
    }

    static func titleCase(_ name: String) -> String {
        let words = name.split(separator: "-").map(String.init)
        guard let first = words.first else { return name }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
    }

    /// GitHub's heading id rule, for the plain ASCII the vocabulary uses.
    static func slug(_ text: String) -> String {
        String(text.lowercased().compactMap { c -> Character? in
            if c == " " { return "-" }
            return c.isLetter || c.isNumber || c == "-" || c == "_" ? c : nil
        })
    }
}
