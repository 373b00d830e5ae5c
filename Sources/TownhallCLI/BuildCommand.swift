import ArgumentParser
import Foundation
import TownhallBuild
import TownhallDiagnostics

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            Reads <content>/site.yaml and every Markdown page under <content>, renders them \
            with the templates, and writes the site to <output>. The site is built in a \
            temporary folder beside <output> and swapped in only when the whole build \
            succeeded, so a failed build leaves the previous site as it was. Townhall only \
            replaces an output folder it made itself (it holds a .townhall-output marker).

            Exit status: 0 on success (warnings allowed), 1 when any error was found.

            Examples:
              townhall build
              townhall build --content docs --output public --as-of 2026-11-20
            """
    )

    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: ArgumentHelp("Where the site is written.", valueName: "dir"))
    var output = "Site"

    @Option(name: .long, help: "How errors are printed: text, json or github (GitHub Actions annotations).")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, help: "Ignore the build cache (<output's parent>/.townhall-cache/): read, render and write everything.")
    var clean = false

    func run() throws {
        let console = Console(quiet: source.quiet, verbose: source.verbose)
        let options = BuildOptions(
            content: source.content, templates: source.templates, output: output,
            includeDrafts: source.drafts, asOf: source.asOfDate, threads: source.threads)
        let clock = ContinuousClock()
        let start = clock.now
        let writer = OutputWriter(
            output: options.output, outputDisplay: options.outputDisplay,
            protected: [(options.content, options.contentDisplay), (options.templates, options.templatesDisplay)])
        Interruption.install()
        let lock: OutputLock
        do {
            lock = try OutputLock(output: options.output, display: options.outputDisplay)
        } catch {
            console.printDiagnostics([error], format: format)
            throw ExitCode(1)
        }
        defer { withExtendedLifetime(lock) {} }
        let refusals = writer.check()
        guard refusals.isEmpty else {
            console.printDiagnostics(refusals, format: format)
            throw ExitCode(1)
        }
        let cacheURL = BuildCache.location(for: options.output)
        // The cache is read while the content folder is listed (read first, it kept the other
        // core idle for about 12 ms of an edit's rebuild), and whether the output is as the
        // last build left it is checked once it is read, also while the inputs are listed.
        let loading = Background { [clean] in clean ? nil : BuildCache.load(from: cacheURL) }
        let intact = Background { writer.canUpdate(loading.value) }
        let output = options.output
        // Stages are shown with --verbose, and on a terminal once a build has run for a second.
        let result = SiteBuilder(options: options).build(cache: loading.value, incremental: intact.value) { stage in
            let elapsed = clock.now - start
            if console.level == .verbose || (console.isTerminal && console.level == .normal && elapsed > .seconds(1)) {
                console.error(String(format: "  %6.2f s  %@\n", Self.seconds(elapsed), stage))
            }
        } previous: { path in
            try? Data(contentsOf: output.appendingPathComponent(path))
        }
        let previous = loading.value
        console.printDiagnostics(result.diagnostics, format: format)
        if result.diagnostics.hasErrors {
            console.error("build failed with \(Count.of(result.diagnostics.errorCount, "error")); \(options.outputDisplay) was not changed\n")
            throw ExitCode(1)
        }
        let written: Int
        // The cache's large files are written while the site is (see `saveFiles`); the cache
        // file that names them only once the site is written.
        let cache = result.cache
        let files = result.unchanged ? nil : Background { try? cache.saveFiles(to: cacheURL) }
        do {
            let commit = try writer.commit(result, previous: previous, intact: previous != nil && intact.value)
            written = commit.written
            // A cache that cannot be saved only costs the next build time.
            if let saved = files?.value { try? commit.cache.save(to: cacheURL, files: saved) }
        } catch {
            // Waited for, so that exiting leaves no temporary file in the cache folder. The
            // cache file in place still names the files it named (their new generations do
            // not match it), so the next build trusts nothing this one wrote.
            _ = files?.value
            console.printDiagnostics([error], format: format)
            throw ExitCode(1)
        }
        if result.quickEdit { console.detail("  only page bodies changed: their old output updated, the rest of the site not loaded") }
        for path in result.rendered { console.detail("  rendered \(path)") }
        for path in result.generated { console.detail("  generated \(path)") }
        let seconds = Self.seconds(clock.now - start)
        let data = result.data.isEmpty ? "" : ", \(Count.of(result.data.members + result.data.groups + result.data.events + result.data.registrations + result.data.moderation, "data row"))"
        console.info(
            console.green("Built") + " \(Count.of(result.pageCount, "page"))\(data) into \(options.outputDisplay)/"
                + " in \(String(format: "%.2f", seconds)) s: rendered \(result.rendered.count), wrote \(Count.of(written, "file"))"
                + (result.diagnostics.warningCount > 0 ? ", \(Count.of(result.diagnostics.warningCount, "warning"))" : "")
                + (result.asOf.isEmpty ? " (nothing changed since the last build)" : " (as of \(result.asOf), from \(result.asOfSource))"))
    }
}

extension BuildCommand {
    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

enum Count {
    static func of(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
