import Ccmark

extension Markdown {
    /// Gives every heading its id (explicit `{#id}` or slug, de-duplicated in document
    /// order) and, on numbered pages, its rule number. Both passes call this, so the ids
    /// links are checked against are the ids that get rendered.
    static func assignHeadings(
        _ doc: OpaquePointer, options: MarkdownOptions, skipping skipped: OpaquePointer?
    ) -> [(node: OpaquePointer, heading: Heading)] {
        var nodes: [OpaquePointer] = []
        walk(doc) { node, entering in
            if entering, cmark_node_get_type(node) == CMARK_NODE_HEADING, node != skipped { nodes.append(node) }
        }
        var used = SmallStringSet()
        var section = 0
        var rule = 0
        return nodes.map { node in
            let level = Int(cmark_node_get_heading_level(node))
            var text = plainText(node)
            var id = HeadingSlug.make(text)
            if let last = cmark_node_last_child(node), cmark_node_get_type(last) == CMARK_NODE_TEXT,
               let explicit = HeadingSlug.explicitID(in: literal(last)) {
                cmark_node_set_literal(last, explicit.text)
                text = plainText(node)
                id = explicit.id
            }
            var unique = id
            var n = 0
            while used.contains(unique) {
                n += 1
                unique = "\(id)-\(n)"
            }
            used.insert(unique)
            var number: String?
            if options.numbered {
                if level == 2 {
                    section += 1
                    rule = 0
                    number = "\(section)"
                } else if level == 3, section > 0 {
                    rule += 1
                    number = "\(section).\(rule)"
                }
            }
            let heading = Heading(
                level: level, text: text, id: unique, number: number,
                numberAnchor: number.map { "s" + $0.replacingOccurrences(of: ".", with: "-") },
                line: Int(cmark_node_get_start_line(node))
            )
            return (node, heading)
        }
    }

    /// Swaps a heading node for a custom block that writes `<hN id=…>` with an anchor link,
    /// keeping the heading's inline children (so they are still rendered safely by cmark).
    static func replaceHeading(_ node: OpaquePointer, with heading: Heading) {
        guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, arena) else { return }
        // Written as C strings' bytes, literals copied whole: interpolated `String`s, and
        // then literals appended through their `String` views, were most of this call, which
        // runs for every heading of every page. A heading's level is one digit, 1 to 6.
        let tag = UInt8(0x30 + heading.level)
        var enter: [UInt8] = []
        enter.reserveCapacity(64)
        enter.append(literal: "<h")
        enter.append(tag)
        enter.append(literal: " id=\"")
        HTMLEscape.append(heading.id, to: &enter)
        enter.append(literal: "\">")
        if let number = heading.number, let anchor = heading.numberAnchor {
            enter.append(literal: "<span class=\"rule-number\" id=\"")
            HTMLEscape.append(anchor, to: &enter)
            enter.append(literal: "\">§")
            HTMLEscape.append(number, to: &enter)
            enter.append(literal: "</span>")
        }
        enter.append(0)
        var exit: [UInt8] = []
        exit.reserveCapacity(96 + heading.text.utf8.count)
        exit.append(literal: "<a class=\"heading-anchor\" href=\"#")
        HTMLEscape.append(heading.id, to: &exit)
        exit.append(literal: "\" aria-label=\"Link to “")
        HTMLEscape.append(heading.text, to: &exit)
        exit.append(literal: "”\">#</a></h")
        exit.append(tag)
        exit.append(literal: ">\n")
        exit.append(0)
        enter.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_on_enter(block, $0.baseAddress) } }
        exit.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_on_exit(block, $0.baseAddress) } }
        while let child = cmark_node_first_child(node) {
            cmark_node_append_child(block, child)
        }
        cmark_node_insert_before(node, block)
        cmark_node_free(node)
    }
}
