import ArgumentParser
import Foundation

/// `townhall-corpus`: writes a deterministic handbook of generated Markdown pages for the
/// benchmarks (`make bench`). Not part of the `townhall` command people use.
public struct CorpusCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "townhall-corpus",
        abstract: "Write a generated, deterministic handbook corpus for benchmarks.",
        discussion: """
            Writes <output>/site.yaml, a home page, <sections> top-level section folders, each \
            split into chapter folders of about <chapter-size> pages, every folder with an \
            _index.md. Pages are 400–800 words of prose with headings, lists, code blocks, \
            quotes, tags and relative .md links (with heading anchors) that all resolve. \
            The same options and seed give the same bytes on every machine (SplitMix64).

            Example:
              townhall-corpus --pages 10000 --output /dev/shm/corpus-10000
            """
    )

    @Option(help: "Ordinary pages to write (section and chapter pages come on top).")
    var pages = 1_000

    @Option(help: "Top-level sections.")
    var sections = 20

    @Option(help: "Ordinary pages per chapter folder.")
    var chapterSize = 25

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 6

    @Option(help: ArgumentHelp("Folder to write; replaced only if empty or made by this tool.", valueName: "dir"))
    var output: String

    public init() {}

    public func validate() throws {
        guard pages >= 1, sections >= 1, chapterSize >= 1 else {
            throw ValidationError("--pages, --sections and --chapter-size must be at least 1")
        }
    }

    public func run() throws {
        let plan = CorpusPlan(CorpusOptions(pages: pages, sections: sections, chapterSize: chapterSize, seed: seed))
        do {
            let summary = try CorpusWriter(plan: plan).write(to: URL(fileURLWithPath: output))
            print("Wrote \(summary.files) Markdown files (\(summary.ordinaryPages) pages, \(summary.files - summary.ordinaryPages) section and home pages), \(summary.bytes) bytes, into \(output)")
        } catch {
            FileHandle.standardError.write(Data("townhall-corpus: error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}
