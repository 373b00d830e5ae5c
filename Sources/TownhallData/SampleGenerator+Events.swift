import TownhallContent

extension SampleState {
    /// The `n`-th weekday (0 = Monday) of a month, or the last one for n = -1.
    static func weekday(_ weekday: Int, _ n: Int, year: Int, month: Int) -> CalendarDate {
        let first = CalendarDate(year: year, month: month, day: 1)!.dayNumber
        let offset = ((weekday - (first + 3) % 7) + 7) % 7
        if n > 0 { return CalendarDate(dayNumber: first + offset + 7 * (n - 1)) }
        var day = first + offset
        while CalendarDate(dayNumber: day + 7).month == month { day += 7 }
        return CalendarDate(dayNumber: day)
    }

    func group(_ id: String) -> Int? { groups.firstIndex { $0.id == id } }

    /// `Bicycle brakes & gears` → `bicycle-brakes-gears`: ids stay ASCII, as URLs like them.
    static func asciiSlug(_ text: String) -> String {
        var out = ""
        var hyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if hyphen && !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(scalar)
                hyphen = false
            } else if scalar != "'" && scalar != "’" {
                hyphen = true
            }
        }
        return out
    }

    /// The calendar the handbook describes (repair cafés, tea gatherings, workshops, talks,
    /// online sessions, group meetings), then extra events for large data sets. Event
    /// pages replace the scheduled event of their group on their day.
    mutating func makeEvents(pages: [Event]) {
        var y = options.start.year, m = options.start.month
        var workshop = 0, talk = 0, online = 0
        let v = SampleText.venues
        while CalendarDate(year: y, month: m, day: 1)! <= end {
            let monthName = SampleText.months[m - 1]
            func add(_ series: String, _ title: String, _ date: CalendarDate, _ from: Int, _ to: Int, _ kind: Event.Kind,
                     group: String, _ location: String, capacity: Int, fee: String? = nil) {
                guard date >= options.start, date <= end, let g = self.group(group), isOpen(g, on: date) else { return }
                let slug: String = switch series {
                case "workshop", "talk": Self.asciiSlug(title)
                case "tea": "tea-gathering"
                case "online": "online-session"
                default: groups[g].id
                }
                events.append(EventPlan(
                    id: "\(date)-\(slug)", title: title, start: EventTime(date: date, minutes: from * 60),
                    end: EventTime(date: date, minutes: to * 60), kind: kind, series: series, group: g,
                    location: location, capacity: capacity, fee: fee))
            }
            let quiet = m == 8
            if !quiet {
                add("repair", "Repair Café Riverside: \(monthName) \(y)", Self.weekday(5, 1, year: y, month: m), 14, 17, .meetup,
                    group: "repair-cafe", v.library, capacity: 40)
                add("repair", "Northbank Repair Café: \(monthName) \(y)", Self.weekday(5, 3, year: y, month: m), 11, 14, .meetup,
                    group: "northbank-repair-cafe", v.northbank, capacity: 25)
            }
            add("tea", "Tea gathering: \(monthName) \(y)", Self.weekday(1, 2, year: y, month: m), 19, 21, .meetup,
                group: "riverside-makers", v.millrace, capacity: 30)
            if y * 12 + m >= 2025 * 12 + 9, !quiet, m != 12 {
                add("tea", "Tea gathering: late \(monthName) \(y)", Self.weekday(1, 4, year: y, month: m), 19, 21, .meetup,
                    group: "riverside-makers", v.millrace, capacity: 30)
            }
            if !quiet, m != 12 {
                // Workshops rotate through the groups whose skills they teach.
                for _ in 0..<SampleText.workshops.count {
                    let w = SampleText.workshops[workshop % SampleText.workshops.count]
                    workshop += 1
                    let date = Self.weekday(5, -1, year: y, month: m)
                    guard let g = self.group(w.group), isOpen(g, on: date) else { continue }
                    add("workshop", w.title, date, 10, 13, .workshop, group: w.group, v.tannery, capacity: 10,
                        fee: "€15 (waivers available)")
                    break
                }
            }
            if m % 2 == 1 {
                let title = SampleText.talks[talk % SampleText.talks.count]
                talk += 1
                add("talk", title, Self.weekday(3, 2, year: y, month: m), 19, 21, .talk, group: "riverside-makers", v.hall, capacity: 60)
            } else if !quiet {
                let title = "\(SampleText.online[online % SampleText.online.count]) (online): \(monthName) \(y)"
                online += 1
                add("online", title, Self.weekday(2, 3, year: y, month: m), 19, 21, .online, group: "riverside-makers", v.online, capacity: 40)
            }
            if !quiet, m != 1 {
                add("group", "Bike Kitchen: \(monthName) \(y)", Self.weekday(6, 2, year: y, month: m), 10, 13, .meetup,
                    group: "bike-kitchen", v.bikes, capacity: 15)
            }
            if [3, 6, 9, 12].contains(m) {
                add("group", "Theatre Makers meet-up: \(monthName) \(y)", Self.weekday(0, 1, year: y, month: m), 19, 21, .meetup,
                    group: "theatre-makers", v.tannery, capacity: 20)
            }
            if y == 2024, [9, 10, 11].contains(m) {
                for n in [1, 3] {
                    add("group", "Lantern build session", Self.weekday(5, n + (n == 1 ? 1 : 0), year: y, month: m), 10, 16, .meetup,
                        group: "lantern-parade-build", v.bikes, capacity: 20)
                }
            }
            if y == 2025, [10, 11, 12].contains(m) {
                add("group", "Makers' market preparation", Self.weekday(6, 1, year: y, month: m), 11, 15, .meetup,
                    group: "makers-market-crew", v.tannery, capacity: 15)
            }
            if y == 2025, [7, 9, 10].contains(m) {
                add("group", "Valve Radio Club: \(monthName) \(y)", Self.weekday(3, 4, year: y, month: m), 19, 21, .meetup,
                    group: "valve-radio-club", v.tannery, capacity: 12)
            }
            if m % 2 == 0, !quiet {
                add("group", "Visible mending circle: \(monthName) \(y)", Self.weekday(3, 1, year: y, month: m), 18, 20, .meetup,
                    group: "visible-mending", v.millrace, capacity: 15)
            }
            if y == 2025 && m >= 10 || y == 2026 && m <= 2 {
                add("group", "Spoon carving: \(monthName) \(y)", Self.weekday(2, 2, year: y, month: m), 18, 21, .meetup,
                    group: "spoon-carvers", v.tannery, capacity: 8)
            }
            add("group", "Cargo bike build: \(monthName) \(y)", Self.weekday(5, 2, year: y, month: m), 10, 15, .meetup,
                group: "cargo-bike-build", v.bikes, capacity: 10)
            m += 1
            if m == 13 { m = 1; y += 1 }
        }
        addExtraEvents()
        events.sort { ($0.start, $0.id) < ($1.start, $1.id) }
        mergePages(pages)
        for e in events.indices { describe(e) }
    }

    /// For large data sets: events of random groups on random days, until the count is met.
    mutating func addExtraEvents() {
        guard let wanted = options.events, wanted > events.count else { return }
        let span = end.dayNumber - options.start.dayNumber
        var n = 0
        while events.count < wanted {
            n += 1
            let date = CalendarDate(dayNumber: options.start.dayNumber + random.int(0...span))
            var g = 0
            for _ in 0..<20 {
                let candidate = random.index(groups.count)
                if isOpen(candidate, on: date) { g = candidate; break }
            }
            let kind: Event.Kind = [.meetup, .meetup, .meetup, .workshop, .talk, .online][random.index(6)]
            let capacity = kind == .workshop ? random.int(6...14) : kind == .talk ? random.int(30...120) : random.int(12...60)
            let start = random.int(9...19)
            events.append(EventPlan(
                id: "e\(n)-\(date)", title: "\(groups[g].name): \(kind.rawValue) \(n)",
                start: EventTime(date: date, minutes: start * 60), end: EventTime(date: date, minutes: (start + 2) * 60),
                kind: kind, series: kind == .workshop ? "workshop" : kind == .talk ? "talk" : kind == .online ? "online" : "group",
                group: g, location: kind == .online ? SampleText.venues.online : random.pick([SampleText.venues.library, SampleText.venues.millrace, SampleText.venues.tannery]),
                capacity: capacity, fee: kind == .workshop ? "€15" : nil))
        }
    }

    /// Event pages take the place of the scheduled event of their group on their day.
    mutating func mergePages(_ pages: [Event]) {
        for page in pages {
            let g = page.group.flatMap { id in groups.firstIndex { $0.id == id.rawValue } }
            let plan = EventPlan(
                id: page.id.rawValue, title: page.title, start: page.start, end: page.end, kind: page.kind,
                series: page.kind == .workshop ? "workshop" : page.kind == .talk ? "talk" : page.kind == .online ? "online" : "group",
                group: g, location: page.location, capacity: page.capacity, fee: page.fee, fromPage: true)
            if let same = events.firstIndex(where: { $0.group == g && $0.start.date == page.date }) {
                var replaced = plan
                replaced.series = events[same].series
                events[same] = replaced
            } else {
                events.append(plan)
            }
        }
        events.sort { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    /// Hosts, plan and (for about half of the past events) a recap.
    mutating func describe(_ e: Int) {
        let event = events[e]
        let date = event.start.date
        var hosts: [Int] = []
        let preferred: [Member.Role] = switch event.series {
        case "workshop": [.trainer]
        case "talk": [.founder, .eventPlanner]
        case "repair": [.trainer, .eventPlanner]
        default: [.eventPlanner, .memberSupport, .recruiter]
        }
        let wanted = event.kind == .talk ? 1 : 2
        let upper = joinedBy(date)
        for _ in 0..<200 where hosts.count < wanted && upper > 0 {
            let p = random.index(upper)
            guard isActive(p, on: date), people[p].tier == .steward, !hosts.contains(p) else { continue }
            let inGroup = event.group.map { people[p].groups.contains($0) } ?? false
            let fits = people[p].role.map(preferred.contains) ?? false
            if fits || inGroup || random.chance(0.05) { hosts.append(p) }
        }
        if hosts.isEmpty { hosts = [0] }
        events[e].hosts = hosts
        guard !event.fromPage else { return }
        let thing = SampleText.repairItems[random.index(SampleText.repairItems.count)]
        events[e].plan = SampleText.plan(kind: event.series, title: event.title, item: thing)
        if date < options.asOf, random.chance(0.5) {
            events[e].recap = SampleText.recap(kind: event.series, item: thing)
        }
    }
}
