/// Writes the Markdown of one planned page: front matter, then prose, lists, code blocks,
/// quotes and relative `.md` links to other pages and their headings. Plain CommonMark and
/// YAML front matter only, so Hugo and the `cmark` command read the same files.
package struct PageComposer: Sendable {
    package let plan: CorpusPlan

    package init(plan: CorpusPlan) {
        self.plan = plan
    }

    package func markdown(for index: Int) -> String {
        var rng = SplitMix64(seed: plan.options.seed, stream: index)
        let page = plan.pages[index]
        var out = TextBuffer()
        out.text.reserveCapacity(page.words * 9)
        frontMatter(page, into: &out)
        var links = page.kind == .page ? plannedLinks(index, rng: &rng) : []
        switch page.kind {
        case .page: ordinaryBody(page, links: &links, rng: &rng, into: &out)
        case .home, .section, .chapter: indexBody(index, rng: &rng, into: &out)
        }
        return out.text
    }

    // MARK: - Front matter

    private func frontMatter(_ page: PlannedPage, into out: inout TextBuffer) {
        out.raw("---\ntitle: \(page.title)\n")
        if let description = page.description { out.raw("description: \"\(description)\"\n") }
        if page.kind != .home { out.raw("weight: \(page.weight)\n") }
        out.raw("date: \(Self.isoDate(page.date))\n")
        if let updated = page.updated { out.raw("updated: \(Self.isoDate(updated))\n") }
        if !page.tags.isEmpty { out.raw("tags: [\(page.tags.joined(separator: ", "))]\n") }
        out.raw("---\n\n")
    }

    // MARK: - Bodies

    private func ordinaryBody(_ page: PlannedPage, links: inout [Link], rng: inout SplitMix64, into out: inout TextBuffer) {
        paragraph(sentences: rng.int(2...3), links: &links, rng: &rng, into: &out)
        // Each heading gets its share of the words; a block is added only while the share
        // is not nearly used up, so pages end close to their planned length.
        // Targets are cumulative, so a long section leaves less for the next one.
        let start = out.words
        let budget = max(30, (page.words - start) / max(1, page.headings.count))
        for (k, heading) in page.headings.enumerated() {
            out.raw(String(repeating: "#", count: heading.level) + " " + heading.text + "\n\n")
            let target = start + budget * (k + 1) - 20
            paragraph(sentences: rng.int(1...3), links: &links, rng: &rng, into: &out)
            while out.words < target {
                switch rng.below(100) {
                case 0..<55: paragraph(sentences: rng.int(3...6), links: &links, rng: &rng, into: &out)
                case 55..<72: list(ordered: false, links: &links, rng: &rng, into: &out)
                case 72..<82: list(ordered: true, links: &links, rng: &rng, into: &out)
                case 82..<92: codeBlock(rng: &rng, into: &out)
                default: quote(rng: &rng, into: &out)
                }
            }
        }
        if !links.isEmpty {
            // Links that found no place in the prose close the page as a short list.
            out.prose("Related pages:")
            out.raw("\n\n")
            for link in links { out.raw("- "); out.prose(link.markdown); out.raw("\n") }
            out.raw("\n")
            links.removeAll()
        }
    }

    private func indexBody(_ index: Int, rng: inout SplitMix64, into out: inout TextBuffer) {
        let page = plan.pages[index]
        var none: [Link] = []
        paragraph(sentences: rng.int(3...5), links: &none, rng: &rng, into: &out)
        for heading in page.headings {
            out.raw("## \(heading.text)\n\n")
            paragraph(sentences: rng.int(3...6), links: &none, rng: &rng, into: &out)
        }
        let children: [Link]
        switch page.kind {
        case .home:
            children = plan.sections.map { link(from: "", to: $0.index, anchor: nil) }
        case .section:
            children = plan.sections[page.section].children.map { link(from: page.folder, to: plan.chapters[$0].index, anchor: nil) }
        default:
            children = plan.chapters[page.chapter].children.map { link(from: page.folder, to: $0, anchor: nil) }
        }
        out.prose("The pages in this part:")
        out.raw("\n\n")
        for child in children { out.raw("- "); out.prose(child.markdown); out.raw("\n") }
        out.raw("\n")
        while out.words < page.words {
            paragraph(sentences: rng.int(3...5), links: &none, rng: &rng, into: &out)
        }
    }

    // MARK: - Blocks

    private func paragraph(sentences: Int, links: inout [Link], rng: inout SplitMix64, into out: inout TextBuffer) {
        var parts: [String] = []
        for _ in 0..<sentences { parts.append(sentence(&rng)) }
        if !links.isEmpty, rng.chance(55) {
            parts.insert(linkSentence(links.removeFirst(), rng: &rng), at: rng.below(parts.count + 1))
        }
        out.prose(parts.joined(separator: " "))
        out.raw("\n\n")
    }

    private func list(ordered: Bool, links: inout [Link], rng: inout SplitMix64, into out: inout TextBuffer) {
        let count = rng.int(3...6)
        let linked = !links.isEmpty && rng.chance(40) ? rng.below(count) : -1
        for i in 0..<count {
            out.raw(ordered ? "\(i + 1). " : "- ")
            var item = Self.capitalised(rng.pick(Vocabulary.verbs).imperative())
                + " " + decoratedObject(&rng)
            if rng.chance(60) { item += " " + rng.pick(Vocabulary.modifiers) }
            if i == linked { item += ", as in " + links.removeFirst().markdown }
            out.prose(item + ".")
            out.raw("\n")
        }
        out.raw("\n")
    }

    private func codeBlock(rng: inout SplitMix64, into out: inout TextBuffer) {
        switch rng.below(3) {
        case 0:
            out.raw("```sh\n")
            for _ in 0..<rng.int(2...5) {
                out.raw("townhall \(rng.pick(["build", "check"])) --content Content --output Site --as-of \(Self.isoDate(rng.below(2_500)))\n")
            }
        case 1:
            out.raw("```yaml\nevent: \(rng.pick(Vocabulary.titleNouns))\ndate: \(Self.isoDate(rng.below(2_500)))\n")
            out.raw("hosts: [\(rng.sample(Vocabulary.people, 2).joined(separator: ", "))]\ncapacity: \(rng.int(8...80))\n")
            out.raw("needs: [\(rng.sample(Vocabulary.tags, 3).joined(separator: ", "))]\n")
        default:
            out.raw("```text\n")
            for i in 0..<rng.int(3...7) {
                out.raw("[\(i.isMultiple(of: 2) ? "x" : " ")] \(rng.pick(Vocabulary.objects))\n")
            }
        }
        out.raw("```\n\n")
    }

    private func quote(rng: inout SplitMix64, into out: inout TextBuffer) {
        out.raw("> ")
        out.prose(sentence(&rng) + " " + sentence(&rng))
        out.raw("\n>\n> ")
        out.prose("\u{2014} \(rng.pick(Vocabulary.people)), \(rng.pick(Vocabulary.roles))")
        out.raw("\n\n")
    }

    private func sentence(_ rng: inout SplitMix64) -> String {
        var s = rng.pick(Vocabulary.subjects)
        if rng.chance(20) { s = rng.pick(Vocabulary.openers) + " " + s.prefix(1).lowercased() + s.dropFirst() }
        s += " " + rng.pick(Vocabulary.verbs) + " " + decoratedObject(&rng)
        if rng.chance(70) { s += " " + rng.pick(Vocabulary.modifiers) }
        if rng.chance(8) { s += " in `\(rng.pick(Vocabulary.codeWords))`" }
        if rng.chance(25) { s += ", " + rng.pick(Vocabulary.reasons) }
        return s + "."
    }

    private func decoratedObject(_ rng: inout SplitMix64) -> String {
        let object = rng.pick(Vocabulary.objects)
        switch rng.below(100) {
        case 0..<7: return "*\(object)*"
        case 7..<11: return "**\(object)**"
        default: return object
        }
    }

    private func linkSentence(_ link: Link, rng: inout SplitMix64) -> String {
        switch rng.below(4) {
        case 0: return "See \(link.markdown) for the details."
        case 1: return "This follows the approach in \(link.markdown)."
        case 2: return "The same applies to \(link.markdown), with small differences."
        default: return "Read \(link.markdown) before changing anything here."
        }
    }

    // MARK: - Links

    struct Link {
        var text: String
        var url: String
        var markdown: String { "[\(text)](\(url))" }
    }

    /// 3–6 links to this page's chapter, section, other sections, folders and anchors, and
    /// sometimes one external link.
    private func plannedLinks(_ index: Int, rng: inout SplitMix64) -> [Link] {
        let page = plan.pages[index]
        let chapter = plan.chapters[page.chapter]
        let section = plan.sections[page.section]
        var links: [Link] = []
        for _ in 0..<rng.int(3...6) {
            let anchor = rng.chance(40)
            switch rng.below(100) {
            case 0..<35:
                let target = rng.pick(chapter.children)
                links.append(link(from: page.folder, to: target, anchor: anchor ? rng.pick(plan.pages[target].headings) : nil))
            case 35..<60:
                let target = rng.pick(plan.chapters[rng.pick(section.children)].children)
                links.append(link(from: page.folder, to: target, anchor: anchor ? rng.pick(plan.pages[target].headings) : nil))
            case 60..<85:
                let other = plan.sections[rng.below(plan.sections.count)]
                let target = rng.pick(plan.chapters[rng.pick(other.children)].children)
                links.append(link(from: page.folder, to: target, anchor: anchor ? rng.pick(plan.pages[target].headings) : nil))
            case 85..<90:
                // A folder link: `../hosting/`.
                let other = plan.chapters[rng.pick(section.children)]
                let url = other.path == page.folder ? "_index.md" : Self.relative(from: page.folder, to: other.path) + "/"
                links.append(Link(text: plan.pages[other.index].title.lowercased() + " overview", url: url))
            case 90..<95:
                let other = plan.sections[rng.below(plan.sections.count)]
                links.append(link(from: page.folder, to: other.index, anchor: nil))
            default:
                let heading = rng.pick(page.headings)
                links.append(Link(text: heading.text.lowercased(), url: "#" + heading.id))
            }
        }
        if rng.chance(30) {
            links.append(Link(text: "the national guidance", url: "https://example.org/guides/\(rng.pick(Vocabulary.tags))"))
        }
        return links
    }

    private func link(from folder: String, to target: Int, anchor: PlannedPage.Heading?) -> Link {
        let page = plan.pages[target]
        var url = Self.relative(from: folder, to: page.path)
        var text = page.title.prefix(1).lowercased() + page.title.dropFirst()
        if let anchor {
            url += "#" + anchor.id
            text = anchor.text.lowercased() + " in " + text
        }
        return Link(text: text, url: url)
    }

    /// The relative path from a folder to a file or folder, both relative to the root.
    static func relative(from folder: String, to path: String) -> String {
        let from = folder.split(separator: "/")
        let to = path.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(separator: "/")
    }

    // MARK: - Text helpers

    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// `YYYY-MM-DD` for a day counted from 2019-01-01 (Hinnant's civil-from-days).
    static func isoDate(_ day: Int) -> String {
        let z = 17_897 + day + 719_468
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}

/// Text with a running count of the prose words in it (code blocks and markup not counted).
struct TextBuffer {
    var text = ""
    var words = 0

    mutating func raw(_ s: String) { text += s }

    mutating func prose(_ s: String) {
        text += s
        var inWord = false
        for byte in s.utf8 {
            let space = byte == 32
            if !space && !inWord { words += 1 }
            inWord = !space
        }
    }
}

extension String {
    /// "checks" → "check", "tidies" → "tidy", "agrees on" → "agree on": the imperative
    /// for list items.
    fileprivate func imperative() -> String {
        var words = split(separator: " ", maxSplits: 1).map(String.init)
        if words[0].hasSuffix("ies") {
            words[0] = words[0].dropLast(3) + "y"
        } else if words[0].hasSuffix("sses") {
            words[0].removeLast(2)
        } else if words[0].hasSuffix("s") {
            words[0].removeLast()
        }
        return words.joined(separator: " ")
    }
}
