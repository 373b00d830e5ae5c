import TownhallCharts
import TownhallData
import TownhallStats

extension FigureCatalog {
    mutating func addMembership() {
        let s = stats.membership
        let d = disclosure
        let src: [DataKind] = [.members]
        add(Figure("members.total", "Members", d.people(s.total),
                   "People with tier member or steward who joined on or before the as-of date and had not left by it (a member stops counting on the day they leave). Guests are not members.",
                   sources: src))
        add(Figure("members.at_start", "Members at the start", d.people(s.atStart),
                   "Members on the day before the period starts.", sources: src))
        add(Figure("members.joined", "Joined", d.people(s.joined),
                   "Members whose joining date lies in the period, up to the as-of date; someone who joined and left on the same day counts here and under Left.",
                   standard: "CHAOSS New Contributors", sources: src))
        add(Figure("members.left", "Left", d.people(s.left),
                   "Members whose leaving date lies in the period, up to the as-of date.", sources: src))
        let net: FigureValue = d.people(s.joined) != .withheld && d.people(s.left) != .withheld ? .integer(s.netGrowth) : .withheld
        add(Figure("members.net_growth", "Net growth", net,
                   "Joined minus left: members at the end minus members at the start. Shown only when both joined and left are shown.", sources: src))
        add(Figure("members.churn", "Churn", d.share(s.churn),
                   "Of the members at the start of the period, the share who left during it (people who joined and left within the period do not count). — when there were no members at the start.",
                   sources: src))
        add(Figure("members.monthly_churn", "Average monthly churn", d.share(s.monthlyChurn),
                   "Each month's churn pooled over the months of the period: members who left during a month after being there at its start, summed, divided by the members at the start of each month, summed.",
                   sources: src))
        add(Figure("members.active", "Active members", d.people(s.active),
                   "Members on the as-of date who attended at least one event in the \(stats.settings.activeDays) days up to it.",
                   standard: "CHAOSS Active Contributors (attendance as the contribution)", sources: [.members, .events, .attendance]))
        add(Figure("members.active_share", "Active share", d.share(s.activeShare),
                   "Active members ÷ members on the as-of date.", sources: [.members, .events, .attendance]))
        add(Figure("members.inactive", "Inactive members", d.people(s.inactive),
                   "Members on the as-of date who attended no event in the \(stats.settings.activeDays) days up to it.",
                   standard: "CHAOSS Inactive Contributors", sources: [.members, .events, .attendance]))
        add(Figure("members.guests", "Guests recorded", d.people(s.guests),
                   "People with tier guest (known from registrations, never joined) first recorded in the period.", sources: src))

        let labels = monthLabels
        let rows: [[FigureValue]] = s.months.map { m in
            let net: FigureValue = d.people(m.joined) != .withheld && d.people(m.left) != .withheld ? .integer(m.netGrowth) : .withheld
            return [.text(m.month.description), d.people(m.atStart), d.people(m.joined), d.people(m.left), net,
                    d.people(m.atEnd), d.share(m.churn), d.people(m.active)]
        }
        add(FigureTable(
            "members.monthly", "Members by month",
            definition: "For each month of the period (the last one up to the as-of date): members at its start, joined, left, net growth, members at its end, churn (the share of the members at the start who left during the month) and active members at its end.",
            columns: ["Month", "Members at start", "Joined", "Left", "Net growth", "Members at end", "Churn", "Active members"],
            rows: rows, sources: [.members, .events, .attendance]))

        let atEnd = s.months.map { d.people($0.atEnd) }, active = s.months.map { d.people($0.active) }
        let growthTable = FigureTable(
            "members.growth", "Members and active members at the end of each month",
            definition: "Members on the last day of each month (or the as-of date), and those of them who attended an event in the \(stats.settings.activeDays) days up to it.",
            columns: ["Month", "Members", "Active members"],
            rows: s.months.indices.map { [.text(labels[$0]), atEnd[$0], active[$0]] }, sources: [.members, .events, .attendance])
        add(FigureChart(
            name: growthTable.name, title: growthTable.title, definition: growthTable.definition,
            spec: .line(LineChart(
                info: ChartInfo(id: "members-growth", title: growthTable.title, summary: "Members and active members at the end of each month, \(stats.period.text)."),
                labels: labels, series: [series("Members", atEnd), series("Active", active)], labelTitle: "Month", valueTitle: "People")),
            table: growthTable, note: withheldNote(atEnd + active)))

        let joined = s.months.map { d.people($0.joined) }, left = s.months.map { d.people($0.left) }
        let flowTable = FigureTable(
            "members.flow", "Members who joined and left each month",
            definition: "Members whose joining or leaving date falls in each month of the period.",
            columns: ["Month", "Joined", "Left"],
            rows: s.months.indices.map { [.text(labels[$0]), joined[$0], left[$0]] }, sources: src)
        add(FigureChart(
            name: flowTable.name, title: flowTable.title, definition: flowTable.definition,
            spec: .bar(BarChart(
                info: ChartInfo(id: "members-flow", title: flowTable.title, summary: "Joined and left per month, \(stats.period.text)."),
                categories: labels, series: [series("Joined", joined), series("Left", left)], categoryTitle: "Month", valueTitle: "Members")),
            table: flowTable, note: withheldNote(joined + left)))
    }

    mutating func addRetention() {
        let r = stats.retention
        let d = disclosure
        for mark in stats.settings.retentionMarks {
            add(Figure("retention.membership_\(mark)m", "\(mark)-month membership retention",
                       r.membershipAt[mark].map(d.share) ?? .undefined,
                       "Of the members whose \(mark)th month after joining ended within the period (by the as-of date), the share still members on its last day; all such cohorts pooled.",
                       standard: "Retention cohort", sources: [.members]))
        }
        for mark in stats.settings.retentionMarks {
            add(Figure("retention.attendance_\(mark)m", "\(mark)-month attendance retention",
                       r.attendanceAt[mark].map(d.share) ?? .undefined,
                       "As \(mark)-month membership retention, counting only members who also attended an event in the \(stats.settings.activeDays) days up to that day.",
                       sources: [.members, .events, .attendance]))
        }
        addCohortChart(name: "retention.membership", title: "Membership retention by cohort",
                       definition: "Each row is a cohort: the members who joined in that month. Column k is the share of them still members on the last day of the k-th month after it (0 = the joining month). Blank: that month has not ended by the as-of date. Cohorts are the months of the period, or the twelve months up to the as-of date when the period is shorter.",
                       value: { $0.membership($1) }, sources: [.members])
        addCohortChart(name: "retention.attendance", title: "Attendance retention by cohort",
                       definition: "As membership retention, counting only members who also attended an event in the \(stats.settings.activeDays) days up to the last day of the k-th month.",
                       value: { $0.attendance($1) }, sources: [.members, .events, .attendance])
    }

    private mutating func addCohortChart(
        name: String, title: String, definition: String, value: (RetentionStats.Cohort, Int) -> Ratio?, sources: [DataKind]
    ) {
        let r = stats.retention
        let d = disclosure
        let columns = r.columns
        let rows: [[FigureValue]] = r.cohorts.map { c in
            [.text(c.month.description), d.people(c.size)] + (0..<columns).map { k in value(c, k).map(d.share) ?? .blank }
        }
        let table = FigureTable(name, title, definition: definition,
                                columns: ["Cohort", "Members"] + (0..<columns).map(String.init), rows: rows, sources: sources)
        // Cohorts too small to publish are left out of the picture (the table says "fewer
        // than k"), and so are cohorts whose first month has not ended yet.
        let shown = r.cohorts.indices.filter { r.cohorts[$0].size >= max(k, 1) && !r.cohorts[$0].retained.isEmpty }
        let values: [[Double?]] = shown.map { i in
            (0..<columns).map { col -> Double? in
                guard let ratio = value(r.cohorts[i], col) else { return nil }
                return ratio.value ?? .nan
            }
        }
        let omitted = r.cohorts.indices.filter { r.cohorts[$0].size > 0 && r.cohorts[$0].size < k }.count
        add(FigureChart(
            name: name, title: title, definition: definition,
            spec: .heatmap(Heatmap(
                info: ChartInfo(id: name.replacing(".", with: "-"), title: title, summary: "Share of each monthly cohort still there k months after joining."),
                rowLabels: shown.map { r.cohorts[$0].month.description }, columnLabels: (0..<columns).map(String.init), values: values,
                rowTitle: "Cohort", columnTitle: "Months after joining")),
            table: table,
            note: omitted > 0 ? "\(omitted) cohort\(omitted == 1 ? "" : "s") of fewer than \(k) members \(omitted == 1 ? "is" : "are") not drawn; the table lists \(omitted == 1 ? "it" : "them")." : nil))
    }
}
