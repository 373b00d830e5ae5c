import TownhallContent

extension SampleState {
    /// Registrations for every event before the as-of date. Turnout follows the season,
    /// the community's growth and the kind of event; regulars register and show up more
    /// often; guests come before they join (most members' first event); paid workshops
    /// have the best show-up rates.
    mutating func makeAttendance() {
        let past = events.indices.filter { events[$0].start.date < options.asOf }
        let first = Double(options.start.dayNumber), span = Double(max(1, options.asOf.dayNumber - options.start.dayNumber))
        var wanted = [Int](repeating: 0, count: events.count)
        var expected: [Double] = []
        for e in past {
            let event = events[e]
            let fill: Double = switch event.series {
            case "repair": 0.9
            case "tea": 0.8
            case "workshop": 1.25
            case "talk": 0.7
            case "online": 0.55
            default: 0.8
            }
            let t = (Double(event.start.date.dayNumber) - first) / span
            let raw = Double(event.capacity) * fill * Self.season[event.start.date.month - 1] * (0.5 + 0.7 * t) * (0.8 + 0.4 * random.unit())
            expected.append(min(raw, Double(event.capacity) * 1.5))
        }
        let factor = options.attendance.map { Double($0) / max(1, expected.reduce(0, +)) } ?? 1
        for (k, e) in past.enumerated() { wanted[e] = max(1, Int((expected[k] * factor).rounded())) }

        // Rows decided before sampling: a guest's visits, and most members' first event
        // shortly before they joined.
        var preset = [[(person: Int, guest: Bool)]](repeating: [], count: events.count)
        let pastDays = past.map { events[$0].start.date.dayNumber }
        func pastEvent(from: Int, to: Int) -> Int? {
            var lo = 0, hi = pastDays.count
            while lo < hi { let mid = (lo + hi) / 2; if pastDays[mid] < from { lo = mid + 1 } else { hi = mid } }
            var upper = lo
            while upper < pastDays.count, pastDays[upper] <= to { upper += 1 }
            return lo < upper ? past[lo + random.index(upper - lo)] : nil
        }
        for p in people.indices where p > 1 {
            let joined = people[p].joined.dayNumber
            if people[p].tier == .guest {
                for visit in 0..<random.int(1...3) {
                    let from = visit == 0 ? joined + 1 : joined + 14
                    if let e = pastEvent(from: from, to: joined + 120), !preset[e].contains(where: { $0.person == p }) {
                        preset[e].append((p, true))
                    }
                }
            } else if random.chance(0.7), let e = pastEvent(from: joined - 30, to: joined - 1) {
                preset[e].append((p, true))
            }
        }

        // Members of each group, in order of joining, to draw a group's regulars directly.
        var groupMembers = [[Int]](repeating: [], count: groups.count)
        for p in people.indices { for g in people[p].groups where g != 0 { groupMembers[g].append(p) } }
        var stamp = [Int](repeating: -1, count: people.count)
        var rows: [(event: Int, person: Int, registered: CalendarDate, attended: Bool, rating: UInt8?, guest: Bool)] = []
        rows.reserveCapacity(wanted.reduce(0, +) + people.count)
        for e in past {
            let event = events[e]
            let date = event.start.date
            let base = event.fee == nil ? 0.57 : 0.88
            let asksRating = event.kind != .meetup
            var chosen: [(person: Int, guest: Bool)] = []
            for entry in preset[e] where stamp[entry.person] != e {
                stamp[entry.person] = e
                chosen.append(entry)
            }
            let before = CalendarDate(dayNumber: date.dayNumber - 1)
            let upper = joinedBy(before)
            // A group's events draw two thirds of their people from the group.
            let group = event.group.flatMap { $0 == 0 ? nil : $0 }
            let members = group.map { groupMembers[$0] } ?? []
            var membersUpper = 0
            while membersUpper < members.count, people[members[membersUpper]].joined <= before { membersUpper += 1 }
            var attempts = 0
            while chosen.count < wanted[e], upper > 0, attempts < wanted[e] * 40 {
                attempts += 1
                let fromGroup = membersUpper > 0 && random.chance(0.65)
                let p = fromGroup ? members[random.index(membersUpper)] : random.index(upper)
                guard stamp[p] != e, isActive(p, on: date) else { continue }
                let isGuest = people[p].tier == .guest
                let affinity = fromGroup ? 1 : isGuest ? 0.15 : group == nil ? 1 : 0.35
                guard random.unit() < people[p].propensity * affinity else { continue }
                stamp[p] = e
                chosen.append((p, isGuest))
            }
            var eventRows: [(event: Int, person: Int, registered: CalendarDate, attended: Bool, rating: UInt8?, guest: Bool)] = []
            for (p, guest) in chosen {
                let tier = people[p].tier, joined = people[p].joined.dayNumber
                var day = date.dayNumber - random.int(0...(event.kind == .workshop ? 28 : 14))
                // Guests of the list are first recorded when they register; members register
                // as members unless this is the visit before they joined.
                if !guest || tier == .guest { day = max(day, joined) }
                let presetVisit = guest && tier != .guest
                let p0 = presetVisit ? 1.0 : base + (people[p].propensity - 0.3) * 0.35
                let attended = random.unit() < min(0.98, max(0.05, p0))
                var rating: UInt8?
                if attended, asksRating, random.chance(0.65) {
                    rating = UInt8(1 + random.weighted([1, 2, 8, 35, 54]))
                }
                eventRows.append((e, p, CalendarDate(dayNumber: min(day, date.dayNumber)), attended, rating, guest))
            }
            eventRows.sort { ($0.registered, $0.person) < ($1.registered, $1.person) }
            rows += eventRows
        }
        attendance = rows
    }

    /// Warnings, mostly to newcomers acting in good faith; a few second warnings, and
    /// rarely a removal, which ends the membership. Made before attendance, so that a
    /// removed member registers for nothing afterwards.
    mutating func makeModeration() {
        let years = Double(options.asOf.dayNumber - options.start.dayNumber) / 365.25
        let memberCount = people.filter { $0.tier == .member }.count
        let warnings = Int((Double(memberCount) * years * 0.055).rounded())
        let first = options.start.dayNumber + 30
        var warned: Set<Int> = []
        var records: [(date: CalendarDate, person: Int, rule: String, action: ModerationRecord.Action)] = []
        for _ in 0..<warnings {
            let date = CalendarDate(dayNumber: random.int(first...options.asOf.dayNumber))
            let upper = joinedBy(date)
            guard upper > 2 else { continue }
            let newcomer = random.chance(0.75)
            for _ in 0..<60 {
                let p = 2 + random.index(upper - 2)
                let person = people[p]
                guard person.tier == .member, isActive(p, on: date), !warned.contains(p) else { continue }
                if newcomer && date.dayNumber - person.joined.dayNumber > 90 { continue }
                warned.insert(p)
                records.append((date, p, SampleText.rules[random.weighted(SampleText.ruleWeights)], .warning))
                guard random.chance(0.12) else { break }
                let second = CalendarDate(dayNumber: date.dayNumber + random.int(30...180))
                guard second <= options.asOf, isActive(p, on: second) else { break }
                records.append((second, p, SampleText.rules[random.weighted(SampleText.ruleWeights)], .secondWarning))
                guard random.chance(0.35) else { break }
                let removal = CalendarDate(dayNumber: second.dayNumber + random.int(20...120))
                guard removal <= options.asOf, isActive(p, on: removal) else { break }
                records.append((removal, p, SampleText.rules[random.weighted(SampleText.ruleWeights)], .removal))
                people[p].left = removal
                break
            }
        }
        moderation = records.sorted { ($0.date, $0.person) < ($1.date, $1.person) }
    }
}
