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
        // Found by their `%`, which HTML holds far fewer of than the `=` they start with.
        let tail = Array(needle[2...])
        var markers: [PrerenderedBody.Marker] = []
        let found: Bool = html.withUnsafeBufferPointer { bytes in
            var from = 0
            while let hit = find(tail, in: UnsafeRawBufferPointer(bytes), from: from) {
                guard hit >= 2, bytes[hit - 2] == needle[0], bytes[hit - 1] == needle[1] else {
                    from = hit + 1
                    continue
                }
                let at = hit - 2
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
    /// Runs of bytes kept as they are are copied whole (a byte at a time, this was most of
    /// filling a page's links in).
    static func appendURL(_ url: String, to out: inout [UInt8]) {
        var url = url
        url.withUTF8 { bytes in
            if isDangerous(bytes) { return }  // safe mode writes no dangerous URL
            var run = 0
            for (i, byte) in bytes.enumerated() where !isHrefSafe(byte) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                switch byte {
                case UInt8(ascii: "&"): out.append(literal: "&amp;")
                case UInt8(ascii: "'"): out.append(literal: "&#x27;")
                default:
                    out.append(UInt8(ascii: "%"))
                    out.append(hexDigit(byte >> 4))
                    out.append(hexDigit(byte & 15))
                }
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }

    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x37 + nibble
    }

    @inline(__always)
    private static func isHrefSafe(_ c: UInt8) -> Bool {
        switch c {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "!"),
             UInt8(ascii: "*"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "%"),
             UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: ";"),
             UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "$"), UInt8(ascii: "~"):
            return true
        default: return false
        }
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
        var url = url
        return url.withUTF8 { isDangerous($0) }
    }

    /// `isDangerous` on the URL's bytes: most URLs are told apart by their first byte,
    /// without the lowercased copy it compared before.
    static func isDangerous(_ url: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
        switch url.first.map(lower) {
        case UInt8(ascii: "j")?, UInt8(ascii: "v")?, UInt8(ascii: "f")?, UInt8(ascii: "d")?: break
        default: return false
        }
        func starts(_ prefix: StaticString) -> Bool {
            prefix.withUTF8Buffer { p in
                p.count <= url.count && p.indices.allSatisfy { lower(url[$0]) == p[$0] }
            }
        }
        if starts("javascript:") || starts("vbscript:") || starts("file:") { return true }
        guard starts("data:") else { return false }
        return !(starts("data:image/png") || starts("data:image/gif") || starts("data:image/jpeg") || starts("data:image/webp"))
    }
}
