/// A folder of content: its own page, its pages and its sub-sections, each in site order.
public struct Section: Sendable, Hashable {
    /// Folder relative to the content root; `""` for the root.
    public var path: String
    /// Index into `SiteContent.pages` of the section's own page.
    public var page: Int
    /// Regular pages, ordered by weight then title.
    public var pages: [Int]
    /// Paths of sub-sections, ordered by their pages' weight then title.
    public var subsections: [String]
    public var parent: String?
}
