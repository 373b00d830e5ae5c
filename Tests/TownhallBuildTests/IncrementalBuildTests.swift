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
            ---
            ## Conduct

            ### Be kind {#kind}

            Be kind.
            -- Content/handbook/roles.md --
            ---
            title: Roles
            weight: 2
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
        let result = try townhall(["build", "--verbose", "--as-of", "2026-11-20"] + extra, in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        return Set(result.stderr.split(separator: "\n").compactMap { line in
            line.hasPrefix("  rendered ") ? String(line.dropFirst("  rendered ".count)) : nil
        })
    }

    func edit(_ dir: TempDir, _ path: String, _ change: (String) -> String) throws {
        let url = dir.url.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        // A new size or a later timestamp: make sure the file's signature changes.
        Thread.sleep(forTimeInterval: 0.01)
        try change(text).write(to: url, atomically: false, encoding: .utf8)
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
        #expect(try build(dir) == ["handbook/roles/index.html"])
        try edit(dir, "Content/handbook/roles.md") { $0.replacingOccurrences(of: "Who does what.", with: "Who does what, and when.") }
        #expect(try build(dir) == ["handbook/roles/index.html", "handbook/index.html"])
        try expectSameAsCleanBuild(dir)
    }

    @Test func renamingAPageRendersEveryPageThatShowsItsTitle() throws {
        let dir = try site()
        _ = try build(dir)
        try edit(dir, "Content/handbook/rules.md") { $0.replacingOccurrences(of: "title: Rules", with: "title: House rules") }
        // The page itself and its section's pages (navigation, index, previous/next). The
        // home page links to it too, but its citation shows the rule (§1.1 Be kind), not
        // the page title, so it is left alone.
        let rendered = try build(dir)
        #expect(rendered == ["handbook/rules/index.html", "handbook/index.html", "handbook/roles/index.html"])
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
        // The tag layout is used by no Markdown page.
        try edit(dir, "Templates/layouts/tag.mustache") { $0 + "\n<!-- changed -->\n" }
        #expect(try build(dir).isEmpty)
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
    }
}
