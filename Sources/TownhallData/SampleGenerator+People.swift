import Foundation
import TownhallContent

extension SampleState {
    /// Members and guests: when they join (growing, with seasons), who brought them,
    /// their roles and groups, how often they come, and when some of them leave.
    mutating func makePeople() {
        let total = max(options.members, 2)
        let guests = total / 7
        let members = total - guests
        let first = options.start.dayNumber
        let last = options.asOf.dayNumber
        // Months of the period with their weight: growth from 1 to 2.2, times the season.
        var months: [(first: Int, days: Int, weight: Double)] = []
        var y = options.start.year, m = options.start.month
        while true {
            let monthStart = CalendarDate(year: y, month: m, day: 1)!.dayNumber
            if monthStart > last { break }
            let from = max(monthStart, first)
            let to = min(monthStart + CalendarDate.daysIn(month: m, year: y) - 1, last)
            let t = Double(from - first) / Double(max(1, last - first))
            months.append((from, to - from + 1, (1 + 1.2 * t) * Self.season[m - 1]))
            m += 1
            if m == 13 { m = 1; y += 1 }
        }
        func joinDays(_ count: Int) -> [Int] {
            let totalWeight = months.reduce(0) { $0 + $1.weight }
            var days: [Int] = []
            days.reserveCapacity(count)
            for _ in 0..<count {
                var x = random.unit() * totalWeight
                var month = months[months.count - 1]
                for candidate in months {
                    x -= candidate.weight
                    if x < 0 { month = candidate; break }
                }
                days.append(month.first + random.index(month.days))
            }
            return days
        }
        // The founder and the manager come first; everyone else joins on a drawn day after them.
        var others = joinDays(members - 2).map { (max($0, first + 13), Member.Tier.member) }
            + joinDays(guests).map { (max($0, first + 13), Member.Tier.guest) }
        others.sort { $0.0 < $1.0 }
        let joined = [(first + 5, Member.Tier.steward), (first + 12, Member.Tier.steward)] + others
        people.reserveCapacity(joined.count)
        for (index, entry) in joined.enumerated() {
            let u = random.unit()
            let city = index < 2 ? 0 : random.weighted(SampleText.cityWeights)
            let name: String
            switch index {
            case 0: name = "Maren Okafor"
            case 1: name = "Tomasz Wren"
            default: name = "\(random.pick(SampleText.firstNames)) \(random.pick(SampleText.lastNames))"
            }
            people.append(Person(
                name: name, joined: CalendarDate(dayNumber: entry.0), left: nil, tier: entry.1,
                role: index == 0 ? .founder : (index == 1 ? .manager : nil), city: city,
                propensity: entry.1 == .guest ? 0.3 : 0.03 + 0.97 * pow(u, 2.5)))
        }
        assignRoles()
        assignReferrers()
        assignGroups()
        assignLeaving()
    }

    /// Roles go to early, active members; stewards are role holders and a few others who
    /// have been members for six months (the handbook's threshold).
    mutating func assignRoles() {
        let scale = max(1.0, Double(options.members) / 400)
        let base: [(Member.Role, Double)] = [
            (.recruiter, 5), (.partnerships, 2), (.eventPlanner, 6), (.contentEditor, 3), (.trainer, 8), (.memberSupport, 4),
        ]
        let quotas = base.map { role, count in (role, Int((count * scale).rounded())) }
        let cutoff = CalendarDate(dayNumber: options.asOf.dayNumber - 180)
        var candidates = people.indices.filter { $0 > 1 && people[$0].tier == .member && people[$0].joined < cutoff }
        // Earlier and more active members first, with some chance in it.
        candidates.sort { a, b in
            let sa = people[a].propensity - Double(a) / Double(people.count), sb = people[b].propensity - Double(b) / Double(people.count)
            return sa > sb
        }
        var next = 0
        for (role, count) in quotas {
            for _ in 0..<count where next < candidates.count {
                let p = candidates[next]
                next += 1
                people[p].role = role
                people[p].tier = .steward
                people[p].propensity = max(people[p].propensity, 0.5 + 0.5 * random.unit())
            }
        }
        // A few more stewards without a current role.
        for _ in 0..<Int(6 * scale) where next < candidates.count {
            people[candidates[next]].tier = .steward
            next += 1
        }
    }

    /// About 41% of members name who brought them: mostly recruiters and regulars, which
    /// makes chains (someone brought in brings someone else).
    mutating func assignReferrers() {
        for p in 2..<people.count where people[p].tier != .guest && random.chance(0.41) {
            let date = people[p].joined
            for _ in 0..<40 {
                let candidate = random.index(p)
                guard people[candidate].tier != .guest, isActive(candidate, on: date) else { continue }
                let weight = (people[candidate].role == .recruiter ? 8.0 : 1.0) * (0.3 + people[candidate].propensity)
                if random.unit() * 10.4 < weight {
                    people[p].referrer = candidate
                    break
                }
            }
        }
    }

    /// Everyone is in the whole-community group; most members also join one to three
    /// sub-groups that are open during their membership. Locals join their local group.
    mutating func assignGroups() {
        // The founder started the repair café and the textile circle; the manager runs the café's calendar.
        people[0].groups = [0, 1, 2]
        people[1].groups = [0, 1]
        for p in people.indices where p > 1 && people[p].tier != .guest {
            people[p].groups = [0]
            let roll = random.unit()
            let count = roll < 0.3 ? 0 : roll < 0.75 ? 1 : roll < 0.93 ? 2 : 3
            let from = people[p].joined
            let until = options.asOf
            var tries = 0
            while people[p].groups.count < count + 1 && tries < 40 {
                tries += 1
                let g = 1 + random.index(groups.count - 1)
                let group = groups[g]
                guard !people[p].groups.contains(g), group.created <= until, (group.closed.map { $0 > from } ?? true) else { continue }
                var weight = group.popularity
                if let city = group.city { weight *= city == people[p].city ? 6 : 0.2 }
                if random.unit() * 6 < weight { people[p].groups.append(g) }
            }
            people[p].groups.sort()
        }
    }

    /// Some members leave, most in their first year; people with roles rarely do.
    mutating func assignLeaving() {
        for p in 2..<people.count where people[p].tier == .member {
            guard random.chance(0.4) else { continue }
            let stay = 30 + Int(random.exponential(mean: 420))
            let day = people[p].joined.dayNumber + stay
            if day < options.asOf.dayNumber { people[p].left = CalendarDate(dayNumber: day) }
        }
    }
}
