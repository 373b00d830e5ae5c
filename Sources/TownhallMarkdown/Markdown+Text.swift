import Ccmark
#if canImport(Glibc)
import Glibc
#endif

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

/// Gathers the readable text of a tree during a walk (see `Markdown.text`). The literals'
/// bytes are gathered and made one `String` at the end: a `String` per text node was a
/// percent of a 10,000-page build.
struct TextCollector {
    /// A node left out with everything under it (the leading title).
    let skip: OpaquePointer?
    /// The text's UTF-8 bytes, valid as they are: cmark's literals are (it checks its input).
    private(set) var bytes: [UInt8] = []
    private var skipping = false

    init(skip: OpaquePointer?) {
        self.skip = skip
    }

    var out: String { String(decoding: bytes, as: UTF8.self) }

    mutating func visit(_ node: OpaquePointer, entering: Bool) {
        if node == skip {
            skipping = entering
            return
        }
        guard !skipping else { return }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            if entering, let literal = cmark_node_get_literal(node) {
                bytes.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
            }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            if entering { bytes.append(0x20) }
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            // Unless the text ends with a line feed (a `Character` of its own unless a carriage
            // return comes before it).
            let endsLine = bytes.last == 0x0A && (bytes.count < 2 || bytes[bytes.count - 2] != 0x0D)
            if !entering, !bytes.isEmpty, !endsLine { bytes.append(0x0A) }
        default: break
        }
    }
}
