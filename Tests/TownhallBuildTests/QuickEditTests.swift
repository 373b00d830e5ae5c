import Foundation
import Testing
@testable import TownhallCorpus

/// An edit to pages' bodies alone is applied to their old output without loading the site
/// (`QuickEdit`); anything more runs the whole build. Either way the output equals a clean
/// build, and the cache left behind serves the next build as a whole build's would.
@Suite struct QuickEditTests {
    let base = IncrementalBuildTests()
    static let marker = "only page bodies changed"

    func outputs(_ dir: TempDir) throws -> (rendered: Set<String>, generated: Set<String>, log: String) {
        try base.outputs(dir)
    }

    @Test func aBodyEditIsAppliedToTheOldOutput() throws {
        let dir = try base.site()
        _ = try base.build(dir)
        try base.edit(dir, "Content/handbook/roles.md") { $0.replacingOccurrences(of: "Details follow.", with: "More details follow.") }
        let first = try outputs(dir)
        #expect(first.log.contains(Self.marker), "\(first.log)")
        #expect(first.rendered == ["handbook/roles/index.html"])
        #expect(dir.read("Site/handbook/roles/index.html")?.contains("More details follow.") == true)
        try base.expectSameAsCleanBuild(dir)
        // A new word: the page's line of the search index changes, and only the two files are written.
        try base.edit(dir, "Content/handbook/roles.md") { $0 + "\nZanzibar & <friends>.\n" }
        let word = try outputs(dir)
        #expect(word.log.contains(Self.marker))
        #expect(word.generated == ["assets/search-index.js"])
        #expect(word.log.contains("rendered 1, wrote 2 files"))
        #expect(dir.read("Site/assets/search-index.js")?.contains("zanzibar") == true)
        try base.expectSameAsCleanBuild(dir)
        // The cache it left is whole: nothing to do next, and a whole build after it renders
        // only what its own change touches (the edited page kept the key it was given).
        let noop = try townhall(["build", "--as-of", "2026-11-20"], in: dir.url)
        #expect(noop.stderr.contains("rendered 0, wrote 0 files"))
        try base.edit(dir, "Content/notes/one.md") { $0.replacingOccurrences(of: "title: One", with: "title: First") }
        let retitle = try outputs(dir)
        #expect(!retitle.log.contains(Self.marker))
        #expect(!retitle.rendered.contains("handbook/roles/index.html"), "\(retitle.rendered)")
        #expect(retitle.rendered.contains("notes/one/index.html"))
        try base.expectSameAsCleanBuild(dir)
        // And a body edit after that whole build is quick again.
        try base.edit(dir, "Content/handbook/roles.md") { $0 + "\nOnce more.\n" }
        #expect(try outputs(dir).log.contains(Self.marker))
        try base.expectSameAsCleanBuild(dir)
    }

    /// Many editors save by writing a new file and renaming it over the old one, which
    /// changes the folder too.
    @Test func anEditorThatSavesByRenaming() throws {
        let dir = try base.site()
        _ = try base.build(dir)
        let url = dir.url.appendingPathComponent("Content/handbook/roles.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        Thread.sleep(forTimeInterval: 0.01)
        try (text + "\nSaved by renaming.\n").write(to: url, atomically: true, encoding: .utf8)
        let saved = try outputs(dir)
        #expect(saved.log.contains(Self.marker), "\(saved.log)")
        try base.expectSameAsCleanBuild(dir)
    }

    @Test func editsToSeveralPagesAtOnce() throws {
        let dir = try base.site()
        _ = try base.build(dir)
        try base.edit(dir, "Content/handbook/roles.md") { $0 + "\nRoles change.\n" }
        try base.edit(dir, "Content/notes/one.md") { $0 + "\nSecond paragraph.\n" }
        let both = try outputs(dir)
        #expect(both.log.contains(Self.marker))
        #expect(both.rendered == ["handbook/roles/index.html", "notes/one/index.html"])
        try base.expectSameAsCleanBuild(dir)
    }

    @Test func theReadingTimeFollowsTheBody() throws {
        let dir = try base.site()
        let words = Array(repeating: "word", count: 190).joined(separator: " ")
        try base.edit(dir, "Content/notes/one.md") { $0 + "\n\(words)\n" }
        _ = try base.build(dir)
        #expect(dir.read("Site/notes/one/index.html")?.contains("1 min read") == true)
        try base.edit(dir, "Content/notes/one.md") { $0 + "\n\(words)\n" }
        let longer = try outputs(dir)
        #expect(longer.log.contains(Self.marker))
        #expect(dir.read("Site/notes/one/index.html")?.contains("2 min read") == true)
        try base.expectSameAsCleanBuild(dir)
    }

    /// What another page shows, or what needs the site to work out, goes the whole way.
    @Test(arguments: [
        ("summary", "Content/handbook/roles.md", "Who does what.", "Who does what, and when."),
        ("title", "Content/handbook/roles.md", "title: Roles", "title: Duties"),
        ("tags", "Content/handbook/roles.md", "tags: [conduct, people]", "tags: [conduct]"),
        ("a link", "Content/handbook/roles.md", "Details follow.", "Details follow the [rules](rules.md)."),
        ("a heading", "Content/handbook/roles.md", "Details follow.", "## Details\n\nDetails follow."),
        ("a broken link", "Content/notes/one.md", "A note.", "A note.\n\nSee [nothing](missing.md)."),
        ("a page drawn from the data", "Content/events/2026-03-01-meetup.md", "Plan.", "Plan.\n\nMore plan."),
        ("a section page", "Content/handbook/_index.md", "The handbook.", "The handbook.\n\nMore."),
    ])
    func editsThatNeedTheWholeSite(_ kind: String, _ path: String, _ old: String, _ new: String) throws {
        let dir = try base.site()
        _ = try base.build(dir)
        try base.edit(dir, path) { $0.replacingOccurrences(of: old, with: new) }
        let result = try townhall(["build", "--verbose", "--as-of", "2026-11-20"], in: dir.url)
        #expect(!result.stderr.contains(Self.marker), "\(kind)")
        if kind == "a broken link" {
            #expect(result.status == 1 && result.stderr.contains("missing.md"))
        } else {
            #expect(result.status == 0, "\(result.stderr)")
            try base.expectSameAsCleanBuild(dir)
        }
    }

    @Test func aPageWithWarningsGoesTheWholeWaySoItsWarningsAreRight() throws {
        let dir = try base.site()
        try base.edit(dir, "Content/notes/one.md") { $0.replacingOccurrences(of: "A note.", with: "A note.\n\n[x](missing.md)") }
        try base.edit(dir, "Content/site.yaml") { $0 + "broken_links: warning\n" }
        #expect(try outputs(dir).log.contains("missing.md"))
        // One line more above the link: its warning moves down a line.
        try base.edit(dir, "Content/notes/one.md") { $0.replacingOccurrences(of: "A note.", with: "A note.\n\nAnother.") }
        let moved = try outputs(dir)
        #expect(!moved.log.contains(Self.marker))
        #expect(moved.log.contains("Content/notes/one.md:8:"), "\(moved.log)")
    }

    @Test func newAndDeletedPagesGoTheWholeWay() throws {
        let dir = try base.site()
        _ = try base.build(dir)
        try dir.write("-- Content/notes/two.md --\n---\ntitle: Two\n---\nAnother note.\n")
        try base.edit(dir, "Content/notes/one.md") { $0 + "\nMore.\n" }
        let added = try outputs(dir)
        #expect(!added.log.contains(Self.marker))
        #expect(added.rendered.contains("notes/two/index.html"))
        try base.expectSameAsCleanBuild(dir)
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("Content/notes/two.md"))
        #expect(try !outputs(dir).log.contains(Self.marker))
        try base.expectSameAsCleanBuild(dir)
    }

    /// A page's output changed by hand is not spliced into: the edit is rendered whole.
    @Test func aTamperedOutputFileIsRenderedAgain() throws {
        let dir = try base.site()
        _ = try base.build(dir)
        let page = dir.url.appendingPathComponent("Site/handbook/roles/index.html")
        try Data("<p>changed by hand</p>".utf8).write(to: page)
        try base.edit(dir, "Content/handbook/roles.md") { $0 + "\nMore.\n" }
        let result = try outputs(dir)
        #expect(!result.log.contains(Self.marker))
        #expect(result.rendered == ["handbook/roles/index.html"])
        try base.expectSameAsCleanBuild(dir)
    }

    /// Control characters are dropped from the output, which moves the bytes after them: a
    /// page that has any is built whole, before and after they come or go.
    @Test func controlCharactersAreNotSplicedAround() throws {
        let dir = try base.site()
        try base.edit(dir, "Content/handbook/roles.md") { $0.replacingOccurrences(of: "Details follow.", with: "Details\u{01} follow.") }
        _ = try base.build(dir)
        try base.edit(dir, "Content/handbook/roles.md") { $0 + "\nMore.\n" }
        #expect(try !outputs(dir).log.contains(Self.marker))
        try base.expectSameAsCleanBuild(dir)
        // Clean again, then a control character arrives by an edit.
        try base.edit(dir, "Content/handbook/roles.md") { $0.replacingOccurrences(of: "\u{01}", with: "") }
        _ = try base.build(dir)
        try base.edit(dir, "Content/handbook/roles.md") { $0 + "\nBell\u{07}.\n" }
        #expect(try !outputs(dir).log.contains(Self.marker))
        try base.expectSameAsCleanBuild(dir)
    }

    /// Edits of every kind to the benchmark corpus's pages, one after another, in an order
    /// drawn from a seed: after each, the output equals a clean build, whichever way the
    /// edit went.
    @Test func aSequenceOfEditsToAGeneratedHandbook() throws {
        let dir = TempDir()
        let corpus = dir.url.appendingPathComponent("corpus")
        try CorpusWriter(plan: CorpusPlan(CorpusOptions(pages: 40, sections: 2, chapterSize: 10, seed: 11))).write(to: corpus)
        let pages = tree(corpus).keys.filter { $0.hasSuffix(".md") && !$0.hasSuffix("_index.md") }.sorted()
        let common = ["--content", corpus.path, "--templates", Repo.templates.path, "--as-of", "2026-11-20"]
        func build(_ output: String, _ extra: [String]) throws -> String {
            let result = try townhall(["build", "--output", dir.url.appendingPathComponent(output).path] + common + extra, in: dir.url)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stderr
        }
        _ = try build("Site", ["--quiet"])
        // Each edit: what it does to a page's text.
        let edits: [(String, (String) -> String)] = [
            ("append a paragraph", { $0 + "\nA closing remark with *emphasis* and `code`.\n" }),
            ("append many words", { $0 + "\n" + Array(repeating: "volunteer", count: 250).joined(separator: " ") + "\n" }),
            ("change a word in the middle", { text in
                guard let range = text.range(of: " the ", range: text.index(text.startIndex, offsetBy: text.count / 2)..<text.endIndex) else { return text + "\nx\n" }
                return text.replacingCharacters(in: range, with: " this ")
            }),
            ("insert a list", { $0.replacingOccurrences(of: "\n## ", with: "\n- one\n- two & <three>\n\n## ", options: [], range: nil) }),
            ("drop the last line", { text in
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                while lines.last?.isEmpty == true { lines.removeLast() }
                if !lines.isEmpty { lines.removeLast() }
                return lines.joined(separator: "\n") + "\n"
            }),
            ("add a heading", { $0 + "\n## Added heading\n\nText.\n" }),
            ("retitle", { $0.replacingOccurrences(of: "title: ", with: "title: New ", options: [], range: $0.range(of: "title: ")) }),
        ]
        var rng = SplitMix64(seed: 3)
        var quick = 0
        for round in 0..<14 {
            let path = pages[Int(rng.next() % UInt64(pages.count))]
            let (name, change) = edits[Int(rng.next() % UInt64(edits.count))]
            let url = corpus.appendingPathComponent(path)
            let before = try String(contentsOf: url, encoding: .utf8)
            Thread.sleep(forTimeInterval: 0.01)
            try change(before).write(to: url, atomically: false, encoding: .utf8)
            if try build("Site", ["--verbose"]).contains(Self.marker) { quick += 1 }
            _ = try build("Clean", ["--clean", "--quiet"])
            var a = tree(dir.url.appendingPathComponent("Site")), b = tree(dir.url.appendingPathComponent("Clean"))
            a.removeValue(forKey: ".townhall-output"); b.removeValue(forKey: ".townhall-output")
            #expect(a == b, "round \(round): \(name) of \(path)")
        }
        #expect(quick > 0, "some of the edits were applied to the old output")
    }

    /// The cache's edit index belongs to the cache that names it: a stale one is not used.
    @Test func aStaleEditIndexIsNotUsed() throws {
        let dir = try base.site()
        _ = try base.build(dir)
        let edits = dir.url.appendingPathComponent(".townhall-cache/Site.edits")
        let first = try Data(contentsOf: edits)
        try base.edit(dir, "Content/notes/one.md") { $0.replacingOccurrences(of: "title: One", with: "title: First") }
        _ = try base.build(dir)
        try first.write(to: edits)
        try base.edit(dir, "Content/notes/one.md") { $0 + "\nMore.\n" }
        let result = try outputs(dir)
        #expect(!result.log.contains(Self.marker))
        try base.expectSameAsCleanBuild(dir)
    }
}
