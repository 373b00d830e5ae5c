import ArgumentParser
import TownhallBuild
import TownhallDiagnostics

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load and validate the site without writing anything.",
        discussion: """
            Runs every stage of a build except writing: front matter, links and anchors, \
            templates and layouts. Prints every problem found and exits 1 if any is an error. \
            Use --format github in GitHub Actions to annotate the pull request.
            """
    )

    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: "How problems are printed: text, json or github (GitHub Actions annotations).")
    var format: DiagnosticFormat = .text

    func run() throws {
        let console = Console(quiet: source.quiet, verbose: source.verbose)
        let options = BuildOptions(
            content: source.content, templates: source.templates, output: "Site",
            includeDrafts: source.drafts, asOf: source.asOfDate, threads: source.threads)
        let result = SiteBuilder(options: options).build()
        console.printDiagnostics(result.diagnostics, format: format)
        if result.diagnostics.hasErrors { throw ExitCode(1) }
        if format == .text {
            console.info(console.green("No errors") + " in \(options.contentDisplay)/ (\(Count.of(result.pageCount, "page")), \(Count.of(result.diagnostics.warningCount, "warning")))")
        }
    }
}
