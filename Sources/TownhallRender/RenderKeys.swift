import Foundation
import TownhallContent
import TownhallMarkdown

/// What every page's key shares, worked out once per build: a hash of the site settings and
/// assets, and for each section a hash of what its pages show of it in navigation and
/// breadcrumbs (titles and URLs) and in its index cards (summaries, dates, counts).
public struct RenderKeyPlan: Sendable {
    let site: UInt64
    let nav: [String: UInt64]
    let cards: [String: UInt64]
    let community: UInt64
    /// For each page (by index), a hash of what a list of pages shows of it (a card on a tag
    /// page, a line of the search page or sitemap) and of what orders it there.
    let summaries: [UInt64]
    /// Tags by slug, in `SiteContent.tags` order, with a hash of their name and pages.
    let tags: [(slug: String, hash: UInt64, count: Int)]

    /// The slug of the tag at `position` (as `SiteRenderer.renderTag` names its folder).
    public func tagSlug(_ position: Int) -> String { tags[position].slug }
}

/// A 64-bit hash of a sequence of strings, numbers and bytes: each part's bytes eight at a
/// time, then its length, so parts never run together. Not for security: keys and
/// fingerprints only need to change when what they stand for does.
public struct KeyHash: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Over the string's bytes, eight at a time: keys hash every page's fields (its whole
    /// body among them) on every build, and a byte at a time was a percent of a build.
    public mutating func add(_ s: String) {
        var s = s
        s.withUTF8 { add(raw: UnsafeRawBufferPointer($0)) }
    }

    /// Eight bytes rather than the decimal text: keys are folded by the thousand.
    public mutating func add(_ n: UInt64) { value = Self.step(value, n) }

    public mutating func add(_ n: Int) { add(UInt64(bitPattern: Int64(n))) }

    /// Over the raw bytes: output fingerprints hash every file a build writes, and an
    /// edit's rebuild hashes the search index (megabytes) twice.
    public mutating func add(_ data: Data) {
        data.withUnsafeBytes { add(raw: $0) }
    }

    public mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add(raw: $0) }
    }

    /// Multiply and fold the high half down, so every bit of the word reaches the value.
    @inline(__always)
    private static func step(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let x = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
        return x ^ (x >> 29)
    }

    private mutating func add(raw bytes: UnsafeRawBufferPointer) {
        @inline(__always) func word(_ i: Int) -> UInt64 {
            UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i &* 8, as: UInt64.self))
        }
        var v = value
        let words = bytes.count / 8
        var i = 0
        // Long inputs (every page written, every page's body) in four lanes: one chain of
        // dependent multiplies, a word at a time, was what limited the speed.
        if words >= 32 {
            var (a, b, c, d) = (v, v ^ 0x243F_6A88_85A3_08D3, v ^ 0x1319_8A2E_0370_7344, v ^ 0xA409_3822_299F_31D0)
            while i + 4 <= words {
                a = Self.step(a, word(i))
                b = Self.step(b, word(i + 1))
                c = Self.step(c, word(i + 2))
                d = Self.step(d, word(i + 3))
                i += 4
            }
            v = Self.step(Self.step(Self.step(a, b), c), d)
        }
        while i < words {
            v = Self.step(v, word(i))
            i += 1
        }
        var tail: UInt64 = 0
        for (k, byte) in bytes[(words * 8)...].enumerated() { tail |= UInt64(byte) << (UInt64(k) &* 8) }
        value = Self.step(Self.step(v, tail), UInt64(bytes.count))
    }

    public static func of(_ parts: String...) -> KeyHash {
        var h = KeyHash()
        for p in parts { h.add(p) }
        return h
    }
}

/// Where each link of a page leads, folded into one hash: the part of a page's render key
/// that depends on other pages' URLs, headings and numbers. Built while the links are
/// checked, so each link is resolved once per build, or not at all when cached.
public struct LinkKey: Sendable {
    public private(set) var hash = KeyHash()

    public init() {}

    public mutating func add(_ result: Result<LinkRewrite?, LinkError>) {
        switch result {
        case .success(let rewrite?): hash.add(rewrite.url); hash.add(rewrite.citationText ?? "")
        case .success(nil): hash.add("=")
        case .failure: hash.add("!")
        }
    }

    public var value: UInt64 { hash.value }
}

extension SiteRenderer {
    /// `settings` summarises site.yaml and the build options; `data` the community data files.
    public func keyPlan(settings: UInt64, data: UInt64, threads: Int = 0) -> RenderKeyPlan {
        var site = KeyHash()
        site.add(settings)
        for name in assetPaths.keys.sorted() { site.add(name); site.add(assetPaths[name]!) }
        site.add(searchIndexPath ?? "-")
        site.add(tagCount > 0 ? "tags" : "")
        site.add(community == nil ? "" : "community")
        // Each section's keys on every core (ten thousand pages' titles and URLs hashed on
        // one thread left the other idle).
        let pages = self.site.pages, sections = self.site.sections, collapsed = navigation.collapsed
        let sectionKeys = sections.keys.sorted().concurrentMap(threads: threads) { path -> (String, UInt64, UInt64) in
            let section = sections[path]!
            var n = KeyHash(), c = KeyHash()
            let own = pages[section.page]
            n.add(own.title); n.add(own.url)
            for sub in section.subsections {
                let page = pages[sections[sub]!.page]
                n.add(page.title); n.add(page.url)
                c.add(page.description); c.add(page.frontMatter.date?.description ?? ""); c.add(page.lastChanged?.description ?? "")
                c.add(String(sections[sub]!.pages.count))
            }
            for i in section.pages {
                let page = pages[i]
                // A collapsed section's pages are not in the navigation (see `NavigationBuilder`):
                // an event's title is not shown on the other event pages.
                if collapsed.contains(path) { c.add(page.title); c.add(page.url) } else { n.add(page.title); n.add(page.url) }
                c.add(page.description); c.add(page.frontMatter.date?.description ?? ""); c.add(page.lastChanged?.description ?? "")
            }
            return (path, n.value, c.value)
        }
        var nav: [String: UInt64] = [:]
        var cards: [String: UInt64] = [:]
        for (path, n, c) in sectionKeys { (nav[path], cards[path]) = (n, c) }
        var community = KeyHash()
        community.add(data)
        // With each page's tags as slugs, made on every core too.
        let summarised = Array(pages.indices).concurrentMap(threads: threads) { i -> (summary: UInt64, tags: [(String, String)]) in
            let page = pages[i]
            var h = KeyHash()
            h.add(page.kind.rawValue); h.add(page.sourcePath); h.add(page.sectionPath)
            h.add(page.title); h.add(page.description); h.add(page.url)
            h.add(page.frontMatter.weight ?? Int.max)
            h.add(page.frontMatter.date?.description ?? ""); h.add(page.lastChanged?.description ?? "")
            return (h.value, page.frontMatter.tags.map { ($0, Slug.make($0)) })
        }
        let summaries = summarised.map(\.summary)
        // The same grouping as `SiteContent.tags` (by slug, named by the first page's
        // spelling, slugs sorted); the pages are hashed in index order, which together with
        // each summary's weight, title and path fixes the order a tag page lists them in.
        var bySlug: [String: (name: String, hash: KeyHash, count: Int)] = [:]
        for (summary, tags) in summarised {
            for (tag, slug) in tags where !slug.isEmpty {
                var entry = bySlug[slug] ?? (tag, KeyHash(), 0)
                entry.hash.add(summary)
                entry.count += 1
                bySlug[slug] = entry
            }
        }
        let tags = bySlug.keys.sorted().map { slug -> (slug: String, hash: UInt64, count: Int) in
            var h = bySlug[slug]!.hash
            h.add(bySlug[slug]!.name)
            return (slug, h.value, bySlug[slug]!.count)
        }
        return RenderKeyPlan(
            site: site.value, nav: nav, cards: cards, community: community.value, summaries: summaries, tags: tags)
    }

    /// What a page's output is made from: its own source (`body`), the templates of its
    /// layout, the site settings, what it shows of its own and its ancestors' sections
    /// (navigation, breadcrumbs, and for a section page its cards), its neighbours in
    /// reading order, where each of its links leads (`links`, a `LinkKey`), and for pages
    /// drawn from the data what they show of it (`dataKey`). Two builds that give a page the
    /// same key render it to the same bytes.
    public func renderKey(_ index: Int, body: UInt64, links: UInt64, plan: RenderKeyPlan) -> UInt64 {
        Self.renderKey(body: body, context: contextKey(index, links: links, plan: plan))
    }

    /// A render key from its two halves: the page's own key and everything else
    /// (`contextKey`), so that an edit to the page alone can work out its new key.
    public static func renderKey(body: UInt64, context: UInt64) -> UInt64 {
        var hash = KeyHash()
        hash.add(body)
        hash.add(context)
        return hash.value
    }

    /// The part of `renderKey` that does not come from the page's own key.
    public func contextKey(_ index: Int, links: UInt64, plan: RenderKeyPlan) -> UInt64 {
        contextKey(index, links: links, plan: plan, data: isFromData(index) ? dataKey(index, plan: plan) : nil)
    }

    /// `contextKey` with the page's `dataKey` given (nil for a page not drawn from the data).
    public func contextKey(_ index: Int, links: UInt64, plan: RenderKeyPlan, data: UInt64?) -> UInt64 {
        let page = site.pages[index]
        var hash = KeyHash()
        hash.add(theme.closureHashes[Self.layout(of: page)] ?? 0)
        hash.add(plan.site)
        hash.add(page.url)
        // The top level is in every page's navigation; then each folder down to the page's own.
        var folders = [""]
        var path = ""
        for part in page.sectionPath.split(separator: "/") {
            path = path.isEmpty ? String(part) : path + "/" + part
            folders.append(path)
        }
        // Each folder's hash covers its own entry and its children's titles and URLs, so the
        // top level (shown on every page) and the open branch are all a page shows.
        for folder in folders { hash.add(plan.nav[folder] ?? 0) }
        if page.kind != .page { hash.add(plan.cards[page.sectionPath] ?? 0) }
        for step in [-1, 1] {
            if let n = navigationNeighbour(of: index, step: step) { hash.add(site.pages[n].title); hash.add(site.pages[n].url) } else { hash.add("-") }
        }
        hash.add(links)
        if let data { hash.add(data) }
        return hash.value
    }

    /// Pages drawn from the community data: events, groups, statistics and reports.
    public func isFromData(_ index: Int) -> Bool {
        let page = site.pages[index]
        return (community.map { $0.page(at: page.url) != nil } ?? false)
            || page.sectionPath == "events" || page.sectionPath == "groups"
            || (stats.map { $0.pagePeriods[page.url] != nil || $0.statsPage(at: page.url) != nil } ?? false)
            || Self.layout(of: page) == "reports"
    }

    /// What every page outside the content shares (tag pages, the search page, 404): the
    /// site settings and assets, its layout's templates, and the top-level navigation.
    private func generatedKey(_ layout: String, plan: RenderKeyPlan) -> KeyHash {
        var hash = KeyHash()
        hash.add(layout)
        hash.add(theme.closureHashes[layout] ?? 0)
        hash.add(plan.site)
        hash.add(plan.nav[""] ?? 0)
        return hash
    }

    /// The key of `renderTag(position)`: its cards (a summary of each tagged page).
    /// nil when the plan's tags are not the renderer's (then the page is always rendered).
    public func tagKey(_ position: Int, plan: RenderKeyPlan) -> UInt64? {
        guard plan.tags.count == tagCount, plan.tags.indices.contains(position) else { return nil }
        var hash = generatedKey("tag", plan: plan)
        hash.add(plan.tags[position].slug)
        hash.add(plan.tags[position].hash)
        return hash.value
    }

    /// The key of `renderTagIndex()`: every tag's name, slug and count.
    public func tagIndexKey(plan: RenderKeyPlan) -> UInt64 {
        var hash = generatedKey("tags", plan: plan)
        for tag in plan.tags { hash.add(tag.slug); hash.add(tag.hash); hash.add(tag.count) }
        return hash.value
    }

    /// The key of `renderSearch()`: it lists every page by section, so every summary and
    /// the sections' order (which the summaries' weights, titles and paths fix).
    public func searchKey(plan: RenderKeyPlan) -> UInt64 {
        var hash = generatedKey(Self.searchLayout, plan: plan)
        for summary in plan.summaries { hash.add(summary) }
        return hash.value
    }

    /// The key of `renderNotFound()`.
    public func notFoundKey(plan: RenderKeyPlan) -> UInt64 {
        generatedKey("404", plan: plan).value
    }

    /// A key over every page's summary (URL, dates) and the settings: for the sitemap.
    public func summariesKey(plan: RenderKeyPlan) -> UInt64 {
        var hash = KeyHash()
        hash.add(plan.site)
        for summary in plan.summaries { hash.add(summary) }
        return hash.value
    }
}
