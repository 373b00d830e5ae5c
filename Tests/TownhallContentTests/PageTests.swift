import Testing
import TownhallContent
import TownhallMarkdown

/// Pages share their fields between copies (see `Page.box`); they must still behave as values.
@Suite struct PageTests {
    static let page = Page(
        kind: .page, sourcePath: "a/b.md", displayPath: "Content/a/b.md", sectionPath: "a",
        frontMatter: FrontMatter(), title: "B", description: "About b", body: "# B\n", bodyLineOffset: 0, url: "a/b/",
        markdownOptions: MarkdownOptions(), analysis: .empty)

    @Test func aChangedCopyLeavesTheOriginalAlone() {
        var copy = Self.page
        #expect(copy == Self.page)
        copy.title = "C"
        copy.frontMatter.tags.append("x")
        #expect(Self.page.title == "B" && Self.page.frontMatter.tags.isEmpty)
        #expect(copy.title == "C" && copy.frontMatter.tags == ["x"])
        #expect(copy != Self.page)
        var pages = [Self.page, Self.page]
        pages[1].url = "a/c/"
        #expect(pages[0].url == "a/b/" && pages[1].url == "a/c/")
    }

    @Test func equalPagesAreEqualAndHashAlike() {
        var other = Self.page
        other.title = "C"
        other.title = "B"  // a separate box with the same fields
        #expect(other == Self.page)
        #expect(Set([other, Self.page]).count == 1)
    }
}
