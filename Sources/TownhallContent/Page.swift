import TownhallDiagnostics
import TownhallMarkdown

/// A Markdown source turned into a page: front matter, body and what the first pass learnt.
public struct Page: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case home, section, page }

    /// The fields, in one box shared by copies: every stage that loops over the site copies
    /// pages, and a copy of fifteen fields was fifteen reference counts. A change to a shared
    /// page copies the box first. The accessors are inlinable, so another module reads one
    /// field in place: through a call, reading `frontMatter.date` copied the front matter.
    @usableFromInline var box: Box

    @usableFromInline final class Box: @unchecked Sendable {
        // Changed only through `unique()`, when no other page holds it.
        @usableFromInline var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline struct Fields: Sendable, Hashable {
        @usableFromInline var kind: Kind
        @usableFromInline var sourcePath: String
        @usableFromInline var displayPath: String
        @usableFromInline var sectionPath: String
        @usableFromInline var frontMatter: FrontMatter
        @usableFromInline var title: String
        @usableFromInline var description: String
        @usableFromInline var body: String
        @usableFromInline var bodyLineOffset: Int
        @usableFromInline var url: String
        @usableFromInline var markdownOptions: MarkdownOptions
        @usableFromInline var analysis: MarkdownAnalysis
        @usableFromInline var frontMatterYAML: String?
        @usableFromInline var searchKeywords: SearchKeywords?
        @usableFromInline var prerendered: PrerenderedBody?
    }

    @inlinable public var kind: Kind {
        _read { yield box.fields.kind }
        _modify { yield &unique().fields.kind }
    }

    /// Relative to the content folder, with `/`: `handbook/rules.md`. Empty for generated pages.
    @inlinable public var sourcePath: String {
        _read { yield box.fields.sourcePath }
        _modify { yield &unique().fields.sourcePath }
    }

    /// The path printed in diagnostics: `Content/handbook/rules.md`.
    @inlinable public var displayPath: String {
        _read { yield box.fields.displayPath }
        _modify { yield &unique().fields.displayPath }
    }

    /// The section (folder) the page belongs to; for a section page, its own folder.
    @inlinable public var sectionPath: String {
        _read { yield box.fields.sectionPath }
        _modify { yield &unique().fields.sectionPath }
    }

    @inlinable public var frontMatter: FrontMatter {
        _read { yield box.fields.frontMatter }
        _modify { yield &unique().fields.frontMatter }
    }

    @inlinable public var title: String {
        _read { yield box.fields.title }
        _modify { yield &unique().fields.title }
    }

    @inlinable public var description: String {
        _read { yield box.fields.description }
        _modify { yield &unique().fields.description }
    }

    @inlinable public var body: String {
        _read { yield box.fields.body }
        _modify { yield &unique().fields.body }
    }

    /// Lines of front matter above the body.
    @inlinable public var bodyLineOffset: Int {
        _read { yield box.fields.bodyLineOffset }
        _modify { yield &unique().fields.bodyLineOffset }
    }

    /// Output path relative to the site root, ending in `/` (`handbook/rules/`); `""` for home.
    @inlinable public var url: String {
        _read { yield box.fields.url }
        _modify { yield &unique().fields.url }
    }

    @inlinable public var markdownOptions: MarkdownOptions {
        _read { yield box.fields.markdownOptions }
        _modify { yield &unique().fields.markdownOptions }
    }

    @inlinable public var analysis: MarkdownAnalysis {
        _read { yield box.fields.analysis }
        _modify { yield &unique().fields.analysis }
    }

    /// The YAML between the front-matter fences, kept so that later stages (event pages)
    /// can read keys the page model does not know, with their exact positions.
    @inlinable public var frontMatterYAML: String? {
        _read { yield box.fields.frontMatterYAML }
        _modify { yield &unique().fields.frontMatterYAML }
    }

    /// The search index's further words, when the page was read from a file.
    @inlinable public var searchKeywords: SearchKeywords? {
        _read { yield box.fields.searchKeywords }
        _modify { yield &unique().fields.searchKeywords }
    }

    /// The body rendered while it was read, when it could be (see `PrerenderedBody`); pages
    /// taken from the build cache have none and render from `body`.
    @inlinable public var prerendered: PrerenderedBody? {
        _read { yield box.fields.prerendered }
        _modify { yield &unique().fields.prerendered }
    }

    @usableFromInline mutating func unique() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }

    public static func == (a: Page, b: Page) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    public init(
        kind: Kind, sourcePath: String, displayPath: String, sectionPath: String,
        frontMatter: FrontMatter, title: String, description: String, body: String,
        bodyLineOffset: Int, url: String, markdownOptions: MarkdownOptions,
        analysis: MarkdownAnalysis, frontMatterYAML: String? = nil
    ) {
        box = Box(Fields(
            kind: kind,
            sourcePath: sourcePath,
            displayPath: displayPath,
            sectionPath: sectionPath,
            frontMatter: frontMatter,
            title: title,
            description: description,
            body: body,
            bodyLineOffset: bodyLineOffset,
            url: url,
            markdownOptions: markdownOptions,
            analysis: analysis,
            frontMatterYAML: frontMatterYAML,
            searchKeywords: nil,
            prerendered: nil
        ))
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
    @inlinable public var lastChanged: CalendarDate? { frontMatter.updated ?? frontMatter.reviewed ?? frontMatter.date }
}
