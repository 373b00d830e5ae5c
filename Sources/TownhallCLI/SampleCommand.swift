import ArgumentParser
import Foundation
import TownhallContent
import TownhallData
import TownhallDiagnostics

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Generate community data: the Riverside Makers sample, or large data sets for benchmarks.",
        discussion: """
            Writes members.csv, groups.yaml, events.csv, attendance.csv and moderation.csv \
            into <output>. The data is made from a seeded random generator (xoshiro256**), \
            so the same options always give the same bytes. It is shaped like a real \
            community: growth with seasons, a core of regulars, groups splitting off and \
            going quiet, referral chains, members who leave, a few warnings. Contact \
            details are fictional (example.org addresses, 020 7946 0xxx numbers).

            With --event-pages, events written as Markdown pages get attendance too; \
            they take the place of the scheduled event of their group on their day.

            Examples:
              townhall sample --members 400 --seed 7 --event-pages Content/events --output Content/data
              townhall sample --members 100000 --groups 2000 --events 20000 --attendance 1000000 --output /tmp/big
            """
    )

    @Option(name: .long, help: "Rows of the member list (about one in seven a guest who never joined).")
    var members = 400

    @Option(name: .long, help: "Groups (at least the 14 of the sample).")
    var groups: Int?

    @Option(name: .long, help: "Events (at least the sample's calendar).")
    var events: Int?

    @Option(name: .long, help: "About this many registrations (attendance rows).")
    var attendance: Int?

    @Option(name: .long, help: "Seed of the random generator.")
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("First day of the data (YYYY-MM-DD).", valueName: "date"))
    var start = "2024-01-01"

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The data's today: members join up to it, events after it are upcoming.", valueName: "date"))
    var asOf = "2026-11-20"

    @Option(name: .customLong("event-pages"), help: ArgumentHelp("Folder of event pages to give attendance.", valueName: "dir"))
    var eventPages: String?

    @Option(name: .long, help: ArgumentHelp("Folder to write the data files into.", valueName: "dir"))
    var output: String

    func validate() throws {
        guard CalendarDate(iso: start) != nil else { throw ValidationError("--start expects a date like 2024-01-01") }
        guard let until = CalendarDate(iso: asOf) else { throw ValidationError("--as-of expects a date like 2026-11-20") }
        guard CalendarDate(iso: start)! < until else { throw ValidationError("--start must come before --as-of") }
        guard members >= 2 else { throw ValidationError("--members must be 2 or more") }
    }

    func run() throws {
        let console = Console(quiet: false, verbose: false)
        var diagnostics: [Diagnostic] = []
        var pages: [Event] = []
        if let eventPages {
            pages = EventPageReader.read(folder: URL(fileURLWithPath: eventPages), display: eventPages, diagnostics: &diagnostics)
        }
        guard !diagnostics.hasErrors else {
            console.printDiagnostics(diagnostics, format: .text)
            throw ExitCode(1)
        }
        let options = SampleOptions(
            members: members, groups: groups, events: events, attendance: attendance, seed: seed,
            start: CalendarDate(iso: start)!, asOf: CalendarDate(iso: asOf)!)
        let clock = ContinuousClock()
        let began = clock.now
        let data = SampleGenerator(options: options).generate(pages: pages)
        let folder = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in data.files() {
            try Data(file.bytes).write(to: folder.appendingPathComponent(file.name))
        }
        console.info(
            console.green("Generated") + " \(Count.of(data.members.count, "member")), \(Count.of(data.groups.count, "group")), "
                + "\(Count.of(data.events.count + pages.count, "event")), \(Count.of(data.attendance.count, "registration")) and "
                + "\(Count.of(data.moderation.count, "moderation record")) into \(output)/ in "
                + String(format: "%.2f", BuildCommand.seconds(clock.now - began)) + " s (seed \(seed))")
    }
}
