import TownhallCharts
import TownhallData
import TownhallStats

extension FigureCatalog {
    mutating func addReferrals() {
        let r = stats.referrals
        let d = disclosure
        let src: [DataKind] = [.members]
        add(Figure("referrals.joined", "Members who joined", d.people(r.joined), "Members who joined in the period.", sources: src))
        add(Figure("referrals.referred", "Joined by referral", d.people(r.referred),
                   "Members who joined in the period and named a referrer (referred_by).", sources: src))
        add(Figure("referrals.share", "Referral share", d.share(r.share),
                   "Joined by referral ÷ members who joined in the period.", sources: src))
        add(Figure("referrals.per_member", "Referrals per member", d.ratio(r.perMember, places: 2),
                   "Members who joined by referral in the period ÷ everyone who was a member at some time in it (members at the start plus those who joined).",
                   sources: src))
        add(Figure("referrals.referrers", "Referrers", d.people(r.referrers),
                   "Distinct members named as referrer by someone who joined in the period.", sources: src))
        add(Figure("referrals.per_referrer", "Referrals per referrer", d.mean(r.perReferrer, places: 1),
                   "Joined by referral ÷ referrers.", sources: src))
        add(Figure("referrals.longest_chain", "Longest referral chain", r.longestChain == 0 ? .undefined : d.people(r.longestChain),
                   "The most people in one chain of referrals (A brought B, who brought C: 3) that ends with someone who joined in the period. — when nobody was referred.",
                   sources: src))
        add(Figure("referrals.mean_depth", "Average chain depth", d.mean(r.meanDepth, places: 2),
                   "For each member who joined by referral in the period, the number of referrals above them (1 when their referrer was not referred), averaged.",
                   sources: src))

        let labels = monthLabels
        let referred = r.months.map { d.people($0.referred) }, direct = r.months.map { d.people($0.direct) }
        let monthlyTable = FigureTable(
            "referrals.monthly", "Members who joined by referral and directly",
            definition: "Members who joined in each month, split by whether they named a referrer.",
            columns: ["Month", "By referral", "Directly", "Joined"],
            rows: r.months.indices.map { i in [.text(labels[i]), referred[i], direct[i], d.people(r.months[i].referred + r.months[i].direct)] },
            sources: src)
        add(FigureChart(
            name: monthlyTable.name, title: monthlyTable.title, definition: monthlyTable.definition,
            spec: .stacked(StackedBarChart(
                info: ChartInfo(id: "referrals-monthly", title: monthlyTable.title, summary: "Members who joined each month, by referral or directly, \(stats.period.text)."),
                categories: labels, series: stackedSeries(["By referral", "Directly"], [referred, direct]), categoryTitle: "Month", valueTitle: "Members")),
            table: monthlyTable, note: stackedNote(referred + direct)))

        // Top referrers: only people who brought at least k members (a smaller number is a
        // figure about fewer than k people), named only when names are published.
        let top = r.topReferrers.filter { $0.referred >= k }.prefix(10)
        var labelOf = [Int: String]()
        for (i, entry) in top.enumerated() { labelOf[entry.member] = memberLabel(entry.member, fallback: "Referrer \(i + 1)") }
        add(FigureTable(
            "referrals.top", "Top referrers",
            definition: "The ten members who brought the most people who joined in the period, counting only those who brought at least \(k). Names appear only when the site publishes member names.",
            columns: ["Rank", "Referrer", "Members brought"],
            rows: top.enumerated().map { [.integer($0.offset + 1), .text(labelOf[$0.element.member]!), .integer($0.element.referred)] },
            sources: src))

        add(FigureTable(
            "referrals.depths", "Members by depth in the referral chains",
            definition: "Members who joined in the period by the number of referrals above them: 0 joined directly, 1 was brought by someone who joined directly, and so on.",
            columns: ["Depth", "Members"],
            rows: r.depths.indices.map { [.integer($0), d.people(r.depths[$0])] }, sources: src))

        // The referral forest: only the people who brought someone are drawn (with how
        // many they brought); trees of fewer than k people are left out.
        var rows: [[FigureValue]] = []
        var drawnTrees = 0, smallTrees = 0
        // Referrers outside the top list are numbered after it.
        var serial = disclosure.publishesNames ? 0 : top.count
        var sizes = [Int: Int]()
        func size(_ m: Int, _ guardDepth: Int) -> Int {
            if let n = sizes[m] { return n }
            let n = guardDepth > 64 ? 1 : 1 + (r.children[m] ?? []).reduce(0) { $0 + size($1, guardDepth + 1) }
            sizes[m] = n
            return n
        }
        func node(_ m: Int, parent: String, level: Int) -> TreeNode {
            let label: String
            if let known = labelOf[m] {
                label = known
            } else {
                serial += 1
                label = "Referrer \(serial)"
            }
            let brought = r.children[m] ?? []
            let value = d.people(brought.count)
            rows.append([.text(label), .text(parent), .integer(level), value])
            let kids = level > 64 ? [] : brought.filter { r.children[$0] != nil }
                .sorted { size($0, 0) > size($1, 0) }
                .map { node($0, parent: label, level: level + 1) }
            return TreeNode(label, value: value.number, children: kids)
        }
        var forest: [TreeNode] = []
        for root in r.roots.sorted(by: { size($0, 0) > size($1, 0) }) {
            if size(root, 0) >= k {
                forest.append(node(root, parent: "", level: 1))
                drawnTrees += 1
            } else {
                smallTrees += 1
            }
        }
        let treeTable = FigureTable(
            "referrals.tree", "Referral trees",
            definition: "Who brought whom among the members who joined in the period: each referrer under the person who brought them, with how many members they brought. People who brought nobody are counted, not drawn; trees of fewer than \(k) people are left out. Referrers are numbered, and named only in the top referrers.",
            columns: ["Referrer", "Brought by", "Level", "Members brought"], rows: rows, sources: src)
        add(FigureChart(
            name: treeTable.name, title: treeTable.title, definition: treeTable.definition,
            spec: .tree(TreeChart(
                info: ChartInfo(id: "referrals-tree", title: treeTable.title, summary: "Referral chains of the members who joined \(stats.period.kind == .all ? "so far" : "in \(stats.period.text)")."),
                roots: forest, nodeTitle: "Referrer", valueTitle: "Members brought")),
            table: treeTable,
            note: smallTrees > 0 ? "\(smallTrees) smaller referral tree\(smallTrees == 1 ? "" : "s") of fewer than \(k) people \(smallTrees == 1 ? "is" : "are") left out." : nil))
    }

    mutating func addFunnel() {
        let f = stats.funnel
        let d = disclosure
        let src: [DataKind] = [.members, .events, .attendance]
        add(Figure("funnel.joined", "Joined", d.people(f.joined), "Members who joined in the period.", sources: [.members]))
        add(Figure("funnel.attended_once", "Attended an event", d.people(f.attendedOnce),
                   "Of them, those who attended at least one event by the as-of date (before or after joining).", sources: src))
        add(Figure("funnel.attended_three", "Attended three or more", d.people(f.attendedThree),
                   "Of those, the ones who attended three or more events by the as-of date.", sources: src))
        add(Figure("funnel.holds_role", "Holds a role", d.people(f.holdsRole),
                   "Of those, the ones who hold a role.", sources: src))
        add(Figure("funnel.conversion", "Joined to role", d.share(Ratio(f.holdsRole, of: f.joined)),
                   "Holds a role ÷ joined: the whole funnel's conversion.", standard: "CHAOSS Conversion Rate", sources: src))

        let labels = ["Joined", "Attended an event", "Attended three or more", "Holds a role"]
        let counts = f.stages
        let values = counts.map(d.people)
        let rows: [[FigureValue]] = counts.indices.map { i in
            [.text(labels[i]), values[i], d.share(Ratio(counts[i], of: counts[0])),
             i == 0 ? .blank : d.share(Ratio(counts[i], of: counts[i - 1]))]
        }
        let table = FigureTable(
            "funnel.stages", "From joining to holding a role",
            definition: "The members who joined in the period, and how many of them reached each further stage by the as-of date; each stage is part of the one before.",
            columns: ["Stage", "Members", "Share of joined", "Share of previous stage"], rows: rows, sources: src)
        // Stages are nested, so withheld stages are the last ones: draw the others.
        let drawn = counts.indices.filter { d.people(counts[$0]) != .withheld }
        add(FigureChart(
            name: table.name, title: table.title, definition: table.definition,
            spec: .funnel(FunnelChart(
                info: ChartInfo(id: "funnel-stages", title: table.title, summary: "Members who joined \(stats.period.kind == .all ? "so far" : "in \(stats.period.text)") and the stages they reached."),
                stages: drawn.map { FunnelStage(labels[$0], count: counts[$0]) }, stageTitle: "Stage")),
            table: table,
            note: drawn.count < counts.count ? "Stages with fewer than \(k) people are not drawn." : nil))
    }

    mutating func addModeration() {
        let m = stats.moderation
        let d = disclosure
        let src: [DataKind] = [.moderation]
        add(Figure("moderation.records", "Moderation records", d.people(m.records),
                   "Steps of the sanctions ladder taken in the period (warnings, second warnings, removals).", sources: src))
        add(Figure("moderation.warnings", "Warnings", d.people(m.warnings), "First warnings given in the period.", sources: src))
        add(Figure("moderation.second_warnings", "Second warnings", d.people(m.secondWarnings), "Second warnings given in the period.", sources: src))
        add(Figure("moderation.removals", "Removals", d.people(m.removals), "Removals in the period.", sources: src))
        add(Figure("moderation.members", "Members with a record", d.people(m.members),
                   "Distinct people with at least one moderation record in the period.", sources: src))
        add(Figure("moderation.repeat_offenders", "Repeat offenders", d.people(m.repeatOffenders),
                   "People with two or more moderation records in the period.", sources: src))

        add(FigureTable(
            "moderation.monthly", "Moderation by month",
            definition: "Warnings, second warnings and removals in each month of the period.",
            columns: ["Month", "Warnings", "Second warnings", "Removals", "Records"],
            rows: m.months.map { [.text($0.month.description), d.people($0.warnings), d.people($0.secondWarnings), d.people($0.removals),
                                  d.people($0.warnings + $0.secondWarnings + $0.removals)] },
            sources: src))
        let ruleValues = m.rules.map { d.people($0.count) }
        let rulesTable = FigureTable(
            "moderation.rules", "Moderation by rule",
            definition: "Moderation records of the period by the rule cited.",
            columns: ["Rule", "Records"], rows: zip(m.rules, ruleValues).map { [.text($0.rule), $1] }, sources: src)
        add(FigureChart(
            name: rulesTable.name, title: rulesTable.title, definition: rulesTable.definition,
            spec: .bar(BarChart(
                info: ChartInfo(id: "moderation-rules", title: rulesTable.title, summary: "Moderation records by the rule cited, \(stats.period.text)."),
                categories: m.rules.map(\.rule), series: [series("Records", ruleValues)], categoryTitle: "Rule", valueTitle: "Records")),
            table: rulesTable, note: withheldNote(ruleValues)))

        // Monthly counts are mostly below the threshold, so the chart adds months into
        // quarters, and draws only the total (the table has each step of the ladder).
        var quarters: [(label: String, w: Int, s: Int, r: Int)] = []
        for month in m.months {
            let label = "\(month.month.year)-Q\((month.month.month - 1) / 3 + 1)"
            if quarters.last?.label != label { quarters.append((label, 0, 0, 0)) }
            quarters[quarters.count - 1].w += month.warnings
            quarters[quarters.count - 1].s += month.secondWarnings
            quarters[quarters.count - 1].r += month.removals
        }
        let w = quarters.map { d.people($0.w) }, s = quarters.map { d.people($0.s) }, rm = quarters.map { d.people($0.r) }
        let totals = quarters.map { d.people($0.w + $0.s + $0.r) }
        let table = FigureTable(
            "moderation.quarterly", "Moderation by quarter",
            definition: "Warnings, second warnings and removals in each quarter of the period (months added up, so that fewer counts fall below the privacy threshold); the chart draws the records of each quarter.",
            columns: ["Quarter", "Warnings", "Second warnings", "Removals", "Records"],
            rows: quarters.indices.map { [.text(quarters[$0].label), w[$0], s[$0], rm[$0], totals[$0]] },
            sources: src)
        add(FigureChart(
            name: table.name, title: table.title, definition: table.definition,
            spec: .bar(BarChart(
                info: ChartInfo(id: "moderation-quarterly", title: table.title, summary: "Moderation records per quarter, \(stats.period.text)."),
                categories: quarters.map(\.label), series: [series("Records", totals)], categoryTitle: "Quarter", valueTitle: "Records")),
            table: table, note: withheldNote(totals)))
    }
}
