import Foundation
import Testing

/// The committed Site/ is the sample's golden output: building Content/ with Templates/
/// must reproduce it byte for byte, whatever the thread count.
@Suite struct SampleSiteTests {
    func buildSample(threads: Int, into dir: TempDir) throws -> [String: Data] {
        let result = try townhall(
            ["build", "--content", Repo.root.appendingPathComponent("Content").path,
             "--templates", Repo.templates.path, "--output", dir.url.appendingPathComponent("Site").path,
             "--threads", String(threads), "--quiet"],
            in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "the sample builds without warnings")
        return tree(dir.url.appendingPathComponent("Site"))
    }

    @Test func sampleReproducesCommittedSite() throws {
        let dir = TempDir()
        let built = try buildSample(threads: 0, into: dir)
        let committed = tree(Repo.root.appendingPathComponent("Site"))
        #expect(!committed.isEmpty, "Site/ is committed")
        #expect(built.keys.sorted() == committed.keys.sorted())
        for (path, data) in built where committed[path] != data {
            Issue.record("Site/\(path) differs from the committed file; run `make site` and commit Site/")
        }
    }

    /// An incremental rebuild of the sample (cached pages, in-place writes) must still make
    /// every file, including the CSVs written beside report pages.
    @Test func incrementalRebuildOfTheSampleEqualsTheCommittedSite() throws {
        let dir = TempDir()
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("Content"), to: dir.url.appendingPathComponent("Content"))
        try dir.copyTemplates()
        let arguments = ["build", "--quiet", "--content", "Content", "--templates", "Templates", "--output", "Site"]
        #expect(try townhall(arguments, in: dir.url).status == 0)
        let page = dir.url.appendingPathComponent("Content/handbook/values.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try (text + "\n").write(to: page, atomically: false, encoding: .utf8)
        try text.write(to: page, atomically: false, encoding: .utf8)
        #expect(try townhall(arguments, in: dir.url).status == 0)
        let built = tree(dir.url.appendingPathComponent("Site"))
        let committed = tree(Repo.root.appendingPathComponent("Site"))
        #expect(built.keys.sorted() == committed.keys.sorted())
        for (path, data) in built where committed[path] != data {
            Issue.record("Site/\(path) differs after an incremental rebuild")
        }
    }

    @Test func buildsAreIdenticalAcrossRunsAndThreadCounts() throws {
        let a = TempDir(), b = TempDir()
        let one = try buildSample(threads: 1, into: a)
        let all = try buildSample(threads: 0, into: b)
        #expect(one == all)
        let again = try buildSample(threads: 0, into: a)
        #expect(again == one)
    }

    @Test func samplePagesHaveCleanURLsAndWorkingNavigation() throws {
        let dir = TempDir()
        let site = try buildSample(threads: 0, into: dir)
        let rules = String(decoding: try #require(site["handbook/rules/index.html"]), as: UTF8.self)
        #expect(rules.contains("<a href=\"./\" aria-current=\"page\">Rules</a>"))
        #expect(rules.contains("id=\"s4-1\""), "rule numbers have anchors")
        #expect(site["playbook/index.html"] != nil, "README.md serves as the section page")
        #expect(site["playbook/checklist.txt"] != nil, "other files are copied beside their pages")
        #expect(site["sitemap.xml"] != nil && site["robots.txt"] != nil && site["404.html"] != nil)
        #expect(site["tags/index.html"] != nil)
        #expect(site.keys.contains { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") }, "CSS is fingerprinted")
        #expect(!site.keys.contains { $0.hasPrefix("data/") || $0 == "site.yaml" }, "configuration and data are never copied")
    }
}
