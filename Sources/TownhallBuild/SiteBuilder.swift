import Foundation
import TownhallContent
import TownhallData
import TownhallDiagnostics
import TownhallRender

/// The pipeline: load → validate → render. Writing is separate (`OutputWriter`), so
/// `check` runs the same stages and writes nothing.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site. With a `cache` from the previous build, unchanged files are not read
    /// again; with `incremental` (the previous output is intact), pages whose render key is
    /// unchanged are not rendered either, and the result lists them as `kept`. `cache` and
    /// `incremental` are asked for only once the inputs are listed, so the caller may load
    /// the one and work out the other meanwhile.
    /// `previous` reads a file of the output the cache describes (by output path): with it,
    /// an edit to a few pages' bodies is applied to their old output (see `QuickEdit`).
    /// `previousIsExact` says that it reads the last build's own bytes (kept in memory by
    /// `serve`), so they are not checked against the cache's manifest.
    public func build(
        cache loadCache: @autoclosure () -> BuildCache? = nil, incremental: @autoclosure () -> Bool = false,
        progress: @Sendable (String) -> Void = { _ in }, previous: ((String) -> Data?)? = nil,
        previousIsExact: Bool = false
    ) -> BuildResult {
        var diagnostics: [Diagnostic] = []
        var basePath = "/"
        let fail = { (d: [Diagnostic]) in
            BuildResult(files: [], diagnostics: d.sorted(), pageCount: 0, copiedCount: 0, asOf: "", asOfSource: "", data: DataCounts(), basePath: basePath)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.content.path, isDirectory: &isDir), isDir.boolValue else {
            return fail([.error("content folder not found; expected a folder of Markdown pages (use --content DIR)", at: SourceLocation(file: options.contentDisplay))])
        }
        guard FileManager.default.fileExists(atPath: options.templates.path, isDirectory: &isDir), isDir.boolValue else {
            return fail([.error("templates folder not found; expected a theme folder with layouts/ and partials/ (use --templates DIR)", at: SourceLocation(file: options.templatesDisplay))])
        }
        // The content folder is listed once: for the signature and for the pages to read.
        let listing = FileTree.list(options.content, threads: options.threads)
        let templates = InputSignature.ofFolder(options.templates)
        let signature = InputSignature.of(options, content: listing, templates: templates)
        let loaded = loadCache()
        if let loaded, loaded.inputSignature == signature, incremental() {
            // Nothing the build reads has changed: the output already is this build.
            return BuildResult(
                files: [], diagnostics: loaded.warnings, pageCount: loaded.pageCount, copiedCount: 0,
                asOf: "", asOfSource: "", data: loaded.data, basePath: "/",
                kept: Array(loaded.manifest.entries.keys), rendered: [], inPlace: true, cache: loaded, unchanged: true)
        }
        let withEdits = loaded?.withEdits()
        if let withEdits, let previous, !options.validateOnly, let quick = QuickEdit.apply(
            options: options, cache: withEdits, listing: listing, templates: templates, signature: signature, incremental: incremental,
            previous: previous, previousIsExact: previousIsExact) {
            return quick
        }
        let cache = withEdits?.withPages(threads: options.threads)
        let config = SiteConfig.load(
            from: options.content.appendingPathComponent("site.yaml"),
            displayPath: options.contentDisplay + "/site.yaml", diagnostics: &diagnostics)
        basePath = config.basePath
        let (asOf, asOfSource) = BuildDate.resolve(option: options.asOf, config: config)
        progress("loading content")
        let loader = ContentLoader(
            root: options.content, displayRoot: options.contentDisplay,
            includeDrafts: options.includeDrafts, threads: options.threads)
        let read = loader.readPages(config: config, cache: cache?.pages ?? [:], listing: listing, diagnostics: &diagnostics)
        progress("loading community data")
        let communityLoader = CommunityLoader(
            contentRoot: options.content, displayRoot: options.contentDisplay,
            reader: DataFileReader(yamlLimits: options.yamlLimits), threads: options.threads)
        let data = communityLoader.load(pages: read.pages, config: config, asOf: asOf, diagnostics: &diagnostics)
        var sourcePages = read.pages
        var eventURLs: [String]?
        if !data.isEmpty {
            (sourcePages, eventURLs) = CommunityPages.add(to: sourcePages, data: data, config: config, displayRoot: options.contentDisplay)
        }
        // Every event's figures (one thread's work) are worked out while the statistics are
        // planned and the pages assembled.
        let communityView = data.isEmpty || options.validateOnly ? nil : Background { [eventURLs] in
            CommunityView(data: data, asOf: asOf, privacy: config.privacy, timeZone: config.timeZone, eventURLs: eventURLs)
        }
        progress("computing statistics")
        let stats: StatsView?
        (sourcePages, stats) = StatsSite.plan(
            pages: sourcePages, data: data, config: config, asOf: asOf, threads: options.threads,
            displayRoot: options.contentDisplay, diagnostics: &diagnostics)
        progress("assembling \(sourcePages.count) pages")
        // The theme is read while the pages are assembled: both are one thread's work.
        let loadingTheme = Background { [options] in
            var problems: [Diagnostic] = []
            let overrides = options.content.appendingPathComponent("_templates")
            let theme = Theme.load(
                themeRoot: options.templates, themeDisplay: options.templatesDisplay,
                overrideRoot: FileManager.default.fileExists(atPath: overrides.path) ? overrides : nil,
                overrideDisplay: options.contentDisplay + "/_templates", diagnostics: &problems)
            return (theme, problems)
        }
        let site = loader.assemble(sourcePages, staticFiles: read.staticFiles, config: config, diagnostics: &diagnostics)
        // The statistics' data files (one thread's work) are made while pages are validated.
        let statsFiles = options.validateOnly ? nil : stats.map { stats in
            Background { StatsFiles.make(stats, site: site, title: config.title) }
        }
        // The tag index (a sort of the tagged pages) is one thread's work too: done while the
        // pages are validated.
        let tagIndex = Background { site.tags }
        let (theme, themeProblems) = loadingTheme.value
        diagnostics += themeProblems
        let resolver = LinkResolver(site: site)
        progress("validating")
        let settings = KeyHash.of(
            String(FileSignature.of(options.content.appendingPathComponent("site.yaml")) ?? 0),
            options.includeDrafts ? "drafts" : "", asOf.description, options.contentDisplay).value
        let pageKeys = PageKeys.of(site, signatures: read.cache.mapValues(\.signature), threads: options.threads)
        let validator = ContentValidator(site: site, theme: theme, resolver: resolver, asOf: asOf)
        let (checks, rewrites) = validator.validate(
            keys: validator.keys(pageKeys: pageKeys, settings: settings, threads: options.threads),
            cached: cache?.checks ?? [:], threads: options.threads)
        for check in checks { diagnostics += check.diagnostics }
        if let stats, !stats.pagePeriods.isEmpty {
            for partial in ["stats-figures", "stats-chart", "stats-table"] where !theme.has(partial) {
                diagnostics.append(.error(
                    "missing template partials/\(partial).mustache; pages that embed figures need it (copy it from the default theme)",
                    at: SourceLocation(file: options.templatesDisplay)))
            }
        }
        if diagnostics.hasErrors { return fail(diagnostics) }
        let counts = DataCounts(data)
        if options.validateOnly {
            return BuildResult(
                files: [], diagnostics: diagnostics.sorted(), pageCount: site.pages.count, copiedCount: 0,
                asOf: asOf.description, asOfSource: asOfSource.rawValue, data: counts)
        }

        progress("rendering \(site.pages.count) pages")
        var files: [OutputFile] = []
        let (assetFiles, assetPaths) = AssetPipeline.process(theme.assets, diagnostics: &diagnostics)
        files += assetFiles
        var searchIndexPath: String?
        var searchLines: [SearchLine] = []
        if theme.hasLayout(SiteRenderer.searchLayout) {
            // A stable name, not a fingerprinted one: the index changes with every edit, and a
            // name that changed would change every page that links to it (and so re-render them).
            searchLines = SearchIndex.lines(site, pageKeys: pageKeys, cached: cache?.searchLines ?? [:], threads: options.threads)
            searchIndexPath = SearchIndex.path
        }
        let community = communityView?.value
        let renderer = SiteRenderer(
            site: site, theme: theme, resolver: resolver, assetPaths: assetPaths, community: community,
            stats: stats, searchIndexPath: searchIndexPath, tags: tagIndex.value)
        // Every page's key, then only the pages whose key changed are rendered, unless so
        // many changed that writing the whole site afresh (and swapping it in) is better.
        // The community data is the data folder and the event pages' front matter: the
        // pages that summarise it (indexes, statistics) show what either holds.
        var dataKey = KeyHash()
        dataKey.add(InputSignature.ofFolder(options.content.appendingPathComponent("data")))
        if let community {
            for i in site.pages.indices where community.page(at: site.pages[i].url) != nil { dataKey.add(pageKeys[i]) }
        }
        let plan = renderer.keyPlan(settings: settings, data: dataKey.value, threads: options.threads)
        // With no keys of a last build to compare with, every page is rendered, and the data
        // keys of the pages keyed by their records are made from the values they render (see
        // `renderPage(keyed:)`) rather than made twice; a placeholder stands in until then.
        let keyedByRender = (cache?.renderKeys ?? [:]).isEmpty && community != nil
        let contexts = Array(site.pages.indices).concurrentMap(threads: options.threads) {
            keyedByRender && renderer.isKeyedByRecords($0)
                ? renderer.contextKey($0, links: checks[$0].links, plan: plan, data: 0)
                : renderer.contextKey($0, links: checks[$0].links, plan: plan)
        }
        let keys = site.pages.indices.map { SiteRenderer.renderKey(body: pageKeys[$0], context: contexts[$0]) }
        var newCache = BuildCache()
        newCache.pages = read.cache
        newCache.stored = cache?.stored
        newCache.inputSignature = signature
        newCache.warnings = diagnostics.filter { $0.severity == .warning }.sorted()
        newCache.data = counts
        // Two maps of ten thousand entries for the next build, filled while pages render.
        let byURL = Background { [searchLines] in
            var checked: [String: PageCheck] = [:], lines: [String: SearchLine] = [:]
            for i in site.pages.indices { checked[site.pages[i].url] = checks[i] }
            for line in searchLines { lines[line.url] = line }
            return (checked, lines)
        }
        var changed: [Int] = []
        for (i, page) in site.pages.enumerated() {
            let path = page.url + "index.html"
            newCache.renderKeys[path] = keys[i]
            if cache?.renderKeys[path] != keys[i] { changed.append(i) }
        }
        let inPlace = changed.count <= max(100, site.pages.count / 10) && incremental()
        let toRender = inPlace ? changed : Array(site.pages.indices)
        progress("rendering \(toRender.count) of \(site.pages.count) pages")
        let editable = EditIndex.editable(site, renderer: renderer, read: read.cache, checks: checks, threads: options.threads)
        // The pages that take longest first: rendered in page order, the statistics pages came
        // last and kept one core busy alone. The results are put back in page order.
        let order = renderer.longestFirst(toRender)
        let renders = order.map { toRender[$0] }.concurrentMap(threads: options.threads) { i -> (OutputFile, EditIndex.Recording?, UInt64?) in
            let (html, splice, data) = renderer.renderPage(i, recording: editable[i] != nil, rewrites: rewrites[i], keyed: keyedByRender)
            // The render key the placeholder stood in for, from the data key the render made.
            let key = data.map { SiteRenderer.renderKey(body: pageKeys[i], context: renderer.contextKey(i, links: checks[i].links, plan: plan, data: $0)) }
            let (file, dropped) = OutputFile.checkedBytes(site.pages[i].url + "index.html", html)
            // A page with characters the output drops is not where its slots say: not recorded.
            let recording = dropped ? nil
                : splice.map { EditIndex.Recording(renderKey: keys[i], surface: Surface.of(editable[i]!.page), splice: $0) }
            return (file, recording, key)
        }
        var place = [Int](repeating: 0, count: order.count)
        for (k, position) in order.enumerated() { place[position] = k }
        let rendered = place.map { renders[$0] }
        let pages = rendered.map(\.0)
        let recorded = Dictionary(uniqueKeysWithValues: zip(toRender, rendered).compactMap { i, item in item.1.map { (i, $0) } })
        for (i, item) in zip(toRender, rendered) { if let key = item.2 { newCache.renderKeys[site.pages[i].url + "index.html"] = key } }
        // The edit index is made on another thread while the generated pages render (it is
        // one thread's work, which left a core idle).
        let previousEdits = cache?.edits, lines = searchLines, stamp = (asOf.description, asOfSource.rawValue)
        let edits = Background {
            EditIndex.make(
                site, editable: editable, recorded: recorded, previous: previousEdits, keys: keys, contexts: contexts,
                searchLines: lines, options: options, listing: listing, templates: templates, asOf: stamp)
        }
        let renderedSet = Set(toRender)
        var kept = inPlace ? site.pages.indices.filter { !renderedSet.contains($0) }.map { site.pages[$0].url + "index.html" } : []
        files += pages

        // Everything else made from the pages, each with a key of what it shows, and made
        // again only when that changed (tag pages list thousands of cards).
        let generated = GeneratedFiles.plan(renderer, plan: plan, searchLines: searchLines, site: site)
        let (made, keptGenerated) = GeneratedFiles.make(
            generated, previous: inPlace ? cache?.renderKeys ?? [:] : [:], threads: options.threads)
        for item in generated { if let key = item.key, let path = item.path { newCache.renderKeys[path] = key } }
        files += made
        kept += keptGenerated
        if let community, !community.data.events.isEmpty {
            files.append(.text("events.ics", CalendarFeed.render(community, site: site)))
            files.append(.text("feed.xml", RecapFeed.render(community, renderer: renderer)))
        }
        if let statsFiles { files += statsFiles.value }
        progress("copying \(site.staticFiles.count) files")
        files += site.staticFiles.map { OutputFile(path: $0.sourcePath, contents: .copy($0.source)) }
        newCache.edits = edits.value
        (newCache.checks, newCache.searchLines) = byURL.value
        if let clash = Self.firstClash(files.map(\.path) + kept) {
            diagnostics.append(.error("two outputs write /\(clash); rename the content file or tag that makes it", at: SourceLocation(file: options.contentDisplay)))
            return fail(diagnostics)
        }
        let result = BuildResult(
            files: files.sorted { $0.path < $1.path }, diagnostics: diagnostics.sorted(),
            pageCount: Self.pageCount(renderer),
            copiedCount: site.staticFiles.count + assetFiles.count,
            asOf: asOf.description, asOfSource: asOfSource.rawValue, data: counts, basePath: config.basePath,
            kept: kept.sorted(), rendered: pages.map(\.path).sorted(), generated: made.map(\.path).sorted(),
            inPlace: inPlace, cache: withPageCount(newCache, renderer))
        ReleaseLater.release(renderer, read, sourcePages, checks, editable, rendered, recorded, contexts, pageKeys)
        return result
    }

    private func withPageCount(_ cache: BuildCache, _ renderer: SiteRenderer) -> BuildCache {
        var cache = cache
        cache.pageCount = Self.pageCount(renderer)
        return cache
    }

    /// The pages a build writes: the site's, the tag pages and their index, the search page
    /// and 404 (the count a no-op or an applied edit repeats).
    private static func pageCount(_ renderer: SiteRenderer) -> Int {
        renderer.site.pages.count + (renderer.tagCount > 0 ? renderer.tagCount + 1 : 0) + (renderer.hasSearch ? 1 : 0) + 1
    }

    /// Generated paths (tags, assets) can collide with content paths too.
    static func firstClash(_ paths: [String]) -> String? {
        var seen: Set<String> = []
        for path in paths.sorted() where !seen.insert(path.lowercased()).inserted {
            return path
        }
        return nil
    }
}
