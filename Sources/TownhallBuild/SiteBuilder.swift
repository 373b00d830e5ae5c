import Foundation
import TownhallContent
import TownhallDiagnostics
import TownhallRender

/// The pipeline: load → validate → render. Writing is separate (`OutputWriter`), so
/// `check` runs the same stages and writes nothing.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build(progress: @Sendable (String) -> Void = { _ in }) -> BuildResult {
        var diagnostics: [Diagnostic] = []
        var basePath = "/"
        let fail = { (d: [Diagnostic]) in
            BuildResult(files: [], diagnostics: d.sorted(), pageCount: 0, copiedCount: 0, asOf: "", asOfSource: "", basePath: basePath)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.content.path, isDirectory: &isDir), isDir.boolValue else {
            return fail([.error("content folder not found; expected a folder of Markdown pages (use --content DIR)", at: SourceLocation(file: options.contentDisplay))])
        }
        guard FileManager.default.fileExists(atPath: options.templates.path, isDirectory: &isDir), isDir.boolValue else {
            return fail([.error("templates folder not found; expected a theme folder with layouts/ and partials/ (use --templates DIR)", at: SourceLocation(file: options.templatesDisplay))])
        }
        let config = SiteConfig.load(
            from: options.content.appendingPathComponent("site.yaml"),
            displayPath: options.contentDisplay + "/site.yaml", diagnostics: &diagnostics)
        basePath = config.basePath
        let (asOf, asOfSource) = BuildDate.resolve(option: options.asOf, config: config)
        progress("loading content")
        let loader = ContentLoader(
            root: options.content, displayRoot: options.contentDisplay,
            includeDrafts: options.includeDrafts, threads: options.threads)
        let site = loader.load(config: config, diagnostics: &diagnostics)
        let overrides = options.content.appendingPathComponent("_templates")
        let theme = Theme.load(
            themeRoot: options.templates, themeDisplay: options.templatesDisplay,
            overrideRoot: FileManager.default.fileExists(atPath: overrides.path) ? overrides : nil,
            overrideDisplay: options.contentDisplay + "/_templates", diagnostics: &diagnostics)
        let resolver = LinkResolver(site: site)
        diagnostics += ContentValidator(site: site, theme: theme, resolver: resolver, asOf: asOf).validate()
        if diagnostics.hasErrors { return fail(diagnostics) }

        progress("rendering \(site.pages.count) pages")
        var files: [OutputFile] = []
        let (assetFiles, assetPaths) = AssetPipeline.process(theme.assets, diagnostics: &diagnostics)
        files += assetFiles
        var searchIndexPath: String?
        if theme.hasLayout(SiteRenderer.searchLayout) {
            let script = SearchIndex.build(site, threads: options.threads).script()
            let path = Fingerprint.name("assets/search-index.js", data: Data(script.utf8))
            files.append(.text(path, script))
            searchIndexPath = path
        }
        let renderer = SiteRenderer(
            site: site, theme: theme, resolver: resolver, assetPaths: assetPaths, searchIndexPath: searchIndexPath)
        let pages = Array(site.pages.indices).concurrentMap(threads: options.threads) { i in
            OutputFile.text(site.pages[i].url + "index.html", renderer.renderPage(i))
        }
        files += pages
        if renderer.tagCount > 0 {
            files.append(.text("tags/index.html", renderer.renderTagIndex()))
            for t in 0..<renderer.tagCount {
                let tag = renderer.renderTag(t)
                files.append(.text(tag.path + "index.html", tag.html))
            }
        }
        if renderer.hasSearch {
            files.append(.text(SiteRenderer.searchPath + "index.html", renderer.renderSearch()))
        }
        files.append(.text("404.html", renderer.renderNotFound()))
        files.append(.text("sitemap.xml", FeedFiles.sitemap(site)))
        files.append(.text("robots.txt", FeedFiles.robots(site)))
        progress("copying \(site.staticFiles.count) files")
        files += site.staticFiles.map { OutputFile(path: $0.sourcePath, contents: .copy($0.source)) }
        if let clash = Self.firstClash(files) {
            diagnostics.append(.error("two outputs write /\(clash); rename the content file or tag that makes it", at: SourceLocation(file: options.contentDisplay)))
            return fail(diagnostics)
        }
        return BuildResult(
            files: files.sorted { $0.path < $1.path }, diagnostics: diagnostics.sorted(),
            pageCount: pages.count + (renderer.tagCount > 0 ? renderer.tagCount + 1 : 0) + (renderer.hasSearch ? 1 : 0) + 1,
            copiedCount: site.staticFiles.count + assetFiles.count,
            asOf: asOf.description, asOfSource: asOfSource.rawValue, basePath: config.basePath)
    }

    /// Generated paths (tags, assets) can collide with content paths too.
    static func firstClash(_ files: [OutputFile]) -> String? {
        var seen: Set<String> = []
        for file in files.sorted(by: { $0.path < $1.path }) where !seen.insert(file.path.lowercased()).inserted {
            return file.path
        }
        return nil
    }
}
