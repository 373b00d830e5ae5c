import TownhallCharts
import TownhallData
import TownhallStats

extension FigureCatalog {
    static func roleLabel(_ role: Member.Role) -> String {
        switch role {
        case .founder: return "Founder"
        case .manager: return "Manager"
        case .recruiter: return "Recruiter"
        case .partnerships: return "Partnerships"
        case .eventPlanner: return "Event planner"
        case .contentEditor: return "Content editor"
        case .trainer: return "Trainer"
        case .memberSupport: return "Member support"
        }
    }

    mutating func addRoles() {
        let r = stats.roles
        let c = stats.concentration
        let d = disclosure
        add(Figure("roles.members", "Members (tier member)", d.people(r.members),
                   "Members on the as-of date with tier member.", sources: [.members]))
        add(Figure("roles.stewards", "Stewards", d.people(r.stewards),
                   "Members on the as-of date with tier steward.", sources: [.members]))
        add(Figure("roles.guests", "Guests", d.people(r.guests),
                   "People with tier guest recorded by the as-of date.", sources: [.members]))
        add(Figure("roles.members_per_steward", "Members per steward", d.ratio(r.membersPerSteward, places: 1),
                   "Members with tier member ÷ stewards, on the as-of date: the staff-to-member ratio, written as members for each steward.",
                   sources: [.members]))
        add(Figure("roles.role_holders", "Role holders", d.people(r.roleHolders),
                   "Members on the as-of date who hold a role from the handbook.", sources: [.members]))
        add(Figure("roles.role_share", "Share holding a role", d.share(r.roleShare),
                   "Role holders ÷ members on the as-of date.", sources: [.members]))
        add(Figure("roles.role_holder_hosting", "Hosting by role holders", d.share(r.roleHolderHosting),
                   "Of the host slots of the period's events (an event with two hosts has two), the share filled by people who hold a role.",
                   sources: [.members, .events]))
        add(Figure("roles.top3_hosting", "Hosting by the three busiest hosts", d.share(r.topThreeHosting),
                   "Of the period's host slots, the share filled by the three people who hosted most: the load on the few key people.",
                   sources: [.events]))
        add(Figure("concentration.absence_factor", "Contributor absence factor",
                   c.absenceFactor.map(d.people) ?? .undefined,
                   "The fewest hosts who together filled half of the period's host slots (busiest first; an event counts once for each of its hosts). If they stepped back at once, half of the hosting would stop. — when no event of the period has a host.",
                   standard: "CHAOSS Contributor Absence Factor", sources: [.events]))
        add(Figure("concentration.hosts", "Hosts", d.people(c.hosts.count),
                   "Distinct people who hosted or co-hosted an event in the period.", sources: [.events]))
        add(Figure("concentration.host_slots", "Host slots", d.count(c.hostSlots),
                   "Hosts summed over the period's events: an event with two hosts counts two.", sources: [.events]))

        let tierRows: [(String, Int)] = [("Member", r.members), ("Steward", r.stewards), ("Guest", r.guests)]
        let tierValues = tierRows.map { d.people($0.1) }
        let tierTable = FigureTable(
            "roles.tiers", "People by tier",
            definition: "Members on the as-of date by tier, and guests recorded by then.",
            columns: ["Tier", "People"], rows: tierRows.indices.map { [.text(tierRows[$0].0), tierValues[$0]] }, sources: [.members])
        add(FigureChart(
            name: tierTable.name, title: tierTable.title, definition: tierTable.definition,
            spec: .bar(BarChart(
                info: ChartInfo(id: "roles-tiers", title: tierTable.title, summary: "People by tier on \(stats.asOf.longText)."),
                categories: tierRows.map(\.0), series: [series("People", tierValues)], categoryTitle: "Tier", valueTitle: "People")),
            table: tierTable, note: withheldNote(tierValues)))

        let roleRows = r.roles.map { (Self.roleLabel($0.role), $0.count) } + [("No role", r.withoutRole)]
        let roleValues = roleRows.map { d.people($0.1) }
        let roleTable = FigureTable(
            "roles.roles", "Members by role",
            definition: "Members on the as-of date by the role they hold (one role each in the member list).",
            columns: ["Role", "Members"], rows: roleRows.indices.map { [.text(roleRows[$0].0), roleValues[$0]] }, sources: [.members])
        add(FigureChart(
            name: roleTable.name, title: roleTable.title, definition: roleTable.definition,
            spec: .bar(BarChart(
                info: ChartInfo(id: "roles-roles", title: roleTable.title, summary: "Members by role on \(stats.asOf.longText)."),
                categories: roleRows.map(\.0), series: [series("Members", roleValues)], categoryTitle: "Role", valueTitle: "Members")),
            table: roleTable, note: withheldNote(roleValues)))

        // The busiest hosts, and how quickly their share adds up (the absence factor's picture).
        let top = Array(c.hosts.prefix(10))
        var cumulative = 0
        let hostRows: [[FigureValue]] = top.enumerated().map { i, host in
            cumulative += host.slots
            return [.integer(i + 1), .text(memberLabel(host.member, fallback: "Host \(i + 1)")), .integer(host.slots),
                    d.share(Ratio(host.slots, of: c.hostSlots, people: c.hostSlots)),
                    d.share(Ratio(cumulative, of: c.hostSlots, people: c.hostSlots))]
        }
        add(FigureTable(
            "concentration.top_hosts", "The busiest hosts",
            definition: "The ten people who hosted most in the period, with their host slots, their share of all host slots and the running total. Names appear only when the site publishes member names.",
            columns: ["Rank", "Host", "Events hosted", "Share of hosting", "Running total"], rows: hostRows, sources: [.members, .events]))
        var running = 0
        let steps = Array(c.hosts.prefix(40))
        let cumulativeValues: [FigureValue] = steps.map { host in
            running += host.slots
            return d.share(Ratio(running, of: c.hostSlots, people: c.hostSlots))
        }
        let labels = steps.indices.map { String($0 + 1) }
        let cumulativeTable = FigureTable(
            "concentration.cumulative", "Share of hosting by the busiest hosts",
            definition: "The share of the period's host slots filled by the busiest 1, 2, 3 … hosts (up to 40). Where the line crosses 50% is the contributor absence factor.",
            columns: ["Hosts", "Share of hosting"], rows: labels.indices.map { [.text(labels[$0]), cumulativeValues[$0]] }, sources: [.events])
        add(FigureChart(
            name: cumulativeTable.name, title: cumulativeTable.title, definition: cumulativeTable.definition,
            spec: .line(LineChart(
                info: ChartInfo(id: "concentration-cumulative", title: cumulativeTable.title, summary: "Cumulative share of hosting by the busiest hosts, \(stats.period.text)."),
                labels: labels, series: [series("Share of hosting", cumulativeValues)], format: .percent(0),
                labelTitle: "Busiest hosts", valueTitle: "Share of host slots")),
            table: cumulativeTable, note: withheldNote(cumulativeValues)))
    }
}
