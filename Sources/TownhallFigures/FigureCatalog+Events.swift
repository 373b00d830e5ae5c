import TownhallCharts
import TownhallData
import TownhallStats

extension FigureCatalog {
    static func eventKindLabel(_ kind: Event.Kind) -> String {
        switch kind {
        case .meetup: return "Meet-up"
        case .talk: return "Talk"
        case .workshop: return "Workshop"
        case .online: return "Online session"
        }
    }

    mutating func addEvents() {
        let e = stats.events
        let t = e.totals
        let d = disclosure
        let src: [DataKind] = [.events, .attendance]
        add(Figure("events.count", "Events", d.count(t.events),
                   "Events dated from the start of the period to the as-of date (later ones are upcoming).", sources: [.events]))
        add(Figure("events.with_records", "Events with an attendance record", d.count(t.withRecords),
                   "Events of the period with at least one registration. Events without are left out of every attendance figure.", sources: src))
        add(Figure("events.without_records", "Events without an attendance record", d.count(t.withoutRecords),
                   "Events of the period with no registration recorded.", sources: src))
        add(Figure("events.registrations", "Registrations", d.people(t.registered),
                   "Rows of the attendance sheet for the period's events: one per person registered.", sources: src))
        add(Figure("events.attended", "Attendances", d.people(t.attended),
                   "Registrations marked attended: yes. A person who came to three events counts three times.", sources: src))
        add(Figure("events.show_up_rate", "Show-up rate", d.share(t.showUp),
                   "Attended ÷ registered over the period's events (the event platforms' check-in rate).",
                   standard: "Check-in rate", sources: src))
        add(Figure("events.capacity_fill", "Capacity fill", d.share(t.capacityFill),
                   "Attendances ÷ places, over the period's events that have an attendance record and a capacity above zero.", sources: src))
        add(Figure("events.first_timers", "First-timers", d.people(t.firstTimers),
                   "Attendances that were the person's first attended event ever.", sources: src))
        add(Figure("events.returning", "Returning attendances", d.people(t.returning),
                   "Attendances by people who had attended an event before.", sources: src))
        add(Figure("events.first_timer_share", "First-timer share", d.share(t.firstTimerShare),
                   "First-timers ÷ attendances.", sources: src))
        add(Figure("events.rating", "Average rating", d.mean(t.rating, places: 1),
                   "The mean of the ratings (1–5) given by attendees, over the ratings given; shown when at least as many people rated as the privacy threshold.",
                   sources: src))
        add(Figure("events.ratings", "Ratings given", d.people(t.ratings),
                   "Attendances with a rating.", sources: src))
        add(Figure("events.first_time_guests", "First-time guests", d.people(e.firstTimeGuests),
                   "People whose first attended event was in the period and who came to it as a guest (marked guest: yes, or not a member that day).",
                   sources: [.members, .events, .attendance]))
        add(Figure("events.guests_converted", "Guests who became members", d.people(e.guestsConverted),
                   "First-time guests who joined as members within \(stats.settings.conversionDays) days of that first event (by the as-of date).",
                   sources: [.members, .events, .attendance]))
        add(Figure("events.guests_pending", "Guests still within the window", d.people(e.guestsPending),
                   "First-time guests who have not joined yet but whose \(stats.settings.conversionDays) days had not passed by the as-of date; left out of the conversion rate.",
                   sources: [.members, .events, .attendance]))
        add(Figure("events.guest_conversion", "Guest conversion", d.share(e.guestConversion),
                   "Guests who became members ÷ first-time guests whose \(stats.settings.conversionDays)-day window has closed (or who joined).",
                   standard: "CHAOSS Conversion Rate (guest → member)", sources: [.members, .events, .attendance]))

        let labels = monthLabels
        let months = e.months
        add(FigureTable(
            "events.monthly", "Events by month",
            definition: "For each month of the period: events, events with an attendance record, registrations, attendances, show-up rate, capacity fill, first-timers, returning attendances and the average rating.",
            columns: ["Month", "Events", "With a record", "Registered", "Attended", "Show-up rate", "Capacity fill", "First-timers", "Returning", "Average rating"],
            rows: months.map { m in
                let t = m.totals
                return [.text(m.month.description), .integer(t.events), .integer(t.withRecords), d.people(t.registered), d.people(t.attended),
                        d.share(t.showUp), d.share(t.capacityFill), d.people(t.firstTimers), d.people(t.returning), d.mean(t.rating, places: 1)]
            }, sources: src))

        let first = months.map { d.people($0.totals.firstTimers) }, returning = months.map { d.people($0.totals.returning) }
        let attendanceTable = FigureTable(
            "events.attendance", "Attendances by first-timers and returning people",
            definition: "Attendances of each month's events, split into first-timers (their first attended event ever) and returning people.",
            columns: ["Month", "First-timers", "Returning", "Attended"],
            rows: months.indices.map { [.text(labels[$0]), first[$0], returning[$0], d.people(months[$0].totals.attended)] }, sources: src)
        add(FigureChart(
            name: attendanceTable.name, title: attendanceTable.title, definition: attendanceTable.definition,
            spec: .stacked(StackedBarChart(
                info: ChartInfo(id: "events-attendance", title: attendanceTable.title, summary: "Attendances per month, \(stats.period.text)."),
                categories: labels, series: stackedSeries(["First-timers", "Returning"], [first, returning]),
                categoryTitle: "Month", valueTitle: "Attendances")),
            table: attendanceTable, note: stackedNote(first + returning)))

        let showUp = months.map { d.share($0.totals.showUp) }, fill = months.map { d.share($0.totals.capacityFill) }
        let ratesTable = FigureTable(
            "events.rates", "Show-up rate and capacity fill by month",
            definition: "Attended ÷ registered, and attended ÷ places, over each month's events with an attendance record.",
            columns: ["Month", "Show-up rate", "Capacity fill"],
            rows: months.indices.map { [.text(labels[$0]), showUp[$0], fill[$0]] }, sources: src)
        add(FigureChart(
            name: ratesTable.name, title: ratesTable.title, definition: ratesTable.definition,
            spec: .line(LineChart(
                info: ChartInfo(id: "events-rates", title: ratesTable.title, summary: "Show-up rate and capacity fill per month, \(stats.period.text)."),
                labels: labels, series: [series("Show-up rate", showUp), series("Capacity fill", fill)], format: .percent(0),
                labelTitle: "Month", valueTitle: "Share")),
            table: ratesTable, note: withheldNote(showUp + fill)))

        let kindTable = FigureTable(
            "events.kinds", "Events by kind",
            definition: "Events of the period by kind.",
            columns: ["Kind", "Events"], rows: e.byKind.map { [.text(Self.eventKindLabel($0.kind)), .integer($0.count)] }, sources: [.events])
        add(FigureChart(
            name: kindTable.name, title: kindTable.title, definition: kindTable.definition,
            spec: .bar(BarChart(
                info: ChartInfo(id: "events-kinds", title: kindTable.title, summary: "Events by kind, \(stats.period.text)."),
                categories: e.byKind.map { Self.eventKindLabel($0.kind) }, series: [ChartSeries(name: "Events", values: e.byKind.map { Double($0.count) })],
                categoryTitle: "Kind", valueTitle: "Events")),
            table: kindTable, note: nil))

        add(FigureTable(
            "events.list", "Every event of the period",
            definition: "Each event with its registrations, attendances, show-up rate, places, capacity fill, first-timers and average rating. — for an event without an attendance record.",
            columns: ["Event", "Date", "Kind", "Group", "Registered", "Attended", "Show-up rate", "Capacity", "Capacity fill", "First-timers", "Average rating"],
            rows: e.rows.map { row in
                let event = data.events[row.event]
                let group = event.group.flatMap { data.group($0)?.name } ?? ""
                let record = row.hasRecord
                return [.text(event.title), .date(event.date), .text(Self.eventKindLabel(event.kind)), .text(group),
                        record ? d.people(row.registered) : .undefined, record ? d.people(row.attended) : .undefined,
                        record ? d.share(row.showUp) : .undefined, .integer(row.capacity),
                        record ? d.share(row.capacityFill) : .undefined, record ? d.people(row.firstTimers) : .undefined,
                        record ? d.mean(row.rating, places: 1) : .undefined]
            }, sources: src))
    }
}
