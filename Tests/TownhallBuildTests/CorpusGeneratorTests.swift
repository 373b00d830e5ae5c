import Foundation
import Testing
@testable import TownhallCorpus

/// The benchmark corpus (`townhall-corpus`, used by `make bench`) must be the same bytes for
/// a seed on every machine, and every link in it must resolve, or Townhall refuses to build it.
@Suite struct CorpusGeneratorTests {
    let options = CorpusOptions(pages: 60, sections: 3, chapterSize: 10, seed: 6)

    @Test func splitMix64MatchesTheReferenceSequence() {
        // Published first outputs of SplitMix64 seeded with 0.
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func sameSeedWritesTheSameBytes() throws {
        let a = TempDir(), b = TempDir(), c = TempDir()
        try CorpusWriter(plan: CorpusPlan(options)).write(to: a.url.appendingPathComponent("corpus"))
        try CorpusWriter(plan: CorpusPlan(options)).write(to: b.url.appendingPathComponent("corpus"))
        var other = options
        other.seed = 7
        try CorpusWriter(plan: CorpusPlan(other)).write(to: c.url.appendingPathComponent("corpus"))
        let first = tree(a.url.appendingPathComponent("corpus"))
        #expect(first == tree(b.url.appendingPathComponent("corpus")))
        #expect(first != tree(c.url.appendingPathComponent("corpus")))
    }

    @Test func shapeFollowsTheOptions() throws {
        let dir = TempDir()
        let summary = try CorpusWriter(plan: CorpusPlan(options)).write(to: dir.url.appendingPathComponent("corpus"))
        // 60 pages in 3 sections of 2 chapters each, plus 3 + 6 `_index.md` and the home page.
        #expect(summary.ordinaryPages == 60)
        #expect(summary.files == 60 + 3 + 6 + 1)
        let files = tree(dir.url.appendingPathComponent("corpus")).keys
        #expect(files.contains("site.yaml"))
        #expect(files.filter { $0.hasSuffix("/_index.md") }.count == 9)
    }

    @Test func townhallBuildsTheCorpusWithoutAProblem() throws {
        let dir = TempDir()
        let corpus = dir.url.appendingPathComponent("corpus")
        try CorpusWriter(plan: CorpusPlan(options)).write(to: corpus)
        let result = try townhall(
            ["build", "--content", corpus.path, "--templates", Repo.templates.path,
             "--output", dir.url.appendingPathComponent("Site").path, "--quiet"],
            in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "every link and anchor resolves, no warnings")
    }

    @Test func refusesToReplaceAFolderItDidNotMake() throws {
        let dir = TempDir()
        try dir.write("""
            -- notes/keep.txt --
            precious
            """)
        #expect(throws: CorpusWriter.Failure.self) {
            try CorpusWriter(plan: CorpusPlan(options)).write(to: dir.url.appendingPathComponent("notes"))
        }
        #expect(FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("notes/keep.txt").path))
    }
}
