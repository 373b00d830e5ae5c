import Foundation
import Testing

/// Tag pages share each page's card (made once, however many tags the page has), and every
/// page's dates are made once: the cards and dates must still be each page's own, linked from
/// where each tag page is, with dates too far apart to be made ahead made when asked for.
/// (A page under tags/ would make a tags section, whose index clashes with the tag index.)
@Suite struct TagCardTests {
    @Test func sharedCardsAndDatesAreEachPagesOwn() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/_index.md --
            # Home
            -- Content/club/_index.md --
            # Club
            -- Content/club/a.md --
            ---
            title: Page A
            date: 2026-01-05
            updated: 2026-02-03
            tags: [one, two]
            ---
            Text of A.
            -- Content/club/b.md --
            ---
            title: Page B
            date: 2025-12-31
            tags: [two]
            ---
            Text of B.
            -- Content/notes.md --
            ---
            title: Notes
            reviewed: 2026-03-04
            tags: [one, two]
            ---
            Notes at the top.
            -- Content/history.md --
            ---
            title: History
            date: 1700-06-01
            tags: [two]
            ---
            Centuries before the others, so past the dates made ahead.
            -- Content/_templates/card.mustache --
            <li class="card"><a href="{{url}}">{{title}}</a> [{{#date}}{{text}}{{/date}}|{{#lastChanged}}{{iso}}{{/lastChanged}}]</li>
            """)
        let result = try townhall(["build", "--as-of", "2026-11-20"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        let one = try #require(dir.read("Site/tags/one/index.html"))
        let two = try #require(dir.read("Site/tags/two/index.html"))
        let a = #"<a href="../../club/a/">Page A</a> [5 January 2026|2026-02-03]"#
        let notes = #"<a href="../../notes/">Notes</a> [|2026-03-04]"#
        #expect(one.contains(a) && one.contains(notes))
        #expect(two.contains(a) && two.contains(notes))
        #expect(two.contains(#"<a href="../../club/b/">Page B</a> [31 December 2025|2025-12-31]"#))
        #expect(two.contains(#"<a href="../../history/">History</a> [1 June 1700|1700-06-01]"#))
        #expect(!one.contains("Page B") && !one.contains("1 June 1700"))
        let page = try #require(dir.read("Site/club/a/index.html"))
        #expect(page.contains(#"Updated <time datetime="2026-02-03">3 February 2026</time>"#))
    }
}
