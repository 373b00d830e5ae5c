import Foundation
import TownhallContent
import TownhallData
import TownhallDiagnostics
import TownhallMarkdown
import TownhallServer
import TownhallTemplates

enum Targets {
    static let all: [FuzzTarget] = [frontMatter, markdown, links, requestPath, dataFiles, community, templates]

    /// A theme template (a site's `_templates/` are input too): parsing gives a template or
    /// an error with a position inside the text, and rendering it, as a page and as a
    /// partial of itself (with a depth guard on the data, not on the template), terminates.
    static let templates = FuzzTarget(name: "templates") { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        let template: Template
        do throws(TemplateSyntaxError) {
            template = try Template(text)
        } catch {
            // Lines as the parser counts them: any newline character ends one (themes are read
            // with CR and CRLF turned into LF first).
            // (Counted one by one: a filtered String would join a CR and an LF into one.)
            let lines = text.reduce(1) { $0 + ($1.isNewline ? 1 : 0) }
            precondition(error.line >= 1 && error.line <= lines && error.column >= 1, "error outside the text")
            return
        }
        // Recursion through partials is the theme's to avoid (as in any Mustache engine), so
        // the template is registered under a name it is unlikely to use.
        var library = TemplateLibrary()
        library.register(template, named: "fuzz-page-\(bytes.count)")
        library.register(try! Template("{{x}}"), named: "p")
        let data: TemplateData = [
            "x": "<&\"'>", "list": [["a": 1], ["a": .double(2.5)], "s"], "flag": true, "empty": [],
            "nested": ["list": [true, false], "text": .text("")],
        ]
        _ = library.render(data, withTemplate: "fuzz-page-\(bytes.count)")
        checkSlots(library, name: "fuzz-page-\(bytes.count)")
        checkMemo(library, name: "fuzz-page-\(bytes.count)")
    }

    /// A memo (see `TemplateMemo`) never changes a render: values reused under one key, whose
    /// sections may or may not read outside them, render as they do without it, twice over.
    static func checkMemo(_ library: TemplateLibrary, name: String) {
        func data(_ x: String) -> TemplateData {
            let item: TemplateData = .reusable("item", ["a": 1, "s": "<i>"])
            return [
                "x": .string(x), "list": [item, .reusable("x=" + x, ["x": .string(x)]), item, "s"], "flag": .reusable("flag", true),
                "nested": .reusable("nested", ["list": [item, .reusable("f", false)], "text": .text("")]),
            ]
        }
        let memo = TemplateMemo()
        for x in ["one & two", "three", "one & two"] {
            precondition(library.render(data(x), withTemplate: name, memo: memo) == library.render(data(x), withTemplate: name),
                         "a memo changes nothing")
        }
    }

    /// Slots (see `TemplateSlot`) render as their values, and replacing each recorded range
    /// with a new value laid out the same way gives what rendering the new values gives.
    static func checkSlots(_ library: TemplateLibrary, name: String) {
        func data(_ x: TemplateData, _ n: TemplateData, slots: Bool) -> TemplateData {
            [
                "x": slots ? .slot("x", x) : x, "n": slots ? .slot("n", n) : n,
                "list": [["a": 1], ["x": slots ? .slot("x", x) : x]], "flag": true,
            ]
        }
        let old: (TemplateData, TemplateData) = ("<p>a & b</p>\n", 7)
        let new: (TemplateData, TemplateData) = ("<p>longer\n\n“text”</p>\n", 1234)
        var slots: [TemplateSlot] = []
        guard let recorded = library.render(data(old.0, old.1, slots: true), withTemplate: name, slots: &slots) else { return }
        precondition(recorded == library.render(data(old.0, old.1, slots: false), withTemplate: name), "a slot renders as its value")
        var bytes = Array(recorded.utf8)
        for slot in slots.reversed() {
            let text = TemplateSlot.text(slot.name == "x" ? new.0 : new.1, escaped: slot.escaped)
            precondition(slot.offset >= 0 && slot.offset + slot.length <= bytes.count, "a slot outside the output")
            guard TemplateSlot.sameLayout(text, bytes[slot.offset..<slot.offset + slot.length]) else { return }
            bytes.replaceSubrange(slot.offset..<slot.offset + slot.length, with: Array(text.utf8))
        }
        precondition(String(decoding: bytes, as: UTF8.self) == library.render(data(new.0, new.1, slots: false), withTemplate: name),
                     "replacing the slots gives the render of the new values")
    }

    /// The data readers: CSV, YAML and JSON, chosen by the first byte.
    static let dataFiles = FuzzTarget(name: "data-files") { bytes in
        guard let first = bytes.first else { return }
        let format: DataFormat = [.csv, .yaml, .json][Int(first) % 3]
        var diagnostics: [Diagnostic] = []
        let table = DataFileReader().read(Data(bytes.dropFirst()), format: format, displayPath: "fuzz", diagnostics: &diagnostics)
        for d in diagnostics { precondition(d.location.line >= 0 && d.location.column >= 0, "negative position") }
        precondition(table != nil || diagnostics.hasErrors, "no table and no error")
    }

    /// Loading and validating a community whose member list is the input, against fixed
    /// groups and events: every reference, cycle and date rule runs on arbitrary rows.
    static let community = FuzzTarget(name: "community") { bytes in
        try? Data(bytes).write(to: FuzzSite.community.appendingPathComponent("data/members.csv"))
        var diagnostics: [Diagnostic] = []
        let config = SiteConfig()
        _ = CommunityLoader(contentRoot: FuzzSite.community, displayRoot: "Content", threads: 1)
            .load(pages: [], config: config, asOf: CalendarDate(year: 2026, month: 11, day: 20)!, diagnostics: &diagnostics)
        for d in diagnostics { precondition(d.location.line >= 0 && d.location.column >= 0, "negative position") }
    }

    /// Decoding, front-matter splitting and YAML front-matter parsing of a page file.
    static let frontMatter = FuzzTarget(name: "front-matter") { bytes in
        guard case .success(let text) = TextFile.decode(Data(bytes), displayPath: "fuzz.md") else { return }
        guard case .success(let split) = FrontMatterSplitter.split(text, file: "fuzz.md") else { return }
        precondition(split.bodyLineOffset >= 0)
        if let yaml = split.yaml {
            var diagnostics: [Diagnostic] = []
            let fm = FrontMatterParser.parse(yaml, file: "fuzz.md", diagnostics: &diagnostics)
            if let slug = fm.slug { precondition(Slug.isValid(slug), "an invalid slug was accepted") }
            for d in diagnostics { precondition(d.location.line >= 0 && d.location.column >= 0) }
            // The flat reader (see `FlatYAML`) reads what it takes exactly as Yams does. Only
            // front matter without problems can have been read flat (Yams reads again the
            // rest, and its message for some duplicate keys differs from call to call).
            if diagnostics.isEmpty {
                var yamsDiagnostics: [Diagnostic] = []
                let yams = FrontMatterParser.parse(yaml, file: "fuzz.md", diagnostics: &yamsDiagnostics, flat: false)
                precondition(fm == yams && yamsDiagnostics.isEmpty, "the flat reader and Yams disagree")
            }
        }
    }

    /// The cmark wrapper: both passes must agree on heading ids, and rendering with every
    /// link rewritten must not crash.
    static let markdown = FuzzTarget(name: "markdown") { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        for numbered in [false, true] {
            let options = MarkdownOptions(numbered: numbered)
            let analysis = Markdown.analyse(text, options: options)
            precondition(Set(analysis.headings.map(\.id)).count == analysis.headings.count, "duplicate heading ids")
            // Figure requests are replaced by custom nodes: every one the analysis found
            // must be offered to the callback, and its HTML must appear.
            var offered = 0
            let html = Markdown.render(text, options: options, rewrite: { link in
                LinkRewrite(url: "x/" + link.url, citationText: link.isCitation ? "§1 <cite>" : nil)
            }, embed: { request in
                offered += 1
                return "<figure data-embed=\"\(request.kind.rawValue)\"></figure>"
            })
            precondition(offered == analysis.embeds.count, "every figure request is offered once")
            precondition(analysis.embeds.isEmpty || html.contains("<figure data-embed="), "figure HTML missing")
            for heading in analysis.headings {
                precondition(html.contains("id=\"\(HTMLEscape.attribute(heading.id))\""), "analysed id missing from the HTML")
            }
            precondition(!html.contains("<script"), "raw HTML passed in safe mode")
            checkPrerender(text, options: options)
        }
    }

    /// A body prerendered in the first pass and filled in renders as the second pass does.
    static func checkPrerender(_ text: String, options: MarkdownOptions) {
        func rewrite(_ link: MarkdownLink) -> LinkRewrite? {
            guard !link.url.isEmpty, !link.url.contains(":") else { return nil }
            return LinkRewrite(url: "x/" + link.url, citationText: link.isCitation ? "§1 <cite>" : nil)
        }
        for options in [options, { var o = options; o.dropLeadingTitle = true; return o }()] {
            let first = Markdown.analyseAndPrerender(text, options: options) { !$0.isEmpty && !$0.contains(":") }
            guard let body = first.body else { continue }
            let filled = Markdown.fill(body, links: first.analysis.links, rewrites: body.links.map { rewrite(first.analysis.links[$0]) })
            // Byte for byte: the filled bytes are written out unchecked, so they must be UTF-8.
            precondition(filled == Array(Markdown.render(text, options: options, rewrite: rewrite).utf8), "a filled body differs from the second pass")
        }
    }

    /// Link resolution against a small fixed site: a rewrite never climbs above the root.
    static let links = FuzzTarget(name: "links") { bytes in
        let url = String(decoding: bytes.prefix(4096), as: UTF8.self)
        let link = MarkdownLink(url: url, isImage: false, isCitation: bytes.first == 0xA7, line: 1, column: 1)
        let page = FuzzSite.resolver.site.pageBySource["handbook/rules.md"]!
        guard case .success(let rewrite?) = FuzzSite.resolver.resolve(link, on: page) else { return }
        let path = rewrite.url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
        let ups = path.components(separatedBy: "../").count - 1
        precondition(ups <= 2, "a rewritten link climbs above the site root: \(rewrite.url)")
    }

    /// The dev server's request-path resolution: whatever is asked, the answer names a file
    /// inside the site.
    static let requestPath = FuzzTarget(name: "request-path") { bytes in
        let raw = String(decoding: bytes.prefix(4096), as: UTF8.self)
        switch RequestPath.resolve(raw, exists: { $0.hasSuffix("index.html") || $0.count % 2 == 0 }) {
        case .file(let path), .redirect(let path):
            precondition(!path.hasPrefix("/"), "absolute path escaped: \(path)")
            precondition(!path.split(separator: "/").contains { $0 == ".." || $0 == "." }, "dot segment escaped: \(path)")
            precondition(!path.contains("\\") && !path.contains("\0"), "separator escaped: \(path)")
        case .refused:
            break
        }
    }
}
