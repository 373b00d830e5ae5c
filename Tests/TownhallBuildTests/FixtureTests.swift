import Foundation
import Testing

/// One folder per scenario under Tests/Fixtures. `invalid-*` cases must fail with exactly
/// the diagnostics in `expected-diagnostics.txt` and leave the previous site untouched;
/// the others must build exactly the files in `expected/`. RECORD_SNAPSHOTS=1 rewrites both.
@Suite struct FixtureTests {
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Repo.fixtures.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// Copies the case to a temporary folder, with the default theme unless it brings one.
    static func prepare(_ name: String) throws -> TempDir {
        let dir = TempDir()
        let source = Repo.fixtures.appendingPathComponent(name)
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) where item.hasPrefix("Content") || item == "Templates" {
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: dir.url.appendingPathComponent(item))
        }
        if !FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("Templates").path) {
            try dir.copyTemplates()
        }
        return dir
    }

    static let arguments = ["build", "--content", "Content", "--templates", "Templates", "--output", "Site", "--as-of", "2026-11-20"]

    @Test(arguments: cases.filter { $0.hasPrefix("invalid-") })
    func invalidCaseReportsEveryErrorAndKeepsPreviousSite(_ name: String) throws {
        let dir = try Self.prepare(name)
        // A previous site that must survive the failed build.
        try dir.write("""
            -- Site/.townhall-output --
            marker
            -- Site/index.html --
            previous build
            """)
        let before = tree(dir.url.appendingPathComponent("Site"))
        let result = try townhall(Self.arguments, in: dir.url)
        let expectedFile = Repo.fixtures.appendingPathComponent(name).appendingPathComponent("expected-diagnostics.txt")
        if Repo.recording {
            try result.stderr.write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(result.status == 1)
        #expect(result.stderr == expected)
        #expect(tree(dir.url.appendingPathComponent("Site")) == before)
    }

    @Test(arguments: cases.filter { !$0.hasPrefix("invalid-") })
    func validCaseBuildsExpectedFiles(_ name: String) throws {
        let dir = try Self.prepare(name)
        let result = try townhall(Self.arguments + ["--quiet"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        let built = tree(dir.url.appendingPathComponent("Site"))
        let expectedRoot = Repo.fixtures.appendingPathComponent(name).appendingPathComponent("expected")
        if Repo.recording {
            try? FileManager.default.removeItem(at: expectedRoot)
            try FileManager.default.copyItem(at: dir.url.appendingPathComponent("Site"), to: expectedRoot)
        }
        let expected = tree(expectedRoot)
        #expect(built.keys.sorted() == expected.keys.sorted())
        for (path, data) in built where expected[path] != data {
            Issue.record("\(path) differs from the golden file in Tests/Fixtures/\(name)/expected (RECORD_SNAPSHOTS=1 to accept)")
        }
    }
}
