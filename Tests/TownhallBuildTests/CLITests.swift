import Foundation
import Testing

@Suite struct CLITests {
    @Test func helpListsCommands() throws {
        let result = try townhall(["--help"], in: Repo.root)
        #expect(result.status == 0)
        for word in ["build", "check", "Content/", "Templates/"] { #expect(result.stdout.contains(word)) }
    }

    @Test func buildHelpExplainsEveryOption() throws {
        let result = try townhall(["build", "--help"], in: Repo.root)
        #expect(result.status == 0)
        for option in ["--content", "--templates", "--output", "--drafts", "--as-of", "--threads", "--quiet", "--verbose", "--format"] {
            #expect(result.stdout.contains(option), "\(option) is documented")
        }
        #expect(result.stdout.contains("Exit status"))
    }

    @Test func badDateIsRejectedClearly() throws {
        let result = try townhall(["build", "--as-of", "20-11-2026"], in: Repo.root)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--as-of expects a date like 2026-11-20, found \"20-11-2026\""))
    }

    @Test func checkWritesNothingAndSupportsGitHubAnnotations() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/_index.md --
            # Home

            See [rules](rules.md).
            """)
        let result = try townhall(["check", "--format", "github"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr == "::error file=Content/_index.md,line=3,col=5::link \"rules.md\" points to a missing page or file (rules.md)\n")
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("Site").path))
        let json = try townhall(["check", "--format", "json"], in: dir.url)
        #expect(json.stdout.contains("\"errors\":1"))
        #expect(json.stdout.contains("\"line\":3"))
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/_index.md --
            # Home
            -- Content/idea.md --
            ---
            title: Idea
            draft: true
            ---
            Not yet.
            """)
        #expect(try townhall(["build", "--quiet"], in: dir.url).status == 0)
        #expect(dir.read("Site/idea/index.html") == nil)
        #expect(try townhall(["build", "--quiet", "--drafts"], in: dir.url).status == 0)
        #expect(dir.read("Site/idea/index.html") != nil)
    }

    @Test func reviewIntervalWarnsAboutStalePages() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/site.yaml --
            review_interval_days: 30
            -- Content/_index.md --
            ---
            title: Home
            reviewed: 2026-01-01
            ---
            Hello.
            """)
        let result = try townhall(["build", "--as-of", "2026-03-01"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stderr.contains("Content/_index.md:3:11: warning: page was last reviewed 59 days ago (2026-01-01); the site asks for a review every 30 days"))
    }

    @Test func siteOverridesTemplatesByName() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/_index.md --
            # Home
            -- Content/_templates/footer.mustache --
            <footer class="custom">Our own footer</footer>
            """)
        #expect(try townhall(["build", "--quiet"], in: dir.url).status == 0)
        #expect(dir.read("Site/index.html")?.contains("<footer class=\"custom\">Our own footer</footer>") == true)
    }

    @Test func brokenLinksCanBeLoweredToWarnings() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/site.yaml --
            broken_links: warning
            -- Content/_index.md --
            # Home

            A [legacy link](old/page.md).
            """)
        let result = try townhall(["build"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stderr.contains("Content/_index.md:3:3: warning: link \"old/page.md\" points to a missing page or file"))
    }
}
