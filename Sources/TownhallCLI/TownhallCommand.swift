import ArgumentParser

/// `townhall`: the command-line entry point.
@available(macOS 10.15, *)
public struct TownhallCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "townhall",
        abstract: "Build a community handbook and report site from Markdown and data.",
        discussion: """
            Townhall turns a folder of Markdown pages (Content/) and a theme (Templates/) \
            into a static site (Site/) with clean URLs, navigation, tag pages and a sitemap. \
            Links between pages are checked; every problem is reported with file:line:col.

            Community data (members, groups, events, attendance) in Content/data/ and event \
            pages in Content/events/ become event and group pages, an iCalendar feed and an \
            Atom feed of recaps, statistics pages with charts under stats/, and report pages \
            in Content/reports/ that embed figures; `townhall stats` prints the figures and \
            `townhall sample` generates data.

            Start with `townhall build`, or `townhall check` in CI to validate without writing.
            """,
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, StatsCommand.self, ServeCommand.self, NewCommand.self, SampleCommand.self],
        defaultSubcommand: nil
    )

    public init() {}
}
