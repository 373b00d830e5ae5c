import ArgumentParser
import Foundation
import TownhallBuild
import TownhallDiagnostics
import TownhallServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally, and rebuild and reload on every change.",
        discussion: """
            Builds in memory (nothing is written to disk), serves the site at its base path \
            (the path of base_url in site.yaml) and watches <content> and <templates>. Open pages \
            reload by themselves after each build. When a build fails, the errors are printed here \
            and shown over the page in the browser, while the last good build keeps being served.

            The server listens on 127.0.0.1 only, unless --host says otherwise; it answers only \
            requests whose Host header names this machine, and serves only the files of the built \
            site. It is meant for previewing, not for production.

            Examples:
              townhall serve
              townhall serve --port 8080 --drafts
            """
    )

    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: "Port to listen on; 0 picks a free one.")
    var port: UInt16 = 4000

    @Option(name: .long, help: "Address to listen on. Anything but a loopback address exposes your drafts to the network.")
    var host = "127.0.0.1"

    func run() async throws {
        let console = Console(quiet: source.quiet, verbose: source.verbose)
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            console.error("warning: listening on \(host) makes the preview reachable from other machines\n")
        }
        let options = BuildOptions(
            content: source.content, templates: source.templates, output: ".townhall-serve",
            includeDrafts: source.drafts, asOf: source.asOfDate, threads: source.threads)
        let server = DevServer(
            options: options, host: host == "localhost" ? "127.0.0.1" : host, port: port,
            report: { diagnostics, summary in
                console.printDiagnostics(diagnostics, format: .text)
                if diagnostics.hasErrors { console.error(summary + "\n") } else { console.info(summary) }
            },
            ready: { url in
                console.info("Serving at \(url)  (Ctrl-C to stop)")
            })
        do {
            try await server.run()
        } catch {
            console.error("error: cannot serve on \(host):\(port): \(error)\n")
            throw ExitCode(1)
        }
    }
}
