/// A link or image destination found in a Markdown document.
public struct MarkdownLink: Sendable, Hashable {
    public var url: String
    public var isImage: Bool
    /// True when the link text is exactly `§`: a citation the renderer fills in.
    public var isCitation: Bool
    /// 1-based position in the Markdown body.
    public var line: Int
    public var column: Int

    public init(url: String, isImage: Bool, isCitation: Bool, line: Int, column: Int) {
        self.url = url
        self.isImage = isImage
        self.isCitation = isCitation
        self.line = line
        self.column = column
    }
}

/// What to do with a link when rendering: a new destination and, for a citation, its text.
public struct LinkRewrite: Sendable, Hashable {
    public var url: String
    public var citationText: String?

    public init(url: String, citationText: String? = nil) {
        self.url = url
        self.citationText = citationText
    }
}
