import ArgumentParser
import Foundation
import TownhallBuild
import TownhallDiagnostics

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load and validate the site without writing anything.",
        discussion: """
            Runs every stage of a build up to rendering: front matter, links and anchors, \
            templates and layouts, and the community data in <content>/data/ and \
            <content>/events/ (readers, references, cycles, dates, privacy settings). Writes \
            nothing. Prints every problem found and exits 1 if any is an error. Use \
            --format github in GitHub Actions to annotate the pull request, or --format json \
            for other tools.

            Exit status: 0 when there are no errors (warnings allowed), 1 otherwise.
            """
    )

    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: "How problems are printed: text, json or github (GitHub Actions annotations).")
    var format: DiagnosticFormat = .text

    func run() throws {
        let console = Console(quiet: source.quiet, verbose: source.verbose)
        var options = BuildOptions(
            content: source.content, templates: source.templates, output: "Site",
            includeDrafts: source.drafts, asOf: source.asOfDate, threads: source.threads)
        options.validateOnly = true
        let clock = ContinuousClock()
        let start = clock.now
        let result = SiteBuilder(options: options).build { stage in
            console.detail(String(format: "  %6.2f s  %@", BuildCommand.seconds(clock.now - start), stage))
        }
        console.detail(String(format: "  %6.2f s  done", BuildCommand.seconds(clock.now - start)))
        console.printDiagnostics(result.diagnostics, format: format)
        if result.diagnostics.hasErrors { throw ExitCode(1) }
        if format == .text {
            var counts = [Count.of(result.pageCount, "page")]
            let data = result.data
            if !data.isEmpty {
                counts += [
                    Count.of(data.members, "member"), Count.of(data.groups, "group"), Count.of(data.events, "event"),
                    Count.of(data.registrations, "registration"), Count.of(data.moderation, "moderation record"),
                ]
            }
            counts.append(Count.of(result.diagnostics.warningCount, "warning"))
            console.info(console.green("No errors") + " in \(options.contentDisplay)/ (\(counts.joined(separator: ", ")))")
        }
    }
}
