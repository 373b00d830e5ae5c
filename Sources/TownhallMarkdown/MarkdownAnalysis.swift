/// What a first pass over a document learns without rendering it.
public struct MarkdownAnalysis: Sendable, Hashable {
    public var headings: [Heading]
    public var links: [MarkdownLink]
    /// Text of a `#` heading that opens the document, if any.
    public var leadingTitle: String?
    /// Plain text of the first paragraph, for a summary when no description is given.
    public var firstParagraph: String?
    public var wordCount: Int
    /// Figure, chart and table requests (`chart` blocks, `{{name}}` spans), in order.
    public var embeds: [MarkdownEmbed]

    public init(
        headings: [Heading], links: [MarkdownLink], leadingTitle: String?, firstParagraph: String?, wordCount: Int,
        embeds: [MarkdownEmbed] = []
    ) {
        self.headings = headings
        self.links = links
        self.leadingTitle = leadingTitle
        self.firstParagraph = firstParagraph
        self.wordCount = wordCount
        self.embeds = embeds
    }

    public static let empty = MarkdownAnalysis(headings: [], links: [], leadingTitle: nil, firstParagraph: nil, wordCount: 0)
}
