import Foundation
import TownhallDiagnostics
import TownhallMarkdown

/// Loads the content folder: reads and splits every Markdown file (on all cores), builds
/// sections, assigns URLs, and lists the files to copy.
public struct ContentLoader: Sendable {
    public var root: URL
    /// How the content folder is named in diagnostics (`Content`).
    public var displayRoot: String
    public var includeDrafts: Bool
    public var threads: Int

    public init(root: URL, displayRoot: String, includeDrafts: Bool = false, threads: Int = 0) {
        self.root = root
        self.displayRoot = displayRoot
        self.includeDrafts = includeDrafts
        self.threads = threads
    }

    public func load(config: SiteConfig, diagnostics: inout [Diagnostic]) -> SiteContent {
        let read = readPages(config: config, diagnostics: &diagnostics)
        return assemble(read.pages, staticFiles: read.staticFiles, config: config, diagnostics: &diagnostics)
    }

    /// First half of `load`: every Markdown page read and analysed, and the files to copy.
    /// Split from `assemble` so that the pipeline can add pages made from data (events,
    /// groups) before sections, navigation and output paths are worked out.
    public func readPages(config: SiteConfig, diagnostics: inout [Diagnostic]) -> (pages: [Page], staticFiles: [StaticFile]) {
        let read = readPages(config: config, cache: [:], diagnostics: &diagnostics)
        return (read.pages, read.staticFiles)
    }

    /// `readPages` reusing the pages of `cache` whose files have not changed; also returns
    /// the entries for the next build's cache. `listing` is `FileTree.list(root)` when the
    /// caller has it already.
    public func readPages(
        config: SiteConfig, cache: [String: PageCacheEntry], listing: [FileTree.Entry]? = nil, diagnostics: inout [Diagnostic]
    ) -> (pages: [Page], staticFiles: [StaticFile], cache: [String: PageCacheEntry]) {
        let walker = ContentWalker(root: root, displayRoot: displayRoot)
        let files = walker.files(in: listing ?? FileTree.list(root), diagnostics: &diagnostics)
        let isMarkdown = { (path: String) in path.hasSuffix(".md") || path.hasSuffix(".markdown") }
        let markdown = files.filter { isMarkdown($0.path) }
        let statics = files.filter { !isMarkdown($0.path) }.map(\.path)
        let options = MarkdownOptions(unsafe: config.markdownUnsafe, smart: config.markdownSmart)
        let rootPath = root.path
        // A cached page was read with these options and carries the display root in its
        // `displayPath` (so in its diagnostics): both are mixed into the signature it is kept under.
        let optionBits = signatureBits(options)
        let results = markdown.concurrentMap(threads: threads) { file -> (PageReader.Result, UInt64?) in
            // The listing's signature: 0 when the file could not be examined.
            let signature = file.signature == 0 ? nil : file.signature ^ optionBits
            if let signature, let entry = cache[file.path], entry.signature == signature {
                return (PageReader.Result(page: entry.page, diagnostics: entry.diagnostics), signature)
            }
            return (PageReader(rootPath: rootPath, display: walker.display(file.path), options: options).read(file.path), signature)
        }
        var pages: [Page] = []
        var entries: [String: PageCacheEntry] = [:]
        pages.reserveCapacity(results.count)
        entries.reserveCapacity(results.count)
        // By index: binding each result in the loop copied its whole page once more.
        for i in results.indices {
            diagnostics.append(contentsOf: results[i].0.diagnostics)
            guard let page = results[i].0.page else { continue }
            if let signature = results[i].1 {
                entries[page.sourcePath] = PageCacheEntry(signature: signature, page: page, diagnostics: results[i].0.diagnostics)
            }
            if page.frontMatter.draft && !includeDrafts { continue }
            pages.append(page)
        }
        let staticFiles = statics.map {
            StaticFile(sourcePath: $0, displayPath: walker.display($0), source: root.appendingPathComponent($0))
        }
        return (pages, staticFiles, entries)
    }

    /// What a page's cache signature mixes into its file's `FileSignature`: the Markdown
    /// options and the display root it was read with.
    public func signatureBits(_ options: MarkdownOptions) -> UInt64 {
        displayRoot.utf8.reduce((options.unsafe ? 1 : 0) | (options.smart ? 2 : 0) as UInt64) {
            ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3
        }
    }

    /// One Markdown file read as `readPages` reads it (`path` relative to the root).
    public func readPage(_ path: String, options: MarkdownOptions) -> (page: Page?, diagnostics: [Diagnostic]) {
        let display = ContentWalker(root: root, displayRoot: displayRoot).display(path)
        let result = PageReader(rootPath: root.path, display: display, options: options).read(path)
        return (result.page, result.diagnostics)
    }

    /// Second half of `load`: sections, generated section pages, order and output-path checks.
    public func assemble(_ pages: [Page], staticFiles: [StaticFile], config: SiteConfig, diagnostics: inout [Diagnostic]) -> SiteContent {
        SectionBuilder(config: config, displayRoot: displayRoot).assemble(pages, staticFiles: staticFiles, diagnostics: &diagnostics)
    }
}
