import Testing
@testable import TownhallMarkdown

@Suite struct HeadingTests {
    @Test func headingsGetGitHubStyleIDs() {
        let a = Markdown.analyse("## Who may join?\n\n## Tea & Talk — 2026\n")
        #expect(a.headings.map(\.id) == ["who-may-join", "tea--talk--2026"])
    }

    @Test func duplicateHeadingsAreNumbered() {
        let a = Markdown.analyse("## Notes\n\n## Notes\n\n### Notes\n")
        #expect(a.headings.map(\.id) == ["notes", "notes-1", "notes-2"])
    }

    @Test func explicitIDIsUsedAndRemovedFromText() {
        let source = "## Sanctions ladder {#ladder}\n"
        let a = Markdown.analyse(source)
        #expect(a.headings.first?.id == "ladder")
        #expect(a.headings.first?.text == "Sanctions ladder")
        let html = Markdown.render(source)
        #expect(html.contains("<h2 id=\"ladder\">"))
        #expect(!html.contains("{#ladder}"))
    }

    @Test func renderedIDsMatchAnalysedIDs() {
        let source = "# Title\n\n## A\n\n## A\n\n### `code` *b*\n"
        let ids = Markdown.analyse(source).headings.map(\.id)
        let html = Markdown.render(source)
        for id in ids { #expect(html.contains("id=\"\(id)\"")) }
        #expect(html.contains("<h3 id=\"code-b\">"))
        #expect(html.contains("<code>code</code> <em>b</em>"))
    }

    @Test func headingsHaveAnchorLinks() {
        let html = Markdown.render("## Values\n")
        #expect(html.contains("<a class=\"heading-anchor\" href=\"#values\" aria-label=\"Link to “Values”\">#</a></h2>"))
    }

    @Test func headingMarkupIsWholeAndEscaped() {
        // As the `String`-built markup gave it (checked against the build before bytes).
        let html = Markdown.render("#### Tom & \"Jerry's\" <b>é {#a&b}\n\n## Rules\n", options: MarkdownOptions(numbered: true))
        #expect(html == "<h4 id=\"tom--jerrys-é-ab\">\nTom &amp; “Jerry’s” <!-- raw HTML omitted -->é {#a&amp;b}\n"
            + "<a class=\"heading-anchor\" href=\"#tom--jerrys-é-ab\" aria-label=\"Link to “Tom &amp; “Jerry’s” é {#a&amp;b}”\">#</a></h4>\n"
            + "<h2 id=\"rules\"><span class=\"rule-number\" id=\"s1\">§1</span>\nRules\n"
            + "<a class=\"heading-anchor\" href=\"#rules\" aria-label=\"Link to “Rules”\">#</a></h2>\n")
        let plain = Markdown.render("## Tom & \"Jerry's\" {#t-j}\n", options: MarkdownOptions(smart: false))
        #expect(plain.contains("aria-label=\"Link to “Tom &amp; &quot;Jerry&#39;s&quot;”\""), "\(plain)")
        for s in ["", "plain", "a&b<c>d\"e'f", "ünï & ‘x’"] {
            var bytes: [UInt8] = []
            HTMLEscape.append(s, to: &bytes)
            #expect(bytes == Array(HTMLEscape.text(s).utf8))
        }
    }

    @Test func numberedPagesNumberRulesAndAddRuleAnchors() {
        let source = "Intro\n\n## Conduct\n\n### Be kind\n\n### No ads {#no-ads}\n\n## Events\n\n### Cancel\n"
        let options = MarkdownOptions(numbered: true)
        let a = Markdown.analyse(source, options: options)
        #expect(a.headings.map(\.number) == ["1", "1.1", "1.2", "2", "2.1"])
        #expect(a.headings.map(\.numberAnchor) == ["s1", "s1-1", "s1-2", "s2", "s2-1"])
        #expect(a.headings[2].citation == "§1.2 No ads")
        let html = Markdown.render(source, options: options)
        #expect(html.contains("<h3 id=\"no-ads\"><span class=\"rule-number\" id=\"s1-2\">§1.2</span>"))
    }

    @Test func unnumberedPagesHaveNoNumbers() {
        let a = Markdown.analyse("## A\n\n### B\n")
        #expect(a.headings.allSatisfy { $0.number == nil && $0.numberAnchor == nil })
    }

    @Test func leadingTitleIsFoundAndCanBeDropped() {
        let source = "# Event playbook\n\nHow we run events.\n\n## Before\n"
        let a = Markdown.analyse(source)
        #expect(a.leadingTitle == "Event playbook")
        let html = Markdown.render(source, options: MarkdownOptions(dropLeadingTitle: true))
        #expect(!html.contains("<h1"))
        #expect(html.contains("<h2 id=\"before\">"))
    }

    @Test func slugKeepsUnicodeLetters() {
        #expect(HeadingSlug.make("Café Réparation") == "café-réparation")
        #expect(HeadingSlug.make("!!!") == "section")
    }

    /// ASCII headings take a byte path: every ASCII byte, alone and in runs, slugs as the
    /// `Character` definition does.
    @Test func asciiSlugsMatchTheCharacterDefinition() {
        func reference(_ text: String) -> String {
            var out = ""
            for ch in text.lowercased() {
                if ch.isLetter || ch.isNumber || ch == "_" { out.append(ch) } else if ch == " " || ch == "-" { out.append("-") }
            }
            return out.isEmpty ? "section" : out
        }
        var samples = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        samples += ["Hello World", "A\r\nB", "  --x_Y 42!?", "Rule 3.2: (Kindness)", ""]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            samples.append(String((0..<Int.random(in: 0...20, using: &rng)).map { _ in Character(UnicodeScalar(UInt8.random(in: 0...127, using: &rng))) }))
        }
        for text in samples { #expect(HeadingSlug.make(text) == reference(text), "\(Array(text.utf8))") }
    }
}

@Suite struct HeadingRegressionTests {
    /// Found by fuzzing: a citation inside a heading changed the heading's id between passes.
    @Test func citationInsideHeadingKeepsItsID() {
        let source = "## See [§](rules.md#k)\n"
        let id = Markdown.analyse(source).headings[0].id
        let html = Markdown.render(source) { _ in LinkRewrite(url: "../rules/#k", citationText: "§1 Kindness") }
        #expect(html.contains("<h2 id=\"\(id)\">"))
        #expect(html.contains("§1 Kindness"))
    }
}

/// Word counts are made eight bytes at a time: the same as counting byte by byte.
@Suite struct WordCountTests {
    @Test func countsMatchTheByteByByteDefinition() {
        func reference(_ bytes: [UInt8]) -> Int {
            var count = 0, inWord = false
            for b in bytes {
                let space = b == 32 || b == 10 || b == 9 || b == 13
                if !space && !inWord { count += 1 }
                inWord = !space
            }
            return count
        }
        let alphabet: [UInt8] = [32, 10, 9, 13, 0x61, 0x41, 0x2E, 0xC3, 0xA9, 0x80, 0xFF, 0x0B, 0x8A, 0xA0]
        var rng = SystemRandomNumberGenerator()
        var samples: [[UInt8]] = [[], [32], [0x61], Array(repeating: 0x61, count: 16), Array(repeating: 32, count: 17)]
        for _ in 0..<3000 { samples.append((0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }) }
        for bytes in samples {
            let counted = (bytes + [0]).withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { Markdown.wordCount($0.baseAddress) }
            }
            #expect(counted == reference(bytes), "\(bytes)")
        }
    }
}

/// The readable text gathered from literals' bytes: blocks a line each, breaks as spaces.
@Suite struct ReadableTextTests {
    @Test func blocksAreLinesAndBreaksAreSpaces() {
        let source = "# Title\n\nFirst *line*\nsecond `code` line.\n\n- item &amp; more\n\n```\nskipped\n```\n\nEnds &#13;&#10;\n\nLast&#13;\n"
        #expect(Markdown.text(source) == "Title\nFirst line second code line.\nitem & more\nEnds \r\n\nLast\r\n")
        #expect(Markdown.text(source, options: MarkdownOptions(dropLeadingTitle: true)).hasPrefix("First line"))
    }
}
