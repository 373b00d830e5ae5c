import TownhallDiagnostics
import TownhallMarkdown

/// A Markdown source turned into a page: front matter, body and what the first pass learnt.
public struct Page: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case home, section, page }

    public var kind: Kind
    /// Relative to the content folder, with `/`: `handbook/rules.md`. Empty for generated pages.
    public var sourcePath: String
    /// The path printed in diagnostics: `Content/handbook/rules.md`.
    public var displayPath: String
    /// The section (folder) the page belongs to; for a section page, its own folder.
    public var sectionPath: String
    public var frontMatter: FrontMatter
    public var title: String
    public var description: String
    public var body: String
    /// Lines of front matter above the body.
    public var bodyLineOffset: Int
    /// Output path relative to the site root, ending in `/` (`handbook/rules/`); `""` for home.
    public var url: String
    public var markdownOptions: MarkdownOptions
    public var analysis: MarkdownAnalysis
    /// The YAML between the front-matter fences, kept so that later stages (event pages)
    /// can read keys the page model does not know, with their exact positions.
    public var frontMatterYAML: String?
    /// The search index's further words, when the page was read from a file.
    public var searchKeywords: SearchKeywords?
    /// The body rendered while it was read, when it could be (see `PrerenderedBody`); pages
    /// taken from the build cache have none and render from `body`.
    public var prerendered: PrerenderedBody?

    public init(
        kind: Kind, sourcePath: String, displayPath: String, sectionPath: String,
        frontMatter: FrontMatter, title: String, description: String, body: String,
        bodyLineOffset: Int, url: String, markdownOptions: MarkdownOptions,
        analysis: MarkdownAnalysis, frontMatterYAML: String? = nil
    ) {
        self.kind = kind
        self.sourcePath = sourcePath
        self.displayPath = displayPath
        self.sectionPath = sectionPath
        self.frontMatter = frontMatter
        self.title = title
        self.description = description
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        self.url = url
        self.markdownOptions = markdownOptions
        self.analysis = analysis
        self.frontMatterYAML = frontMatterYAML
    }

    /// Location of a position in the body, in file terms.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: displayPath, line: line > 0 ? line + bodyLineOffset : 0, column: column)
    }

    /// Weight first (unweighted pages last), then title, then path: a total order.
    public static func precedes(_ a: Page, _ b: Page) -> Bool {
        let wa = a.frontMatter.weight ?? Int.max
        let wb = b.frontMatter.weight ?? Int.max
        if wa != wb { return wa < wb }
        let ta = a.title.lowercased(), tb = b.title.lowercased()
        if ta != tb { return ta < tb }
        return a.sourcePath < b.sourcePath
    }

    /// The date shown as "last updated": updated, else reviewed, else date.
    public var lastChanged: CalendarDate? { frontMatter.updated ?? frontMatter.reviewed ?? frontMatter.date }
}
