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
        var used: Set<String> = []
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
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        let tag = "h\(heading.level)"
        var enter = "<\(tag) id=\"\(HTMLEscape.attribute(heading.id))\">"
        if let number = heading.number, let anchor = heading.numberAnchor {
            enter += "<span class=\"rule-number\" id=\"\(anchor)\">§\(number)</span>"
        }
        let exit = "<a class=\"heading-anchor\" href=\"#\(HTMLEscape.attribute(heading.id))\" "
            + "aria-label=\"Link to “\(HTMLEscape.attribute(heading.text))”\">#</a></\(tag)>\n"
        cmark_node_set_on_enter(block, enter)
        cmark_node_set_on_exit(block, exit)
        while let child = cmark_node_first_child(node) {
            cmark_node_append_child(block, child)
        }
        cmark_node_insert_before(node, block)
        cmark_node_free(node)
    }
}
