import Foundation
import Testing
@testable import TownhallBuild

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
        // Only the lock file (reused; deleting it would race with another build) and the
        // build cache stay beside the output.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.contains("townhall-") }
        #expect(leftovers.sorted() == [".Site.townhall-lock", ".townhall-cache"])
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

    @Test func secondBuildIsRefusedWhileOneIsWriting() throws {
        let dir = try site()
        // Hold the lock as a running build would.
        let fd = open(dir.url.appendingPathComponent(".Site.townhall-lock").path, O_CREAT | O_RDWR, 0o644)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let refused = try townhall(["build"], in: dir.url)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("Site: error: another townhall build is writing this folder; wait for it to finish"))
        flock(fd, LOCK_UN)
        close(fd)
        #expect(try townhall(["build", "--quiet"], in: dir.url).status == 0)
    }

    @Test func killedBuildLeavesThePreviousSiteComplete() throws {
        let dir = try site()
        #expect(try townhall(["build", "--quiet"], in: dir.url).status == 0)
        let before = tree(dir.url.appendingPathComponent("Site"))
        // Enough pages that the build is still running when it is killed.
        for i in 0..<1000 {
            try "# Page \(i)\n\n\(String(repeating: "Some words here. ", count: 200))\n".write(
                to: dir.url.appendingPathComponent("Content/p\(i).md"), atomically: false, encoding: .utf8)
        }
        for delay in [0.05, 0.2, 0.4] {
            let process = Process()
            process.executableURL = Repo.binary
            process.arguments = ["build", "--quiet"]
            process.currentDirectoryURL = dir.url
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = tree(dir.url.appendingPathComponent("Site"))
            if after != before {
                // The kill came after the swap: then the new site must be complete.
                #expect(after["p999/index.html"] != nil, "killed after \(delay) s: Site/ is neither the old nor the complete new site")
                return
            }
        }
    }

    @Test func interruptRemovesTheTemporaryFolder() throws {
        let dir = try site()
        for i in 0..<1000 {
            try "# Page \(i)\n\n\(String(repeating: "Some words here. ", count: 200))\n".write(
                to: dir.url.appendingPathComponent("Content/p\(i).md"), atomically: false, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = Repo.binary
        process.arguments = ["build", "--quiet"]
        process.currentDirectoryURL = dir.url
        try process.run()
        // Interrupt while the temporary folder exists, if we can catch it.
        let deadline = Date().addingTimeInterval(20)
        var sawTemp = false
        while process.isRunning, Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.url.path)) ?? []
            if names.contains(where: { $0.contains("townhall-tmp") }) {
                sawTemp = true
                kill(process.processIdentifier, SIGINT)
                break
            }
            Thread.sleep(forTimeInterval: 0.002)
        }
        process.waitUntilExit()
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
        #expect(!names.contains { $0.contains("townhall-tmp") }, "no temporary folder is left")
        if sawTemp && process.terminationStatus != 0 {
            #expect(process.terminationStatus == 130)
            // Interrupted before the swap: no site; during or after it: the complete new one.
            let site = tree(dir.url.appendingPathComponent("Site"))
            #expect(site.isEmpty || site["p999/index.html"] != nil)
        }
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

/// The previous site, moved aside by a swap, is removed on every core; links in it are
/// removed as links, and what they point at is left alone.
@Suite struct PreviousSiteRemovalTests {
    @Test func removesEverythingUnderItButNotWhatLinksPointAt() throws {
        let dir = TempDir()
        let fm = FileManager.default
        let old = dir.url.appendingPathComponent(".Site.townhall-old-1")
        let outside = dir.url.appendingPathComponent("keep")
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: outside.appendingPathComponent("notes.txt"))
        for section in ["a", "b", "c/d"] {
            for page in 0..<20 {
                let folder = old.appendingPathComponent("\(section)/p\(page)")
                try fm.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data("<p>\(page)</p>".utf8).write(to: folder.appendingPathComponent("index.html"))
            }
        }
        try Data("top".utf8).write(to: old.appendingPathComponent("index.html"))
        try fm.createSymbolicLink(at: old.appendingPathComponent("linked"), withDestinationURL: outside)
        try fm.createSymbolicLink(at: old.appendingPathComponent("a/linked"), withDestinationURL: outside)
        try fm.createSymbolicLink(at: old.appendingPathComponent("note"), withDestinationURL: outside.appendingPathComponent("notes.txt"))
        OutputWriter.remove(old)
        #expect(!fm.fileExists(atPath: old.path))
        #expect(try fm.contentsOfDirectory(atPath: outside.path) == ["notes.txt"])
        #expect(try String(contentsOf: outside.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
    }
}
