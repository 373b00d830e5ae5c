import TownhallContent
import TownhallMarkdown
import TownhallTemplates

/// What a rendered page needs to be made again after an edit that changed its body and
/// nothing else the site shows of it: where its body-made values (`values`) landed in the
/// output, and where each of its links led. Recorded while the page renders.
public struct PageSplice: Sendable, Equatable {
    /// A link as the Markdown wrote it, and what the renderer made of it (nil: left as written).
    public struct Link: Sendable, Equatable {
        public var url: String
        public var isImage: Bool
        public var isCitation: Bool
        public var rewrite: LinkRewrite?

        public init(_ link: MarkdownLink, _ rewrite: LinkRewrite?) {
            self.init(url: link.url, isImage: link.isImage, isCitation: link.isCitation, rewrite: rewrite)
        }

        public init(url: String, isImage: Bool, isCitation: Bool, rewrite: LinkRewrite?) {
            self.url = url
            self.isImage = isImage
            self.isCitation = isCitation
            self.rewrite = rewrite
        }

        func matches(_ link: MarkdownLink) -> Bool {
            url == link.url && isImage == link.isImage && isCitation == link.isCitation
        }
    }

    public var slots: [TemplateSlot]
    public var links: [Link]

    public init(slots: [TemplateSlot], links: [Link]) {
        self.slots = slots
        self.links = links
    }

    /// The page's values that come from its body alone: its rendered `content`, word count
    /// and reading time (what `values(of:)` makes again after an edit).
    public static func bodyValues(content: TemplateData, page: Page) -> TemplateObject {
        [
            "content": content,
            "wordCount": .int(page.analysis.wordCount),
            "readingMinutes": .int(max(1, (page.analysis.wordCount + 199) / 200)),
        ]
    }

    /// The values of a page that come from its body alone, by slot name, rendered with the
    /// recorded links; nil when the body has a link the recording does not know (then the
    /// page must be rendered with the whole site).
    public func values(of page: Page) -> TemplateObject? {
        var known = true
        var next = 0
        let content = Markdown.render(page.body, options: page.markdownOptions, rewrite: { link in
            // Links come in document order, as when they were recorded.
            guard next < links.count, links[next].matches(link) else {
                known = false
                return nil
            }
            next += 1
            return links[next - 1].rewrite
        })
        guard known, next == links.count else { return nil }
        return Self.bodyValues(content: .string(content), page: page)
    }
}
