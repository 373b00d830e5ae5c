import ArgumentParser
import TownhallContent

/// Options shared by the commands that read a site.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of Markdown pages, site.yaml and files to copy.", valueName: "dir"))
    var content = "Content"

    @Option(name: .long, help: ArgumentHelp("Theme folder: layouts/, partials/ and assets/. A site overrides any template by name in <content>/_templates/.", valueName: "dir"))
    var templates = "Templates"

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "The build's date (YYYY-MM-DD) for review reminders and upcoming/past events. Default: SOURCE_DATE_EPOCH, then site.yaml's as_of, then today.",
        valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("Worker threads; 0 uses every core.", valueName: "n"))
    var threads = 0

    @Flag(name: .shortAndLong, help: "Print only errors and warnings.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print each stage and its timing.")
    var verbose = false

    func validate() throws {
        if let asOf, CalendarDate(iso: asOf) == nil {
            throw ValidationError("--as-of expects a date like 2026-11-20, found \"\(asOf)\"")
        }
        if threads < 0 { throw ValidationError("--threads must be 0 (every core) or more") }
    }

    var asOfDate: CalendarDate? { asOf.flatMap(CalendarDate.init(iso:)) }
}
