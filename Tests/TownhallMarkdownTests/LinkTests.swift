import Testing
@testable import TownhallMarkdown

@Suite struct LinkTests {
    @Test func linksAndImagesAreFoundWithPositions() {
        let source = "Intro line\n\nSee [rules](rules.md#no-ads) and ![tiers](tiers.svg).\n"
        let links = Markdown.analyse(source).links
        #expect(links.map(\.url) == ["rules.md#no-ads", "tiers.svg"])
        #expect(links.map(\.isImage) == [false, true])
        #expect(links[0].line == 3)
        #expect(links[0].column == 5)
    }

    @Test func rewriteChangesDestinations() {
        let html = Markdown.render("[rules](../handbook/rules.md#x) [web](https://example.org)") { link in
            link.url.hasPrefix("../") ? LinkRewrite(url: "../rules/#x") : nil
        }
        #expect(html.contains("<a href=\"../rules/#x\">rules</a>"))
        #expect(html.contains("<a href=\"https://example.org\">web</a>"))
    }

    @Test func citationLinksGetTheirText() {
        let source = "see [§](rules.md#no-ads) and [plain](rules.md)"
        let links = Markdown.analyse(source).links
        #expect(links.map(\.isCitation) == [true, false])
        let html = Markdown.render(source) { link in
            LinkRewrite(url: "../rules/", citationText: link.isCitation ? "§4.1 No ads" : nil)
        }
        #expect(html.contains("<a href=\"../rules/\">§4.1 No ads</a>"))
        #expect(html.contains("<a href=\"../rules/\">plain</a>"))
    }

    @Test func rawHTMLIsOmittedByDefault() {
        let source = "<script>alert(1)</script>\n\nText <b onclick=\"x\">bold</b>\n"
        let html = Markdown.render(source)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func unsafeURLsAreBlankedByDefault() {
        let html = Markdown.render("[x](javascript:alert(1))")
        #expect(html.contains("<a href=\"\">x</a>"))
    }

    @Test func unsafeOptionLetsRawHTMLThrough() {
        let html = Markdown.render("<div class=\"note\">Hi</div>\n", options: MarkdownOptions(unsafe: true))
        #expect(html.contains("<div class=\"note\">Hi</div>"))
    }

    @Test func headingTextIsEscapedInAttributes() {
        let html = Markdown.render("## Say \"hi\" & <b\n", options: MarkdownOptions(smart: false))
        #expect(html.contains("aria-label=\"Link to “Say &quot;hi&quot; &amp; &lt;b”\""))
    }

    @Test func wordsAndFirstParagraphAreCounted() {
        let a = Markdown.analyse("# T\n\nOne two three.\n\nFour five.\n")
        #expect(a.wordCount == 6)
        #expect(a.firstParagraph == "One two three.")
    }
}
