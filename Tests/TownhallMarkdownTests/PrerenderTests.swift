import Testing
@testable import TownhallMarkdown

/// A body prerendered in the first pass and filled in later must be exactly what the second
/// pass (`Markdown.render`) gives, and the escaping the fill does must be cmark's own.
@Suite struct PrerenderTests {
    /// What a page's links become: internal ones rewritten (citations get text), the rest left.
    static func rewrite(_ link: MarkdownLink) -> LinkRewrite? {
        guard mayRewrite(link.url) else { return nil }
        if link.url.hasPrefix("missing") { return nil }
        return LinkRewrite(url: "../" + link.url + "/", citationText: link.isCitation ? "§2.1 “Tea” & <cake>" : nil)
    }

    static func mayRewrite(_ url: String) -> Bool { !url.isEmpty && !url.contains(":") }

    /// Prerenders and fills `source`; nil when it was not prerendered.
    static func filled(_ source: String, options: MarkdownOptions) -> [UInt8]? {
        let first = Markdown.analyseAndPrerender(source, options: options, rewritable: mayRewrite)
        #expect(first.analysis == Markdown.analyse(source, options: options), "the analysis is the first pass's")
        #expect(first.text == Markdown.analyse(source, options: options, collectText: true, prerender: nil).text)
        #expect(String(validating: first.text, as: UTF8.self) != nil, "the readable text's bytes are valid UTF-8")
        guard let body = first.body else { return nil }
        let rewrites = body.links.map { rewrite(first.analysis.links[$0]) }
        return Markdown.fill(body, links: first.analysis.links, rewrites: rewrites)
    }

    static let documents = [
        "Plain text only.\n",
        "# Title\n\nSee [the rules](rules.md) and [home](/).\n",
        "## Who & why {#who}\n\n[Ext](https://example.org/?a=1&b='2') and [mail](mailto:a@b.c) and [empty]().\n",
        "## Link in [a heading](other.md#part)\n\n### Again\n\n## Again\n",
        "Cite [§](rules.md#s2-1) and [§](rules.md \"with a title\") and [not §](rules.md).\n",
        "![An image](images/tea%20time.png \"A > title\") and ![§](pic.png) and [![inner](a.png)](b.md)\n",
        "```\ncode <pre> [x](y.md)\n```\n\n    indented\n\n<pre>raw</pre>\n",
        "[odd](odd path/ünïcode 'q'.md) [amp](a&b.md) [hash](#local) [query](page.md?x=1#y) [missing](missing.md)\n",
        "[dangerous](javascript:alert(1)) [data](data:text/html,x) [png](data:image/png;base64,AA)\n",
        "* [one](one.md)\n* [two](two.md)\n\n> [quote](q.md)\n\n1. [§](n.md)\n",
        "Text that says href=\"%01\" and &#37;01 and [x](y.md).\n",
        "[ref]\n\n[ref]: ref.md \"Ref title\"\n",
    ]

    @Test(arguments: documents.indices)
    func fillGivesWhatTheSecondPassGives(_ i: Int) {
        let source = Self.documents[i]
        for options in [
            MarkdownOptions(), MarkdownOptions(numbered: true), MarkdownOptions(smart: false),
            MarkdownOptions(dropLeadingTitle: true), MarkdownOptions(numbered: true, dropLeadingTitle: true),
        ] {
            let expected = Markdown.render(source, options: options, rewrite: Self.rewrite)
            let filled = Self.filled(source, options: options)
            #expect(filled != nil, "\(source) is prerendered")
            // Byte for byte: the filled bytes are written out unchecked, so they must be UTF-8.
            if let filled { #expect(filled == Array(expected.utf8), "\(source) with \(options)") }
        }
    }

    @Test(arguments: [
        ("[x](%01.md) [y](z.md)", MarkdownOptions()),          // a URL of its own that reads as a marker
        ("[x](&#1;.md)", MarkdownOptions()),
        ("[x](y.md) <a href=\"y\">raw</a>", MarkdownOptions(unsafe: true)),
        ("```chart\nmembers\n```\n\n[x](y.md)", MarkdownOptions()), // figures are filled in by the second pass
    ])
    func pagesThatCannotBePrerenderedSaySo(_ source: String, _ options: MarkdownOptions) {
        #expect(Markdown.analyseAndPrerender(source, options: options, rewritable: Self.mayRewrite).body == nil)
    }

    @Test func aRewriteForALinkWithoutAMarkerIsLeftToTheSecondPass() throws {
        let first = Markdown.analyseAndPrerender("[x](https://a.example) [y](y.md)", options: .init(), rewritable: Self.mayRewrite)
        let body = try #require(first.body)
        #expect(body.links == [0, 1])
        let rewrites = [LinkRewrite(url: "elsewhere/"), nil]
        #expect(Markdown.fill(body, links: first.analysis.links, rewrites: rewrites) == nil)
    }

    @Test func aDroppedTitlesLinksAreNotRendered() throws {
        let source = "# Title with [a link](a.md)\n\n[b](b.md)\n"
        let first = Markdown.analyseAndPrerender(source, options: MarkdownOptions(dropLeadingTitle: true), rewritable: Self.mayRewrite)
        let body = try #require(first.body)
        #expect(first.analysis.links.map(\.url) == ["a.md", "b.md"])
        #expect(body.links == [1], "only the link left in the body is rendered")
    }

    /// Every byte but NUL, alone and among others, escaped as cmark escapes a link's URL.
    @Test func urlsAreEscapedAsCmarkEscapesThem() {
        var urls = (1..<128).map { String(UnicodeScalar(UInt8($0))) }
        urls += ["a b", "ü/é#ß", "../x/?q=1&r='2'#frag", "[x]{y}|z\\^`\"<>", "%41%zz", "tea\u{7F}\u{85}\u{2028}"]
        urls += ["JavaScript:alert(1)", "VBSCRIPT:x", "file:///etc", "data:text/html,x", "data:image/png;x", "DATA:IMAGE/WEBP;x", "data:image/svg"]
        for url in urls {
            let html = Markdown.render("[x](y)", rewrite: { _ in LinkRewrite(url: url) })
            let cmark = html.split(separator: "href=\"", maxSplits: 1)[1].split(separator: "\"", maxSplits: 1, omittingEmptySubsequences: false)[0]
            var ours: [UInt8] = []
            Markdown.appendURL(url, to: &ours)
            #expect(String(decoding: ours, as: UTF8.self) == String(cmark), "\(url.unicodeScalars.map { $0.value })")
        }
    }

    @Test func citationTextIsEscapedAsCmarkEscapesText() {
        for text in ["§1.2", "a & b < c > d \"e\" 'f'", "“Tea”\u{1}\t/", "&amp;"] {
            let html = Markdown.render("[§](y)", rewrite: { _ in LinkRewrite(url: "y", citationText: text) })
            var ours: [UInt8] = []
            Markdown.appendText(text, to: &ours)
            #expect(html == "<p><a href=\"y\">\(String(decoding: ours, as: UTF8.self))</a></p>\n")
        }
    }
}
