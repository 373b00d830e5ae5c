import TownhallCharts
import TownhallData
import TownhallStats

extension FigureCatalog {
    static func statusLabel(_ status: GroupStats.Status) -> String {
        switch status {
        case .active: return "Active"
        case .dormant: return "Dormant"
        case .closed: return "Closed"
        }
    }

    mutating func addGroups() {
        let g = stats.groups
        let d = disclosure
        let dormantDays = stats.settings.dormantDays
        add(Figure("groups.count", "Groups", d.count(g.count), "Groups created by the as-of date, open or closed.", sources: [.groups]))
        add(Figure("groups.open", "Open groups", d.count(g.open), "Groups created by the as-of date and not closed by it.", sources: [.groups]))
        add(Figure("groups.active", "Active groups", d.count(g.active),
                   "Open groups with an event in the \(dormantDays) days up to the as-of date (or created within them).", sources: [.groups, .events]))
        add(Figure("groups.dormant", "Dormant groups", d.count(g.dormant),
                   "Open groups whose last event (or, without events, whose creation) was more than \(dormantDays) days before the as-of date.",
                   sources: [.groups, .events]))
        add(Figure("groups.closed", "Closed groups", d.count(g.closed), "Groups closed on or before the as-of date.", sources: [.groups]))
        add(Figure("groups.created", "Groups created", d.count(g.createdInPeriod), "Groups created in the period.", sources: [.groups]))
        add(Figure("groups.closed_in_period", "Groups closed", d.count(g.closedInPeriod), "Groups closed in the period.", sources: [.groups]))
        add(Figure("groups.depth", "Depth of the group tree", d.count(g.depth),
                   "Levels of the fission tree: 1 for groups without a parent, 2 for their sub-groups, and so on.", sources: [.groups]))
        add(Figure("groups.closed_lifespan", "Lifespan of closed groups (days)", d.mean(g.closedLifespan, places: 0),
                   "Days from creation to closing, averaged over the groups closed by the as-of date. — when none has closed.", sources: [.groups]))
        add(Figure("groups.bridging", "Bridging members", d.people(g.bridging),
                   "Members on the as-of date in two or more open groups, not counting a group that is a parent (or grandparent …) of another of theirs: the people who connect groups.",
                   sources: [.members, .groups]))
        add(Figure("groups.bridging_share", "Bridging share", d.share(Ratio(g.bridging, of: stats.membership.total)),
                   "Bridging members ÷ members on the as-of date.", sources: [.members, .groups]))

        let groups = data.groups
        let parents = stats.index.groupParent
        func parentName(_ i: Int) -> String { parents[i] >= 0 ? groups[parents[i]].name : "" }
        add(FigureTable(
            "groups.list", "Every group",
            definition: "Each group created by the as-of date: where it split off from, its level in the tree, kind, dates, status, members (on the as-of date, or on its last open day), lifespan in days (to closing or to the as-of date), events in the period and its last event.",
            columns: ["Group", "Split off from", "Level", "Kind", "Created", "Closed", "Status", "Members", "Lifespan (days)", "Events in period", "Last event"],
            rows: g.rows.map { row in
                let group = groups[row.group]
                return [.text(group.name), .text(parentName(row.group)), .integer(row.level), .text(group.kind.rawValue),
                        .date(group.created), group.closed.map(FigureValue.date) ?? .text(""), .text(Self.statusLabel(row.status)),
                        d.people(row.size), .integer(row.lifespanDays), .integer(row.eventsInPeriod),
                        row.lastEvent.map(FigureValue.date) ?? .undefined]
            }, sources: [.members, .groups, .events]))

        add(FigureTable(
            "groups.bridges", "Groups connected by shared members",
            definition: "The ten pairs of groups with the most bridging members in both (neither group a parent of the other).",
            columns: ["Groups", "Members in both"],
            rows: g.bridges.prefix(10).map { [.text(groups[$0.a].name + " + " + groups[$0.b].name), d.people($0.members)] },
            sources: [.members, .groups]))

        // The fission tree: each group under the one it split off from, bigger branches first.
        var children = [Int: [Int]]()
        var roots: [Int] = []
        let shown = Set(g.rows.map(\.group))
        for row in g.rows {
            let p = parents[row.group]
            if p >= 0 && shown.contains(p) { children[p, default: []].append(row.group) } else { roots.append(row.group) }
        }
        let sizeOf = Dictionary(uniqueKeysWithValues: g.rows.map { ($0.group, $0.size) })
        var subtree = [Int: Int]()
        func count(_ i: Int, _ depth: Int) -> Int {
            if let n = subtree[i] { return n }
            let n = 1 + (depth > groups.count ? 0 : (children[i] ?? []).reduce(0) { $0 + count($1, depth + 1) })
            subtree[i] = n
            return n
        }
        func order(_ list: [Int]) -> [Int] {
            list.sorted { (-count($0, 0), groups[$0].name) < (-count($1, 0), groups[$1].name) }
        }
        var rows: [[FigureValue]] = []
        var visited = Set<Int>()
        func node(_ i: Int, level: Int) -> TreeNode {
            visited.insert(i)
            let size = d.people(sizeOf[i] ?? 0)
            rows.append([.text(groups[i].name), .text(parentName(i)), .integer(level), size])
            let kids = order(children[i] ?? []).filter { !visited.contains($0) }.map { node($0, level: level + 1) }
            return TreeNode(groups[i].name, value: size.number, children: kids)
        }
        let forest = order(roots).map { node($0, level: 1) }
        let treeTable = FigureTable(
            "groups.tree", "The tree of groups",
            definition: "Each group under the group it split off from (growth by fission), with its members on the as-of date.",
            columns: ["Group", "Split off from", "Level", "Members"], rows: rows, sources: [.members, .groups])
        add(FigureChart(
            name: treeTable.name, title: treeTable.title, definition: treeTable.definition,
            spec: .tree(TreeChart(
                info: ChartInfo(id: "groups-tree", title: treeTable.title, summary: "Groups under the groups they split off from, with their members on \(stats.asOf.longText)."),
                roots: forest, nodeTitle: "Group", valueTitle: "Members")),
            table: treeTable, note: rows.contains { $0[3] == .withheld } ? "Groups of fewer than \(k) members are drawn without their size." : nil))

        let biggest = g.rows.filter { $0.status != .closed }.sorted { ($1.size, groups[$0.group].name) < ($0.size, groups[$1.group].name) }.prefix(15)
        let sizes = biggest.map { d.people($0.size) }
        let sizeTable = FigureTable(
            "groups.sizes", "The largest open groups",
            definition: "The fifteen open groups with the most members on the as-of date.",
            columns: ["Group", "Members"], rows: zip(biggest, sizes).map { [.text(groups[$0.group].name), $1] }, sources: [.members, .groups])
        add(FigureChart(
            name: sizeTable.name, title: sizeTable.title, definition: sizeTable.definition,
            spec: .bar(BarChart(
                info: ChartInfo(id: "groups-sizes", title: sizeTable.title, summary: "Members of the largest open groups on \(stats.asOf.longText)."),
                categories: biggest.map { groups[$0.group].name }, series: [series("Members", sizes)], categoryTitle: "Group", valueTitle: "Members")),
            table: sizeTable, note: withheldNote(sizes)))
    }
}
