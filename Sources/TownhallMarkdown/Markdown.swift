import Foundation
import Ccmark
import CmarkArena
#if canImport(Glibc)
import Glibc
#endif

/// The cmark wrapper. Each call parses, works on the tree and frees it before returning,
/// so no cmark type escapes this module.
public enum Markdown {
    /// First pass: headings (with ids and numbers), links and the leading title.
    public static func analyse(_ source: String, options: MarkdownOptions = .init()) -> MarkdownAnalysis {
        analyse(source, options: options, collectText: false, prerender: nil).analysis
    }

    /// The first pass; with `collectText`, the readable text's UTF-8 bytes; with `prerender`,
    /// the body rendered (see `analyseAndPrerender`). One parse for all three.
    static func analyse(
        _ source: String, options: MarkdownOptions, collectText: Bool, prerender rewritable: ((String) -> Bool)?
    ) -> (analysis: MarkdownAnalysis, text: [UInt8], body: PrerenderedBody?) {
        withDocument(source, options: options) { doc in
            let leading = leadingTitleNode(doc)
            let headings = assignHeadings(doc, options: options, skipping: options.dropLeadingTitle ? leading : nil)
            var links: [MarkdownLink] = []
            var firstParagraph: String?
            var words = 0
            var embeds: [MarkdownEmbed] = []
            var linkNodes: [OpaquePointer] = []
            var text = TextCollector(skip: collectText ? (options.dropLeadingTitle ? leading : nil) : nil)
            walk(doc) { node, entering in
                if collectText { text.visit(node, entering: entering) }
                guard entering else { return }
                if let embed = embed(node) { embeds.append(embed) }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    links.append(link(node))
                    if rewritable != nil { linkNodes.append(node) }
                case CMARK_NODE_PARAGRAPH where firstParagraph == nil:
                    firstParagraph = plainText(node)
                case CMARK_NODE_TEXT:
                    words += wordCount(cmark_node_get_literal(node))
                default: break
                }
            }
            let analysis = MarkdownAnalysis(
                headings: headings.map(\.heading),
                links: links,
                leadingTitle: leading.map(plainText),
                firstParagraph: firstParagraph,
                wordCount: words,
                embeds: embeds
            )
            guard let rewritable, embeds.isEmpty else { return (analysis, text.bytes, nil) }
            let body = prerender(
                doc, options: options, leading: leading, headings: headings, links: links, linkNodes: linkNodes, rewritable: rewritable)
            return (analysis, text.bytes, body)
        }
    }

    /// Second pass: HTML with heading ids and anchors, rule numbers, every link passed
    /// through `rewrite` (return nil to leave a link as written), and every figure request
    /// passed to `embed` (return the HTML to show instead, or nil to leave it as code).
    public static func render(
        _ source: String,
        options: MarkdownOptions = .init(),
        rewrite: (MarkdownLink) -> LinkRewrite? = { _ in nil },
        embed: ((MarkdownEmbed) -> String?)? = nil
    ) -> String {
        withDocument(source, options: options) { doc in
            let leading = leadingTitleNode(doc)
            if options.dropLeadingTitle, let leading {
                cmark_node_free(leading)
            }
            // Ids come from the text as written, before citations fill in link text, so they
            // match the ids the first pass gave to the link checker.
            let headings = assignHeadings(doc, options: options, skipping: nil)
            var linkNodes: [OpaquePointer] = []
            var embedNodes: [(OpaquePointer, MarkdownEmbed)] = []
            walk(doc) { node, entering in
                let type = cmark_node_get_type(node)
                if entering, type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { linkNodes.append(node) }
                if entering, embed != nil, let request = Self.embed(node) { embedNodes.append((node, request)) }
            }
            if let embed {
                for (node, request) in embedNodes {
                    if let html = embed(request) { replaceEmbed(node, with: html) }
                }
            }
            for node in linkNodes {
                guard let change = rewrite(link(node)) else { continue }
                cmark_node_set_url(node, change.url)
                if let text = change.citationText, let child = cmark_node_first_child(node) {
                    cmark_node_set_literal(child, text)
                }
            }
            for item in headings {
                replaceHeading(item.node, with: item.heading)
            }
            // Made in the document's arena, and freed with it.
            guard let html = cmark_render_html(doc, cmarkOptions(options)) else { return "" }
            // Code blocks scroll sideways; keyboard users must be able to reach them.
            return Self.focusableCodeBlocks(html)
        }
    }

    /// cmark's HTML with `<pre>` made `<pre tabindex="0">`, on the C string's bytes:
    /// Foundation's `replacingOccurrences` cost more than cmark's rendering here.
    static func focusableCodeBlocks(_ html: UnsafeMutablePointer<CChar>) -> String {
        guard strstr(html, "<pre>") != nil else { return String(cString: html) }
        return String(decoding: focusableCodeBlockBytes(html), as: UTF8.self)
    }

    static func focusableCodeBlockBytes(_ html: UnsafeMutablePointer<CChar>) -> [UInt8] {
        let bytes = UnsafeRawBufferPointer(start: html, count: strlen(html))
        let open = Array("<pre>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var at = 0
        // Copied as typed bytes: a slice of raw bytes was appended a byte at a time.
        let typed = UnsafeBufferPointer(start: UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self), count: bytes.count)
        while let hit = find(open, in: bytes, from: at) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: typed[at..<hit]))
            out.append(literal: "<pre tabindex=\"0\">")
            at = hit + open.count
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: typed[at...]))
        return out
    }

    // MARK: - Tree helpers

    static func cmarkOptions(_ options: MarkdownOptions) -> Int32 {
        var flags = CMARK_OPT_SOURCEPOS & 0 // positions are read from nodes, not printed
        if options.unsafe { flags |= CMARK_OPT_UNSAFE }
        if options.smart { flags |= CMARK_OPT_SMART }
        return flags
    }

    /// Parses `source` into the calling thread's arena (see `CmarkArena`), where everything
    /// cmark makes for the document lives until `body` returns: then it all goes at once,
    /// without a walk of the tree to free it. Nodes made for the tree must come from `arena`.
    static func withDocument<T>(_ source: String, options: MarkdownOptions, _ body: (OpaquePointer) -> T) -> T {
        let mark = townhall_arena_here()
        defer { townhall_arena_release(mark) }
        // Without CMARK_OPT_VALIDATE_UTF8: a `String` is valid UTF-8 already, and cmark's
        // check of every line again was 2 % of a build's instructions.
        guard let parser = cmark_parser_new_with_mem(cmarkOptions(options), arena) else {
            fatalError("cmark_parser_new_with_mem returned NULL (out of memory)")
        }
        var source = source
        source.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let doc = cmark_parser_finish(parser)
        cmark_parser_free(parser)
        guard let doc else { fatalError("cmark_parser_finish returned NULL (out of memory)") }
        return body(doc)
    }

    /// libcmark's allocator for documents: the calling thread's arena.
    static var arena: UnsafeMutablePointer<cmark_mem> { UnsafeMutablePointer(OpaquePointer(townhall_arena_allocator())) }

    static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer, Bool) -> Void) {
        guard let iter = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            visit(node, event == CMARK_EVENT_ENTER)
        }
    }

    static func literal(_ node: OpaquePointer) -> String {
        guard let ptr = cmark_node_get_literal(node) else { return "" }
        return String(cString: ptr)
    }

    /// Text of a node without markup: text, code, and breaks as spaces.
    static func plainText(_ node: OpaquePointer) -> String {
        // Bytes gathered, one `String` made (not one per text node).
        var bytes: [UInt8] = []
        walk(node) { child, entering in
            guard entering else { return }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let text = cmark_node_get_literal(child) {
                    bytes.append(contentsOf: UnsafeRawBufferPointer(start: text, count: strlen(text)))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: bytes.append(0x20)
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Words of a text node, counted on cmark's own bytes (no `String` is made): runs of bytes
    /// other than space, tab, line feed and carriage return. Eight bytes at a time (every text
    /// node of every page comes through here): a word starts at each byte that is not a space
    /// where the byte before it was.
    static func wordCount(_ text: UnsafePointer<CChar>?) -> Int {
        guard let text else { return 0 }
        let n = strlen(text)
        let raw = UnsafeRawPointer(text)
        var count = 0
        var previousWord: UInt64 = 0  // high bit set for the last byte when it was not a space
        var i = 0
        while i + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let space = ByteWords.equal(word, 32) | ByteWords.equal(word, 10) | ByteWords.equal(word, 9) | ByteWords.equal(word, 13)
            let letters = ~space & ByteWords.highs
            // Little-endian: the byte before each byte is 8 bits lower.
            let before = letters << 8 | previousWord >> 56
            count += (letters & ~before).nonzeroBitCount
            previousWord = letters
            i += 8
        }
        var inWord = previousWord >> 63 == 1
        while i < n {
            let byte = UInt8(bitPattern: text[i])
            let space = byte == 32 || byte == 10 || byte == 9 || byte == 13
            if !space && !inWord { count += 1 }
            inWord = !space
            i += 1
        }
        return count
    }

    static func link(_ node: OpaquePointer) -> MarkdownLink {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let first = cmark_node_first_child(node)
        let isCitation = first != nil && cmark_node_next(first) == nil
            && cmark_node_get_type(first) == CMARK_NODE_TEXT && literal(first!) == "§"
        var line = Int(cmark_node_get_start_line(node))
        var column = Int(cmark_node_get_start_column(node))
        if line == 0 {
            // Older cmark gives inlines no position: fall back to the enclosing block.
            var parent = cmark_node_parent(node)
            while let p = parent, cmark_node_get_start_line(p) == 0 { parent = cmark_node_parent(p) }
            line = parent.map { Int(cmark_node_get_start_line($0)) } ?? 0
            column = parent.map { Int(cmark_node_get_start_column($0)) } ?? 0
        }
        return MarkdownLink(
            url: url, isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE,
            isCitation: isCitation, line: line, column: column
        )
    }

    static func leadingTitleNode(_ doc: OpaquePointer) -> OpaquePointer? {
        guard let first = cmark_node_first_child(doc),
              cmark_node_get_type(first) == CMARK_NODE_HEADING,
              cmark_node_get_heading_level(first) == 1 else { return nil }
        return first
    }
}
