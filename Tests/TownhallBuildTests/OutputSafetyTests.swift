import Foundation
import Testing

@Suite struct OutputSafetyTests {
    func site() throws -> TempDir {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/_index.md --
            # Home

            Hello.
            """)
        return dir
    }

    @Test func refusesOutputInsideContent() throws {
        let dir = try site()
        let result = try townhall(["build", "--output", "Content/public"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Content/public: error: output folder lies inside the source folder Content"))
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("Content/public").path))
    }

    @Test func refusesOutputEqualToOrContainingSources() throws {
        let dir = try site()
        let same = try townhall(["build", "--output", "Content"], in: dir.url)
        #expect(same.status == 1)
        #expect(same.stderr.contains("output folder is the source folder Content"))
        let parent = try townhall(["build", "--output", "."], in: dir.url)
        #expect(parent.status == 1)
        #expect(parent.stderr.contains("output folder contains the source folder Content"))
    }

    @Test func refusesToReplaceAFolderItDidNotMake() throws {
        let dir = try site()
        try dir.write("""
            -- Site/notes.txt --
            my own notes
            """)
        let result = try townhall(["build"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Site: error: output folder was not made by Townhall"))
        #expect(dir.read("Site/notes.txt") == "my own notes\n")
    }

    @Test func replacesItsOwnOutputAndMarksIt() throws {
        let dir = try site()
        #expect(try townhall(["build", "--quiet"], in: dir.url).status == 0)
        #expect(dir.read("Site/.townhall-output") != nil)
        try dir.write("""
            -- Site/stale.html --
            from an older build
            """)
        #expect(try townhall(["build", "--quiet"], in: dir.url).status == 0)
        #expect(dir.read("Site/stale.html") == nil, "the whole folder is rebuilt")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.contains("townhall-") }
        #expect(leftovers.isEmpty)
    }

    @Test func restoresASiteMovedAsideByAKilledBuild() throws {
        let dir = try site()
        #expect(try townhall(["build", "--quiet"], in: dir.url).status == 0)
        // Simulate a kill between moving the old site aside and moving the new one in.
        try FileManager.default.moveItem(at: dir.url.appendingPathComponent("Site"), to: dir.url.appendingPathComponent(".Site.townhall-old-999"))
        try dir.write("""
            -- Content/_index.md --
            # Home

            Broken [link](missing.md).
            """)
        let result = try townhall(["build"], in: dir.url)
        #expect(result.status == 1)
        #expect(try townhall(["build", "--quiet"], in: dir.url).status == 1)
        // The previous site is back in place after the failed build cleaned up.
        try dir.write("""
            -- Content/_index.md --
            # Home
            """)
        #expect(try townhall(["build", "--quiet"], in: dir.url).status == 0)
        #expect(dir.read("Site/index.html") != nil)
    }

    @Test func bomAndCRLFBuildLikePlainFiles() throws {
        let plain = try site(), windows = try site()
        try plain.write("""
            -- Content/page.md --
            ---
            title: Page
            ---
            Text with a [link](_index.md).
            """)
        let bytes = Data([0xEF, 0xBB, 0xBF]) + Data("---\r\ntitle: Page\r\n---\r\nText with a [link](_index.md).\r\n".utf8)
        try bytes.write(to: windows.url.appendingPathComponent("Content/page.md"))
        #expect(try townhall(["build", "--quiet", "--as-of", "2026-01-01"], in: plain.url).status == 0)
        #expect(try townhall(["build", "--quiet", "--as-of", "2026-01-01"], in: windows.url).status == 0)
        #expect(tree(plain.url.appendingPathComponent("Site")) == tree(windows.url.appendingPathComponent("Site")))
    }
}
