import Ccmark

extension Markdown {
    /// The figure request a node makes, if any: a `chart`/`table`/`figure` code block or a
    /// `{{name}}` code span.
    static func embed(_ node: OpaquePointer) -> MarkdownEmbed? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            guard let kind = MarkdownEmbed.blockKind(info: info) else { return nil }
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            var names: [MarkdownEmbed.Name] = []
            for (i, text) in literal(node).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let name = text.trimmingSpaces()
                guard !name.isEmpty else { continue }
                let indent = text.prefix { $0 == " " || $0 == "\t" }.count
                // Content starts on the line after the opening fence.
                names.append(MarkdownEmbed.Name(name: String(name), line: line + 1 + i, column: column + indent))
            }
            return MarkdownEmbed(kind: kind, names: names, line: line, column: column)
        case CMARK_NODE_CODE:
            guard let name = MarkdownEmbed.inlineName(literal(node)) else { return nil }
            // An image's description is written as plain alt text, where HTML has no place:
            // a `{{name}}` there stays as written.
            var ancestor = cmark_node_parent(node)
            while let a = ancestor {
                if cmark_node_get_type(a) == CMARK_NODE_IMAGE { return nil }
                ancestor = cmark_node_parent(a)
            }
            var line = Int(cmark_node_get_start_line(node))
            var column = Int(cmark_node_get_start_column(node))
            if line == 0 {
                // Older cmark gives inlines no position: fall back to the enclosing block.
                var parent = cmark_node_parent(node)
                while let p = parent, cmark_node_get_start_line(p) == 0 { parent = cmark_node_parent(p) }
                line = parent.map { Int(cmark_node_get_start_line($0)) } ?? 0
                column = parent.map { Int(cmark_node_get_start_column($0)) } ?? 0
            }
            return MarkdownEmbed(kind: .inline, names: [MarkdownEmbed.Name(name: name, line: line, column: column)], line: line, column: column)
        default:
            return nil
        }
    }

    /// Puts `html` in the place of an embed node: a custom block for a code block, a custom
    /// inline for a code span. cmark writes custom nodes as they are, so safe mode still
    /// applies to everything else on the page.
    static func replaceEmbed(_ node: OpaquePointer, with html: String) {
        let isBlock = cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK
        guard let custom = cmark_node_new_with_mem(isBlock ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE, arena) else { return }
        cmark_node_set_on_enter(custom, html)
        cmark_node_set_on_exit(custom, "")
        cmark_node_insert_before(node, custom)
        cmark_node_free(node)
    }
}
