import Ccmark
#if canImport(Glibc)
import Glibc
#endif

extension Markdown {
    /// The first pass and the rendering, from one parse: the analysis, the readable text (as
    /// UTF-8 bytes: the search keywords read it so, and a `String` of it was checked again), and
    /// the body rendered with a marker for each link whose URL `rewritable` accepts (nil when
    /// the page cannot be prerendered: raw HTML allowed, figures embedded, or a link of its
    /// own that could pass for a marker). Render it with `fill`.
    public static func analyseAndPrerender(
        _ source: String, options: MarkdownOptions, rewritable: (String) -> Bool
    ) -> (analysis: MarkdownAnalysis, text: [UInt8], body: PrerenderedBody?) {
        withoutActuallyEscaping(rewritable) { rewritable in
            analyse(source, options: options, collectText: true, prerender: rewritable)
        }
    }

    /// What `render` gives for the body, as UTF-8 bytes, with `rewrites[k]` for the link
    /// `body.links[k]` (the order `render` passes links to its `rewrite`); nil when a rewrite
    /// is one the first pass left no place for (a link it did not mark, or text for a link
    /// that is not a citation), which only `render` can then apply.
    public static func fill(_ body: PrerenderedBody, links: [MarkdownLink], rewrites: [LinkRewrite?]) -> [UInt8]? {
        precondition(rewrites.count == body.links.count, "one rewrite per rendered link")
        var marked = [Bool](repeating: false, count: rewrites.count)
        for marker in body.markers {
            marked[marker.link] = true
            if rewrites[marker.link]?.citationText != nil, marker.citation == nil { return nil }
        }
        for k in rewrites.indices where rewrites[k] != nil && !marked[k] { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(body.html.count + 64 * body.markers.count)
        var at = 0
        body.html.withUnsafeBufferPointer { html in
            for marker in body.markers {
                out.append(contentsOf: html[at..<marker.start])
                let rewrite = rewrites[marker.link]
                appendURL(rewrite?.url ?? links[body.links[marker.link]].url, to: &out)
                at = marker.end
                if let citation = marker.citation, let text = rewrite?.citationText {
                    out.append(contentsOf: html[at..<citation])
                    appendText(text, to: &out)
                    at = citation + 2  // the two bytes of `§`
                }
            }
            out.append(contentsOf: html[at...])
        }
        return out
    }

    /// After the first pass has read the tree: makes the changes `render` makes (leading
    /// title dropped, headings given ids and anchors), with markers for the URLs of the links
    /// `rewritable` accepts, and renders it.
    static func prerender(
        _ doc: OpaquePointer, options: MarkdownOptions, leading: OpaquePointer?,
        headings: [(node: OpaquePointer, heading: Heading)], links: [MarkdownLink], linkNodes: [OpaquePointer],
        rewritable: (String) -> Bool
    ) -> PrerenderedBody? {
        guard !options.unsafe else { return nil }
        for link in links {
            var url = link.url
            let forged = url.withUTF8 { bytes in
                bytes.contains(1) || find(PrerenderedBody.prefix, in: UnsafeRawBufferPointer(bytes), from: 0) != nil
            }
            if forged { return nil }
        }
        var dropped: Set<OpaquePointer> = []
        if options.dropLeadingTitle, let leading {
            walk(leading) { node, entering in if entering { dropped.insert(node) } }
            cmark_node_free(leading)
        }
        var rendered: [Int] = []
        var planned: [(link: Int, citation: Bool, image: Bool)] = []
        for (i, node) in linkNodes.enumerated() where !dropped.contains(node) {
            rendered.append(i)
            let url = links[i].url
            guard rewritable(url), !isDangerous(url) else { continue }
            cmark_node_set_url(node, "\u{1}\(planned.count)")
            planned.append((rendered.count - 1, links[i].isCitation, links[i].isImage))
        }
        for item in headings where !dropped.contains(item.node) {
            replaceHeading(item.node, with: item.heading)
        }
        // Made in the document's arena, and freed with it.
        guard let html = cmark_render_html(doc, cmarkOptions(options)) else { return nil }
        let bytes = focusableCodeBlockBytes(html)
        guard let markers = findMarkers(bytes, planned: planned) else { return nil }
        return PrerenderedBody(html: bytes, links: rendered, markers: markers)
    }

    /// Where each planned marker landed: `href="%01N"` or `src="%01N"`, N counting up from 0,
    /// one for each plan; nil when the HTML holds anything else that looks like one.
    static func findMarkers(_ html: [UInt8], planned: [(link: Int, citation: Bool, image: Bool)]) -> [PrerenderedBody.Marker]? {
        let needle = Array("=\"%01".utf8)
        var markers: [PrerenderedBody.Marker] = []
        let found: Bool = html.withUnsafeBufferPointer { bytes in
            var from = 0
            while let at = find(needle, in: UnsafeRawBufferPointer(bytes), from: from) {
                let attribute = at >= 4 && Array(bytes[at - 4..<at]) == Array("href".utf8)
                    || at >= 3 && Array(bytes[at - 3..<at]) == Array("src".utf8)
                var end = at + needle.count
                var number = 0
                while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39, end - at < 12 {
                    number = number * 10 + Int(bytes[end] - 0x30)
                    end += 1
                }
                guard attribute, end > at + needle.count, end < bytes.count, bytes[end] == 0x22,
                      number == markers.count, number < planned.count else { return false }
                var citation: Int?
                if planned[number].citation, planned[number].image {
                    // `<img src="…" alt="§"`: the citation's text is the image's description.
                    let alt = Array(" alt=\"§\"".utf8)
                    guard end + 1 + alt.count <= bytes.count, Array(bytes[end + 1..<end + 1 + alt.count]) == alt else { return false }
                    citation = end + 7
                } else if planned[number].citation {
                    // `<a href="…" title="…">§</a>`: a title cannot hold `>` (it is escaped).
                    guard let close = bytes[end...].firstIndex(of: 0x3E), close + 2 < bytes.count,
                          bytes[close + 1] == 0xC2, bytes[close + 2] == 0xA7 else { return false }
                    citation = close + 1
                }
                markers.append(PrerenderedBody.Marker(start: at + 2, end: end, link: planned[number].link, citation: citation))
                from = end
            }
            return markers.count == planned.count
        }
        return found ? markers : nil
    }

    /// Where `needle` (not empty) first occurs in `bytes` at or after `start`.
    static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var i = start
        while i + needle.count <= bytes.count, let hit = memchr(base + i, Int32(needle[0]), bytes.count - i) {
            i = UnsafeRawPointer(hit) - base
            guard i + needle.count <= bytes.count else { return nil }
            if memcmp(base + i, needle, needle.count) == 0 { return i }
            i += 1
        }
        return nil
    }

    /// A URL as cmark writes it in `href` and `src` (its `houdini_escape_href`): reserved
    /// and unreserved characters as they are, `&` and `'` as entities, the rest as `%XX`.
    static func appendURL(_ url: String, to out: inout [UInt8]) {
        if isDangerous(url) { return }  // safe mode writes no dangerous URL
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "'"): out += "&#x27;".utf8
            case _ where hrefSafe[Int(byte)]: out.append(byte)
            default: out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
    }

    private static let hrefSafe: [Bool] = (0..<256).map { b in
        let c = UInt8(b)
        return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            || Array("-_.+!*(),%#@?=;:/$~".utf8).contains(c)
    }

    /// Text as cmark writes it (its `escape_html`): `"`, `&`, `<` and `>` as entities.
    static func appendText(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            default: out.append(byte)
            }
        }
    }

    /// cmark's `_scan_dangerous_url`: `javascript:`, `vbscript:`, `file:` and `data:` (but
    /// for PNG, GIF, JPEG and WebP images), in any case.
    static func isDangerous(_ url: String) -> Bool {
        let lower = url.utf8.prefix(16).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        func starts(_ s: String) -> Bool { lower.starts(with: s.utf8) }
        if starts("javascript:") || starts("vbscript:") || starts("file:") { return true }
        guard starts("data:") else { return false }
        return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: starts)
    }
}
