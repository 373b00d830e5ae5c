import Ccmark

extension Markdown {
    /// The readable text of a document, for search: paragraphs, headings, list items, quotes
    /// and inline code, one block a line. Code blocks and raw HTML are left out; the leading
    /// `#` title is dropped when `options.dropLeadingTitle` is set, as on the rendered page.
    public static func text(_ source: String, options: MarkdownOptions = .init()) -> String {
        withDocument(source, options: options) { doc in
            var collector = TextCollector(skip: options.dropLeadingTitle ? leadingTitleNode(doc) : nil)
            walk(doc) { node, entering in collector.visit(node, entering: entering) }
            return collector.out
        }
    }
}

/// Gathers the readable text of a tree during a walk (see `Markdown.text`).
struct TextCollector {
    /// A node left out with everything under it (the leading title).
    let skip: OpaquePointer?
    private(set) var out = ""
    private var skipping = false

    init(skip: OpaquePointer?) {
        self.skip = skip
    }

    mutating func visit(_ node: OpaquePointer, entering: Bool) {
        if node == skip {
            skipping = entering
            return
        }
        guard !skipping else { return }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            if entering { out += Markdown.literal(node) }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            if entering { out += " " }
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            if !entering, !out.isEmpty, out.last != "\n" { out += "\n" }
        default: break
        }
    }
}
