import Foundation
import Testing

/// Each kind of change rebuilds exactly the pages that depend on it, and the result is
/// byte-identical to a clean build.
@Suite struct IncrementalBuildTests {
    func site() throws -> TempDir {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/site.yaml --
            title: Club
            nav: [handbook, notes]
            privacy:
              publish_member_fields: [name]
            -- Content/_index.md --
            # Club

            See the [rules](handbook/rules.md) and [§](handbook/rules.md#kind).
            -- Content/handbook/_index.md --
            ---
            title: Handbook
            weight: 1
            ---
            The handbook.
            -- Content/handbook/rules.md --
            ---
            title: Rules
            weight: 1
            numbered: true
            tags: [conduct]
            ---
            ## Conduct

            ### Be kind {#kind}

            Be kind.
            -- Content/handbook/roles.md --
            ---
            title: Roles
            weight: 2
            tags: [conduct, people]
            ---
            Who does what.

            Details follow.
            -- Content/notes/_index.md --
            ---
            title: Notes
            weight: 2
            ---
            Notes.
            -- Content/notes/one.md --
            ---
            title: One
            ---
            A note.
            -- Content/notes/poster.txt --
            poster
            -- Content/data/members.csv --
            id,name,joined,tier,groups
            m1,Ada,2026-01-01,steward,all
            -- Content/data/groups.yaml --
            - id: all
              name: Everyone
              created: 2026-01-01
              kind: interest
              carrier: chat
            -- Content/events/2026-03-01-meetup.md --
            ---
            title: Meetup
            date: 2026-03-01
            kind: meetup
            location: Hall
            capacity: 10
            hosts: [m1]
            ---
            Plan.
            """)
        return dir
    }

    /// Builds and returns the pages rendered, from `--verbose`.
    func build(_ dir: TempDir, _ extra: [String] = []) throws -> Set<String> {
        try outputs(dir, extra).rendered
    }

    /// Builds and returns the pages rendered and the other files made again (tag pages,
    /// search page and index, sitemap…), from `--verbose`, with the whole log.
    func outputs(_ dir: TempDir, _ extra: [String] = []) throws -> (rendered: Set<String>, generated: Set<String>, log: String) {
        let result = try townhall(["build", "--verbose", "--as-of", "2026-11-20"] + extra, in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        func listed(_ prefix: String) -> Set<String> {
            Set(result.stderr.split(separator: "\n").compactMap { line in
                line.hasPrefix(prefix) ? String(line.dropFirst(prefix.count)) : nil
            })
        }
        return (listed("  rendered "), listed("  generated "), result.stderr)
    }

    func edit(_ dir: TempDir, _ path: String, _ change: (String) -> String) throws {
        let url = dir.url.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        // A new size or a later timestamp: make sure the file's signature changes.
        Thread.sleep(forTimeInterval: 0.01)
        try change(text).write(to: url, atomically: false, encoding: .utf8)
    }

    /// 150 events in the data, `e0`…`e149`, each hosted by `host(i)`, and `members` (CSV rows
    /// of id, name, joined, tier, groups and city).
    func writeEvents(_ dir: TempDir, members: [String], host: (Int) -> String) throws {
        var events = "id,title,date,kind,location,capacity,hosts\n"
        for i in 0..<150 { events += "e\(i),Repair evening \(i),2026-0\(1 + i % 9)-\(10 + i % 18),meetup,Hall,10,\(host(i))\n" }
        try dir.write("-- Content/data/events.csv --\n" + events)
        try dir.write("-- Content/data/members.csv --\nid,name,joined,tier,groups,city\n" + members.map { $0 + "\n" }.joined())
    }

    /// The incremental output must equal a clean build of the same sources.
    func expectSameAsCleanBuild(_ dir: TempDir) throws {
        let clean = try townhall(["build", "--clean", "--quiet", "--as-of", "2026-11-20", "--output", "Clean"], in: dir.url)
        #expect(clean.status == 0)
        var a = tree(dir.url.appendingPathComponent("Site")), b = tree(dir.url.appendingPathComponent("Clean"))
        a.removeValue(forKey: ".townhall-output"); b.removeValue(forKey: ".townhall-output")
        #expect(a == b, "incremental output differs from a clean build")
    }

    @Test func noChangeRendersAndWritesNothing() throws {
        let dir = try site()
        let first = try build(dir)
        #expect(first.contains("handbook/rules/index.html") && first.contains("events/2026-03-01-meetup/index.html"))
        let second = try townhall(["build", "--as-of", "2026-11-20"], in: dir.url)
        #expect(second.stderr.contains("rendered 0, wrote 0 files"))
    }

    @Test func editingABodyRendersOnlyThatPage() throws {
        let dir = try site()
        _ = try build(dir)
        // Not the first paragraph: that one is the page's summary, shown on the section index.
        try edit(dir, "Content/handbook/roles.md") { $0.replacingOccurrences(of: "Details follow.", with: "More details follow.") }
        let body = try outputs(dir)
        #expect(body.rendered == ["handbook/roles/index.html"])
        // No tag page, search page, sitemap or 404: only the search index may change.
        #expect(body.generated.isSubset(of: ["assets/search-index.js"]), "\(body.generated)")
        try expectSameAsCleanBuild(dir)
        // A new word in the body: the page and the search index, and no other file, are written.
        try edit(dir, "Content/handbook/roles.md") { $0 + "\nZanzibar.\n" }
        let word = try outputs(dir)
        #expect(word.rendered == ["handbook/roles/index.html"])
        #expect(word.generated == ["assets/search-index.js"])
        #expect(word.log.contains("rendered 1, wrote 2 files"))
        #expect(dir.read("Site/assets/search-index.js")?.contains("zanzibar") == true)
        try expectSameAsCleanBuild(dir)
        // The summary shows on the section index and on the tag pages that list the page.
        try edit(dir, "Content/handbook/roles.md") { $0.replacingOccurrences(of: "Who does what.", with: "Who does what, and when.") }
        let summary = try outputs(dir)
        #expect(summary.rendered == ["handbook/roles/index.html", "handbook/index.html"])
        #expect(summary.generated.isSuperset(of: ["tags/conduct/index.html", "tags/people/index.html", "search/index.html"]))
        try expectSameAsCleanBuild(dir)
    }

    @Test func changingTagsRendersTagPages() throws {
        let dir = try site()
        _ = try build(dir)
        try edit(dir, "Content/handbook/roles.md") { $0.replacingOccurrences(of: "tags: [conduct, people]", with: "tags: [conduct, duties]") }
        let changed = try outputs(dir)
        #expect(changed.rendered == ["handbook/roles/index.html"], "the page shows its tags")
        #expect(changed.generated.isSuperset(of: ["tags/index.html", "tags/duties/index.html"]))
        // Its card on the conduct tag page does not show its tags: that page is left alone.
        #expect(!changed.generated.contains("tags/conduct/index.html"))
        #expect(dir.read("Site/tags/people/index.html") == nil, "a tag no page carries is removed")
        try expectSameAsCleanBuild(dir)
    }

    @Test func renamingAHeadingRechecksAndRendersThePagesThatLinkToIt() throws {
        let dir = try site()
        _ = try build(dir)
        // The home page links to #kind: with the anchor gone, its link is broken.
        try edit(dir, "Content/handbook/rules.md") { $0.replacingOccurrences(of: "{#kind}", with: "{#gentle}") }
        let broken = try townhall(["build", "--as-of", "2026-11-20"], in: dir.url)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("Content/_index.md:3:"))
        #expect(broken.stderr.contains("missing heading #kind"))
        try edit(dir, "Content/_index.md") { $0.replacingOccurrences(of: "#kind", with: "#gentle") }
        let fixed = try build(dir)
        #expect(fixed.contains("index.html") && fixed.contains("handbook/rules/index.html"))
        try expectSameAsCleanBuild(dir)
        // Rewording the heading changes the citation the home page shows.
        try edit(dir, "Content/handbook/rules.md") { $0.replacingOccurrences(of: "### Be kind", with: "### Be gentle") }
        let reworded = try outputs(dir)
        #expect(reworded.rendered == ["index.html", "handbook/rules/index.html"])
        #expect(dir.read("Site/index.html")?.contains("Be gentle") == true)
        try expectSameAsCleanBuild(dir)
    }

    @Test func warningsOfUnchangedPagesAreReportedOnEveryBuild() throws {
        let dir = try site()
        try edit(dir, "Content/notes/one.md") { $0.replacingOccurrences(of: "title: One", with: "title: One\nreviewed: 2020-01-01") }
        #expect(try outputs(dir).log.contains("warning: page was last reviewed 2515 days ago"))
        try edit(dir, "Content/handbook/roles.md") { $0 + "\nMore.\n" }
        let again = try outputs(dir)
        #expect(again.rendered == ["handbook/roles/index.html"])
        #expect(again.log.contains("warning: page was last reviewed 2515 days ago"))
        let noop = try townhall(["build", "--as-of", "2026-11-20"], in: dir.url)
        #expect(noop.stderr.contains("warning: page was last reviewed 2515 days ago"))
    }

    @Test func renamingAPageRendersEveryPageThatShowsItsTitle() throws {
        let dir = try site()
        _ = try build(dir)
        try edit(dir, "Content/handbook/rules.md") { $0.replacingOccurrences(of: "title: Rules", with: "title: House rules") }
        // The page itself and its section's pages (navigation, index, previous/next). The
        // home page links to it too, but its citation shows the rule (§1.1 Be kind), not
        // the page title, so it is left alone.
        let renamed = try outputs(dir)
        #expect(renamed.rendered == ["handbook/rules/index.html", "handbook/index.html", "handbook/roles/index.html"])
        // The search page and index, and the tag page that lists it, show the title too.
        #expect(renamed.generated.isSuperset(of: ["search/index.html", "assets/search-index.js", "tags/conduct/index.html"]))
        #expect(!renamed.generated.contains("tags/people/index.html"))
        try expectSameAsCleanBuild(dir)
    }

    @Test func renumberingRulesRendersPagesThatCiteThem() throws {
        let dir = try site()
        _ = try build(dir)
        try edit(dir, "Content/handbook/rules.md") { $0.replacingOccurrences(of: "## Conduct\n", with: "## Joining\n\n### Ask {#ask}\n\n## Conduct\n") }
        let rendered = try build(dir)
        // The citation on the home page now reads §2.1: it is rendered again; roles is not.
        #expect(rendered.contains("index.html"))
        #expect(rendered.contains("handbook/rules/index.html"))
        #expect(!rendered.contains("handbook/roles/index.html"))
        try expectSameAsCleanBuild(dir)
    }

    @Test func templateChangesRenderThePagesWhoseLayoutUsesThem() throws {
        let dir = try site()
        _ = try build(dir)
        // The tag layout is used by no Markdown page: only the tag pages are made again.
        try edit(dir, "Templates/layouts/tag.mustache") { $0 + "\n<!-- changed -->\n" }
        let tag = try outputs(dir)
        #expect(tag.rendered.isEmpty)
        #expect(tag.generated == ["tags/conduct/index.html", "tags/people/index.html"])
        // The footer partial is used by every layout.
        try edit(dir, "Templates/partials/footer.mustache") { $0.replacingOccurrences(of: "<footer", with: "<footer data-x=\"1\"") }
        let all = try build(dir)
        #expect(all.contains("handbook/rules/index.html") && all.contains("notes/one/index.html") && all.contains("events/2026-03-01-meetup/index.html"))
        try expectSameAsCleanBuild(dir)
    }

    @Test func dataChangesRenderOnlyDataPages() throws {
        let dir = try site()
        _ = try build(dir)
        try edit(dir, "Content/data/members.csv") { $0.replacingOccurrences(of: "m1,Ada,", with: "m1,Ada Lovelace,") }
        let rendered = try build(dir)
        #expect(rendered.contains("events/2026-03-01-meetup/index.html"), "the event shows its host's name")
        #expect(!rendered.contains { $0.hasPrefix("handbook/") || $0.hasPrefix("notes/") })
        try expectSameAsCleanBuild(dir)
    }

    /// An event or group page is keyed by the data values it shows, so a data edit renders
    /// again only the pages that show what changed, and the pages that summarise all of the
    /// data (the indexes). The first build works those keys out after rendering; the second
    /// works them out before, and they must agree (the unpublished edit renders no event).
    @Test func dataEditsRenderThePagesThatShowWhatChanged() throws {
        let dir = try site()
        try writeEvents(dir, members: ["m1,Ada,2026-01-01,steward,all,Riverside", "m2,Bea,2026-01-01,member,all,Hillside"]) { "m\(1 + $0 % 2)" }
        _ = try build(dir)
        let eventPages = { (rendered: Set<String>) in rendered.filter { $0.hasPrefix("events/e") } }
        let marker = dir.url.appendingPathComponent("Site/events/e1/index.html")
        let before = try FileManager.default.attributesOfItem(atPath: marker.path)[.modificationDate] as? Date

        // A field no page shows: no event or group page is rendered, and no file written.
        try edit(dir, "Content/data/members.csv") { $0.replacingOccurrences(of: "Riverside", with: "Northbank") }
        let unpublished = try outputs(dir)
        #expect(eventPages(unpublished.rendered).isEmpty, "\(eventPages(unpublished.rendered).sorted())")
        #expect(!unpublished.rendered.contains { $0.hasPrefix("groups/") && $0 != "groups/index.html" })
        #expect(unpublished.rendered.contains("events/index.html"), "the index summarises all of the data")
        #expect(unpublished.log.contains("wrote 0 files"), "\(unpublished.log.suffix(300))")
        #expect(try FileManager.default.attributesOfItem(atPath: marker.path)[.modificationDate] as? Date == before)
        try expectSameAsCleanBuild(dir)

        // A host's published name: exactly the events they host.
        try edit(dir, "Content/data/members.csv") { $0.replacingOccurrences(of: "m1,Ada,", with: "m1,Ada Lovelace,") }
        let renamed = try outputs(dir)
        let hosted = Set((0..<150).filter { $0 % 2 == 0 }.map { "events/e\($0)/index.html" })
        #expect(eventPages(renamed.rendered) == hosted)
        #expect(dir.read("Site/events/e0/index.html")?.contains("Ada Lovelace") == true)
        #expect(dir.read("Site/events/e1/index.html")?.contains("Ada Lovelace") == false)
        try expectSameAsCleanBuild(dir)

        // An event's title: its page, and the pages of the events before and after it.
        try edit(dir, "Content/data/events.csv") { $0.replacingOccurrences(of: "Repair evening 7,", with: "Bike repair evening 7,") }
        let retitled = eventPages(try build(dir))
        #expect(retitled.contains("events/e7/index.html") && retitled.count == 3, "\(retitled.sorted())")
        try expectSameAsCleanBuild(dir)
    }

    /// The events index lists what event pages' front matter says (an upcoming event's
    /// place), so an edit to it renders the index again.
    @Test func eventPageEditsRenderTheEventsIndex() throws {
        let dir = try site()
        try dir.write("""
            -- Content/events/2026-12-01-later.md --
            ---
            title: Later
            date: 2026-12-01
            kind: meetup
            location: Hall
            capacity: 10
            hosts: [m1]
            ---
            Plan.
            """)
        _ = try build(dir)
        #expect(dir.read("Site/events/index.html")?.contains("Hall") == true)
        try edit(dir, "Content/events/2026-12-01-later.md") { $0.replacingOccurrences(of: "location: Hall", with: "location: Barn") }
        let rendered = try build(dir)
        #expect(rendered.contains("events/index.html"))
        #expect(dir.read("Site/events/index.html")?.contains("Barn") == true)
        try expectSameAsCleanBuild(dir)
    }

    /// A data edit that changes many pages writes the site afresh, and the output is that
    /// of a clean build.
    @Test func dataEditsThatChangeManyPagesWriteTheSiteAfresh() throws {
        let dir = try site()
        try writeEvents(dir, members: ["m1,Ada,2026-01-01,steward,all,Riverside"]) { _ in "m1" }
        _ = try build(dir)
        try edit(dir, "Content/data/members.csv") { $0.replacingOccurrences(of: "m1,Ada,", with: "m1,Ada Lovelace,") }
        let published = try outputs(dir)
        #expect(published.rendered.count > 150, "every event shows its host")
        #expect(!published.log.contains("wrote 0 files"))
        #expect(dir.read("Site/events/e1/index.html")?.contains("Ada Lovelace") == true)
        try expectSameAsCleanBuild(dir)
    }

    @Test func copiedFileChangesRenderNoPage() throws {
        let dir = try site()
        _ = try build(dir)
        try edit(dir, "Content/notes/poster.txt") { $0 + "more\n" }
        let result = try townhall(["build", "--verbose", "--as-of", "2026-11-20"], in: dir.url)
        #expect(result.stderr.contains("rendered 0, wrote 1 file"))
        #expect(dir.read("Site/notes/poster.txt") == "poster\nmore\n")
    }

    @Test func settingsChangesRenderEverything() throws {
        let dir = try site()
        let first = try build(dir)
        try edit(dir, "Content/site.yaml") { $0.replacingOccurrences(of: "title: Club", with: "title: The Club") }
        #expect(try build(dir) == first)
    }

    @Test func deletedPagesAreRemovedAndTamperedOutputIsRebuilt() throws {
        let dir = try site()
        _ = try build(dir)
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("Content/notes/one.md"))
        _ = try build(dir)
        #expect(dir.read("Site/notes/one/index.html") == nil)
        try expectSameAsCleanBuild(dir)
        // Someone deletes a file of the output: the next build notices and writes it all.
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("Site/handbook/roles/index.html"))
        let rebuilt = try build(dir)
        #expect(rebuilt.contains("handbook/roles/index.html"))
        #expect(dir.read("Site/handbook/roles/index.html") != nil)
        // Someone adds a file: the output is not what the last build left, so it is written
        // afresh (and the stray file goes, as with every full build).
        try "stray".write(to: dir.url.appendingPathComponent("Site/notes/stray.txt"), atomically: false, encoding: .utf8)
        let afresh = try build(dir)
        #expect(afresh.isSuperset(of: ["index.html", "handbook/rules/index.html", "notes/index.html"]), "everything is rendered again")
        #expect(dir.read("Site/notes/stray.txt") == nil)
        try expectSameAsCleanBuild(dir)
    }
}
