import Foundation
import Testing

@Suite struct ScaffoldTests {
    @Test func newSiteBuildsAsItIs() throws {
        let dir = TempDir()
        // New files are dated "today": fix it (2026-09-21) so the build date below is later.
        let created = try townhall(["new", "site", "x", "--title", "Tea & Talk: Berlin", "--templates", Repo.templates.path], in: dir.url,
                                   environment: ["SOURCE_DATE_EPOCH": "1790000000"])
        #expect(created.status == 0, "\(created.stderr)")
        let site = dir.url.appendingPathComponent("x")
        let build = try townhall(
            ["build", "--content", site.appendingPathComponent("Content").path, "--templates", site.appendingPathComponent("Templates").path,
             "--output", dir.url.appendingPathComponent("out").path, "--as-of", "2026-11-20"], in: dir.url)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.contains("Built"))
        let home = try String(contentsOf: dir.url.appendingPathComponent("out/index.html"), encoding: .utf8)
        #expect(home.contains("Tea &amp; Talk: Berlin"))
        let rules = try String(contentsOf: dir.url.appendingPathComponent("out/handbook/rules/index.html"), encoding: .utf8)
        #expect(rules.contains("§1.1 Be kind"), "the starter rules cite by number")
    }

    @Test func newSiteRefusesAFolderInUse() throws {
        let dir = TempDir()
        try dir.write("""
            -- x/notes.txt --
            mine
            """)
        let result = try townhall(["new", "site", "x", "--templates", Repo.templates.path], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("x: error: folder is not empty"))
        #expect(dir.read("x/notes.txt") == "mine\n")
    }

    @Test func newPageAndEventUseArchetypesAndNeverOverwrite() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/_index.md --
            # Home
            -- Content/data/members.csv --
            id,name,joined,tier
            m1,Ada,2026-01-01,steward
            -- Content/_archetypes/page.md --
            ---
            title: {{{titleYAML}}}
            reviewed: {{{date}}}
            ---
            Our own archetype for {{{title}}}.
            """)
        let page = try townhall(["new", "page", "handbook/faq", "--title", "Questions: \"all\" of them"], in: dir.url,
                                environment: ["SOURCE_DATE_EPOCH": "1790000000"])
        #expect(page.status == 0, "\(page.stderr)")
        #expect(dir.read("Content/handbook/faq.md") == "---\ntitle: \"Questions: \\\"all\\\" of them\"\nreviewed: 2026-09-21\n---\nOur own archetype for Questions: \"all\" of them.\n")
        let again = try townhall(["new", "page", "handbook/faq"], in: dir.url)
        #expect(again.status == 1)
        #expect(again.stderr.contains("Content/handbook/faq.md: error: file already exists"))

        let event = try townhall(["new", "event", "Repair café", "--date", "2026-12-05", "--kind", "workshop", "--host", "m1"], in: dir.url)
        #expect(event.status == 0, "\(event.stderr)")
        let text = try #require(dir.read("Content/events/2026-12-05-repair-cafe.md"))
        #expect(text.hasPrefix("---\nid: 2026-12-05-repair-cafe\ntitle: \"Repair café\"\ndate: 2026-12-05\nkind: workshop\n"))
        let badKind = try townhall(["new", "event", "Party", "--date", "2026-12-05", "--kind", "rave"], in: dir.url)
        #expect(badKind.status == 1)
        #expect(badKind.stderr.contains("unknown event kind \"rave\""))
        let build = try townhall(["build", "--quiet", "--as-of", "2026-11-20"], in: dir.url)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(dir.read("Site/handbook/faq/index.html") != nil)
        #expect(dir.read("Site/events/2026-12-05-repair-cafe/index.html") != nil)
    }
}
