import ArgumentParser
import Foundation
import TownhallBuild
import TownhallContent
import TownhallDiagnostics
import TownhallScaffold

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new site, page or event from a template.",
        discussion: """
            New pages and events come from archetypes: Content/_archetypes/page.md and \
            event.md when the site has them, built-in ones otherwise. Townhall never overwrites \
            an existing file.
            """,
        subcommands: [NewSite.self, NewPage.self, NewEvent.self]
    )
}

/// Today's date for new files: the same rules as a build (SOURCE_DATE_EPOCH, then the clock).
private func today(_ content: String) -> CalendarDate {
    var ignored: [Diagnostic] = []
    let config = SiteConfig.load(from: URL(fileURLWithPath: content).appendingPathComponent("site.yaml"), displayPath: "", diagnostics: &ignored)
    return BuildDate.resolve(option: nil, config: SiteConfig(timeZone: config.timeZone)).date
}

private func fail(_ diagnostic: Diagnostic) -> ExitCode {
    Console(quiet: false, verbose: false).printDiagnostics([diagnostic], format: .text)
    return ExitCode(1)
}

struct NewSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Create a starter site in a new folder: Content/ with a few linked pages and an event, and a copy of the theme in Templates/.",
        discussion: "Then: cd DIR && townhall build (or townhall serve)."
    )

    @Argument(help: ArgumentHelp("The folder to create; it must not exist or must be empty.", valueName: "dir"))
    var directory: String

    @Option(name: .long, help: "The community's name.")
    var title = "Our community"

    @Option(name: .long, help: ArgumentHelp("Theme to copy. Default: ./Templates, else the theme beside the townhall binary's project.", valueName: "dir"))
    var templates: String?

    func run() throws {
        let theme = ThemeLocator.find(explicit: templates)
        if templates != nil && theme == nil { throw fail(.error("theme folder not found", at: SourceLocation(file: templates!))) }
        let folder = URL(fileURLWithPath: directory)
        do {
            let written = try Scaffolder(today: today(directory + "/Content")).newSite(at: folder, display: directory, title: title, theme: theme)
            let console = Console(quiet: false, verbose: false)
            console.info("Created \(directory)/ with \(written.count) entries:")
            for path in written { console.info("  \(path)") }
            if theme == nil {
                console.info("No theme was found to copy; build with --templates pointing at a theme folder.")
            }
            console.info("Next: cd \(directory) && townhall serve")
        } catch {
            throw fail(error)
        }
    }
}

struct NewPage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page",
        abstract: "Create a Markdown page from the page archetype.",
        discussion: "Example: townhall new page handbook/faq --title \"Questions\" creates Content/handbook/faq.md."
    )

    @Argument(help: ArgumentHelp("Path inside the content folder, with or without .md.", valueName: "path"))
    var path: String

    @Option(name: .long, help: "Page title; default: from the file name.")
    var title: String?

    @Option(name: .long, help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content = "Content"

    func run() throws {
        do {
            let file = try Scaffolder(today: today(content)).newPage(path, title: title, content: URL(fileURLWithPath: content), contentDisplay: content)
            Console(quiet: false, verbose: false).info("Created \(file)")
        } catch {
            throw fail(error)
        }
    }
}

struct NewEvent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "Create an event page (plan now, recap later) from the event archetype.",
        discussion: "Example: townhall new event \"Repair café\" --date 2026-12-05 --kind workshop --host m001 creates Content/events/2026-12-05-repair-cafe.md."
    )

    @Argument(help: "The event's title.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("The day of the event.", valueName: "YYYY-MM-DD"))
    var date: String

    @Option(name: .long, help: "meetup, talk, workshop or online.")
    var kind = "meetup"

    @Option(name: .long, help: "Id of the group that runs it.")
    var group: String?

    @Option(name: .long, help: ArgumentHelp("Member id of a host; repeat for several. Every event needs at least one.", valueName: "id"))
    var host: [String] = []

    @Option(name: .long, help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content = "Content"

    func validate() throws {
        if CalendarDate(iso: date) == nil { throw ValidationError("--date expects a date like 2026-12-05, found \"\(date)\"") }
    }

    func run() throws {
        do {
            let file = try Scaffolder(today: today(content)).newEvent(
                title: title, date: CalendarDate(iso: date)!, kind: kind, group: group, hosts: host,
                content: URL(fileURLWithPath: content), contentDisplay: content)
            let console = Console(quiet: false, verbose: false)
            console.info("Created \(file)")
            if host.isEmpty { console.info("Every event needs a host: fill in `hosts:` in \(file) (member ids), or use --host.") }
        } catch {
            throw fail(error)
        }
    }
}
