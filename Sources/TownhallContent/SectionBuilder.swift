import TownhallDiagnostics
import TownhallMarkdown

/// Groups pages into sections, gives folders without an index page a generated one, orders
/// everything, and rejects two sources that would write the same output path.
struct SectionBuilder {
    let config: SiteConfig
    let displayRoot: String

    func assemble(_ loaded: [Page], staticFiles: [StaticFile], diagnostics: inout [Diagnostic]) -> SiteContent {
        // Pages are read by index, not bound in loops: each `for page in pages` copied every
        // page (tens of references each), a tenth of a second of one thread at 10,000 pages.
        var pages = choosePages(loaded)
        // Every folder that holds a page or a sub-section is a section.
        var folders: Set<String> = [""]
        for i in pages.indices {
            // A folder already in holds its parents already: most pages stop at their own.
            var folder = pages[i].sectionPath
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = parentFolder(folder)
            }
        }
        var sectionPage: [String: Int] = [:]
        for i in pages.indices where pages[i].kind != .page { sectionPage[pages[i].sectionPath] = i }
        for folder in folders.sorted() where sectionPage[folder] == nil {
            sectionPage[folder] = pages.count
            pages.append(generatedSectionPage(folder))
        }
        var sections: [String: Section] = [:]
        for folder in folders {
            sections[folder] = Section(
                path: folder, page: sectionPage[folder]!, pages: [], subsections: [],
                parent: folder.isEmpty ? nil : parentFolder(folder))
        }
        for i in pages.indices where pages[i].kind == .page {
            sections[pages[i].sectionPath]!.pages.append(i)
        }
        for folder in folders where !folder.isEmpty {
            sections[parentFolder(folder)]!.subsections.append(folder)
        }
        // Sort keys are made once: comparing pages directly would lowercase titles and copy
        // whole pages on every comparison, which shows with thousands of event pages.
        let order = SortKey.keys(pages)
        for key in sections.keys {
            sections[key]!.pages.sort { order[$0] < order[$1] }
            // site.yaml's `nav` orders the top-level sections it names, ahead of the rest.
            let navIndex = { (s: String) in key.isEmpty ? self.config.nav.firstIndex(of: s) : nil }
            // `sectionPage`, not a copy of `sections` (which this loop is changing: each
            // copy would be a copy of every section).
            sections[key]!.subsections.sort { a, b in
                switch (navIndex(a), navIndex(b)) {
                case let (x?, y?): return x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return order[sectionPage[a]!] < order[sectionPage[b]!]
                }
            }
        }
        checkOutputPaths(pages, staticFiles, diagnostics: &diagnostics)
        var bySource: [String: Int] = [:]
        var byURL: [String: Int] = [:]
        // Made at their size: growing them rehashed every key again (on the one thread).
        bySource.reserveCapacity(pages.count)
        byURL.reserveCapacity(pages.count)
        for i in pages.indices {
            if !pages[i].sourcePath.isEmpty { bySource[pages[i].sourcePath] = i }
            byURL[pages[i].url] = i
        }
        return SiteContent(
            config: config, pages: pages, sections: sections, staticFiles: staticFiles,
            pageBySource: bySource, pageByURL: byURL)
    }

    /// `_index.md` wins over `README.md` as a section page; the README then is a plain page.
    private func choosePages(_ loaded: [Page]) -> [Page] {
        var withIndex: Set<String> = []
        for i in loaded.indices where loaded[i].sourcePath.hasSuffix("_index.md") { withIndex.insert(loaded[i].sectionPath) }
        let readmes = loaded.indices.filter { i in
            loaded[i].kind != .page && !loaded[i].sourcePath.hasSuffix("_index.md") && withIndex.contains(loaded[i].sectionPath)
        }
        guard !readmes.isEmpty else { return loaded }
        var pages = loaded
        for i in readmes {
            let placed = PageURL.place(
                pages[i].sectionPath.isEmpty ? "readme.md" : pages[i].sectionPath + "/readme.md", slug: pages[i].frontMatter.slug)
            pages[i].kind = .page
            pages[i].url = placed.url
        }
        return pages
    }

    private func generatedSectionPage(_ folder: String) -> Page {
        let name = folder.split(separator: "/").last.map(String.init) ?? ""
        let title = folder.isEmpty ? config.title : PageURL.humanize(name)
        var fm = FrontMatter()
        fm.title = title
        return Page(
            kind: folder.isEmpty ? .home : .section, sourcePath: "", displayPath: displayRoot + "/" + folder,
            sectionPath: folder, frontMatter: fm, title: title,
            description: folder.isEmpty ? config.description : "",
            body: "", bodyLineOffset: 0, url: folder.isEmpty ? "" : folder + "/",
            markdownOptions: MarkdownOptions(),
            analysis: .empty)
    }

    /// Two sources for one output path, also when they differ only in case (macOS and
    /// Windows file systems would merge them), are an error naming both.
    private func checkOutputPaths(_ pages: [Page], _ files: [StaticFile], diagnostics: inout [Diagnostic]) {
        // Each output's first source is kept by index; only outputs with a second source get
        // a list, sorted by source (a list for every output, and sorting every output by
        // source, were serial hundredths of a second at 10,000 pages).
        var first: [String: Int] = [:]
        first.reserveCapacity(pages.count + files.count)
        var more: [Int: [Int]] = [:]
        var sources: [(output: String, source: String)] = []
        sources.reserveCapacity(pages.count + files.count)
        func add(_ output: String, _ source: String) {
            let index = sources.count
            sources.append((output, source))
            if let earlier = first.updateValue(index, forKey: output.lowercased()) {
                // The first source stays the key's: put it back, and note this one.
                first[output.lowercased()] = earlier
                more[earlier, default: []].append(index)
            }
        }
        for i in pages.indices where !pages[i].sourcePath.isEmpty { add(pages[i].url + "index.html", pages[i].displayPath) }
        for file in files { add(file.sourcePath, file.displayPath) }
        for (earlier, others) in more.sorted(by: { $0.key < $1.key }) {
            let sorted = ([earlier] + others).map { sources[$0] }.sorted { $0.source < $1.source }
            for (output, source) in sorted.dropFirst() {
                diagnostics.append(.error(
                    "this file and \(sorted[0].source) both write /\(output)",
                    at: SourceLocation(file: source),
                    notes: ["rename one of them or give it a different `slug:`"]))
            }
        }
    }

    private func parentFolder(_ folder: String) -> String {
        guard let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(folder[..<slash])
    }
}

/// `Page.precedes` as a comparable value: weight (unweighted last), title, path.
struct SortKey: Comparable {
    var weight: Int
    var title: String
    var path: String

    static func keys(_ pages: [Page]) -> [SortKey] {
        pages.indices.map { i in
            SortKey(weight: pages[i].frontMatter.weight ?? Int.max, title: pages[i].title.lowercased(), path: pages[i].sourcePath)
        }
    }

    static func key(_ page: Page) -> SortKey {
        SortKey(weight: page.frontMatter.weight ?? Int.max, title: page.title.lowercased(), path: page.sourcePath)
    }

    static func < (a: SortKey, b: SortKey) -> Bool {
        if a.weight != b.weight { return a.weight < b.weight }
        if a.title != b.title { return a.title < b.title }
        return a.path < b.path
    }
}
