import TownhallDiagnostics

/// The front matter of a page: the keys Townhall understands, typed, and every other key
/// kept for templates as `params`.
public struct FrontMatter: Sendable, Hashable {
    public var title: String?
    public var description: String?
    public var weight: Int?
    public var date: CalendarDate?
    public var updated: CalendarDate?
    public var reviewed: CalendarDate?
    public var draft = false
    public var slug: String?
    public var tags: [String] = []
    public var layout: String?
    public var toc: Bool?
    /// Number `##`/`###` headings as rules (§N, §N.M).
    public var numbered = false
    /// Unknown keys, sorted by key for deterministic output.
    public var params: [String: FrontMatterValue] = [:]
    /// Where each key was written, for errors found later (an unknown layout, say).
    public var keyLocations: [String: SourceLocation] = [:]

    public init() {}
}
