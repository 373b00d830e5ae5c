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
