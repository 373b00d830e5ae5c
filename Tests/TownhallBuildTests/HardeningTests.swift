import Foundation
import Testing

/// Bad input and faults generated at run time (too large or too odd to commit as
/// fixtures): each ends in a clear message and bounded time, and the previous site stays.
@Suite struct HardeningTests {
    func site() throws -> TempDir {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/_index.md --
            # Home

            Hello.
            """)
        #expect(try townhall(["build", "--quiet"], in: dir.url).status == 0)
        return dir
    }

    /// Runs a build that must fail with `message` and leave Site/ as it was.
    func expectFailure(_ dir: TempDir, _ message: String, environment: [String: String] = [:]) throws {
        let before = tree(dir.url.appendingPathComponent("Site"))
        let result = try townhall(["build"], in: dir.url, environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(tree(dir.url.appendingPathComponent("Site")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.contains("townhall-tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func hugeMarkdownFileIsRefused() throws {
        let dir = try site()
        let line = String(repeating: "All work and no play. ", count: 40) + "\n"
        let data = Data(String(repeating: line, count: 50_000_000 / line.utf8.count).utf8)
        try data.write(to: dir.url.appendingPathComponent("Content/huge.md"))
        try expectFailure(dir, "Content/huge.md: error: page is 47 MB; pages larger than 8 MB are refused")
    }

    @Test(arguments: [
        ("blockquotes", String(repeating: ">", count: 50_000) + " deep\n"),
        ("brackets", String(repeating: "[", count: 50_000) + "x" + String(repeating: "]", count: 50_000) + "\n"),
        ("emphasis", String(repeating: "*a", count: 50_000) + "\n"),
        ("links", String(repeating: "[a](", count: 20_000) + "\n"),
        ("lists", (0..<1_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n") + "\n"),
    ])
    func pathologicalMarkdownBuildsInBoundedTime(_ name: String, _ text: String) throws {
        let dir = try site()
        try ("# Pathological \(name)\n\n" + text).write(to: dir.url.appendingPathComponent("Content/p.md"), atomically: true, encoding: .utf8)
        let start = Date()
        let result = try townhall(["build", "--quiet"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        #expect(Date().timeIntervalSince(start) < 60, "\(name) took too long")
    }

    @Test func frontMatterAliasBombIsRefused() throws {
        let dir = try site()
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<9 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        try ("---\ntitle: Bomb\n" + yaml + "---\nBody\n").write(to: dir.url.appendingPathComponent("Content/bomb.md"), atomically: true, encoding: .utf8)
        try expectFailure(dir, "Content/bomb.md:2:1: error: front matter expands to more than 10000 values (YAML aliases?)")
    }

    @Test func nulBytesAreRefused() throws {
        let dir = try site()
        try Data("---\ntitle: A\n---\nText\u{0}more\n".utf8).write(to: dir.url.appendingPathComponent("Content/nul.md"))
        try expectFailure(dir, "Content/nul.md:4:5: error: file contains a NUL byte; expected text")
    }

    @Test func symlinkLoopsDoNotHang() throws {
        let dir = try site()
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir.url.appendingPathComponent("Content/loop").path, withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: dir.url.appendingPathComponent("Content/a.md").path, withDestinationPath: "b.md")
        try fm.createSymbolicLink(atPath: dir.url.appendingPathComponent("Content/b.md").path, withDestinationPath: "a.md")
        try expectFailure(dir, "Content/a.md: error: symlink is broken or loops")
        let result = try townhall(["build"], in: dir.url)
        #expect(result.stderr.contains("Content/loop: warning: symlinked folder is not followed"))
    }

    @Test func failedWriteMidBuildKeepsThePreviousSite() throws {
        let dir = try site()
        for i in 0..<20 { try "# P\(i)\n".write(to: dir.url.appendingPathComponent("Content/p\(i).md"), atomically: true, encoding: .utf8) }
        // A build that writes the whole site (swap) and one that updates it in place.
        try expectFailure(dir, "Site: error: cannot write", environment: ["TOWNHALL_TEST_FAIL_WRITE_AFTER": "10"])
        #expect(try townhall(["build", "--quiet", "--clean"], in: dir.url).status == 0)
        for i in 0..<3 { try "# P\(i) changed\n".write(to: dir.url.appendingPathComponent("Content/p\(i).md"), atomically: true, encoding: .utf8) }
        try expectFailure(dir, "Site: error: cannot write", environment: ["TOWNHALL_TEST_FAIL_WRITE_AFTER": "2"])
        #expect(try townhall(["build", "--quiet"], in: dir.url).status == 0, "the next build recovers")
        #expect(dir.read("Site/p0/index.html")?.contains("P0 changed") == true)
    }

    @Test func readOnlyOutputFolderFailsClearly() throws {
        // Permissions do not bind root; there the failpoint above stands in for them.
        guard getuid() != 0 else { return }
        let dir = try site()
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.url.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.url.path) }
        try "# Changed\n".write(to: dir.url.appendingPathComponent("Content/_index.md"), atomically: false, encoding: .utf8)
        let result = try townhall(["build", "--clean"], in: dir.url)
        #expect(result.status == 1)
    }

    @Test func directoryOrderDoesNotChangeTheOutput() throws {
        // The same files created in opposite orders (file systems list them differently).
        let names = (0..<40).map { "page-\($0)" }
        var sites: [[String: Data]] = []
        for order in [names, names.reversed()] {
            let dir = TempDir()
            try dir.copyTemplates()
            try dir.write("-- Content/_index.md --\n# Home\n")
            for name in order {
                let section = "s\(name.count % 3)"
                try dir.write("-- Content/\(section)/\(name).md --\n---\ntitle: Same title\ntags: [t\(name.count % 2)]\n---\nText of \(name).\n")
            }
            #expect(try townhall(["build", "--quiet", "--threads", order == names ? "1" : "0"], in: dir.url).status == 0)
            sites.append(tree(dir.url.appendingPathComponent("Site")))
        }
        #expect(sites[0] == sites[1])
    }
}
