import TownhallContent

/// The groups on the as-of date: the fission tree, sizes, lifespans, dormancy, and the
/// members who bridge groups.
public struct GroupStats: Sendable, Equatable {
    public enum Status: String, Sendable {
        case active, dormant, closed
    }

    public struct Row: Sendable, Equatable {
        public var group: Int
        /// 1 for a group without a parent.
        public var level: Int
        /// Members on the as-of date; for a group closed by then, on its last open day.
        public var size: Int
        public var status: Status
        /// Days from creation to closing, or to the as-of date while open.
        public var lifespanDays: Int
        public var eventsInPeriod: Int
        /// The day of the group's last event on or before the as-of date.
        public var lastEvent: CalendarDate?
    }

    /// Groups created by the as-of date, in `data.groups` order.
    public var rows: [Row] = []
    public var createdInPeriod = 0
    public var closedInPeriod = 0
    /// Members on the as-of date in two or more open groups, neither of which is a parent
    /// (or grandparent …) of the other.
    public var bridging = 0
    /// Pairs of groups and how many members bridge them, most first.
    public var bridges: [(a: Int, b: Int, members: Int)] = []

    public var count: Int { rows.count }
    public var open: Int { rows.filter { $0.status != .closed }.count }
    public var closed: Int { rows.filter { $0.status == .closed }.count }
    public var dormant: Int { rows.filter { $0.status == .dormant }.count }
    public var active: Int { rows.filter { $0.status == .active }.count }
    /// Levels of the fission tree (0 without groups).
    public var depth: Int { rows.map(\.level).max() ?? 0 }
    public var closedLifespan: Mean {
        let closed = rows.filter { $0.status == .closed }
        return Mean(sum: closed.reduce(0) { $0 + $1.lifespanDays }, count: closed.count, people: Int.max)
    }

    public static func == (a: GroupStats, b: GroupStats) -> Bool {
        a.rows == b.rows && a.createdInPeriod == b.createdInPeriod && a.closedInPeriod == b.closedInPeriod
            && a.bridging == b.bridging && a.bridges.map { [$0.a, $0.b, $0.members] } == b.bridges.map { [$0.a, $0.b, $0.members] }
    }

    static func compute(_ x: StatsIndex, from: Int, asOf: Int, events: Range<Int>, settings: StatsSettings) -> GroupStats {
        var s = GroupStats()
        let groups = x.data.groups
        var sizes = [Int](repeating: 0, count: groups.count)
        var bridgeCounts = [Int: Int]()
        for m in 0..<x.memberCount where !x.groupsOf[m].isEmpty {
            for g in x.groupsOf[m] {
                guard x.groupCreated[g] <= asOf else { continue }
                // The day the size is taken: today, or the last open day of a closed group.
                let day = x.groupClosed[g] <= asOf ? x.groupClosed[g] - 1 : asOf
                if x.isMember(m, on: day) && x.groupCreated[g] <= day { sizes[g] += 1 }
            }
            guard x.isMember(m, on: asOf) else { continue }
            let open = x.groupsOf[m].filter { x.groupCreated[$0] <= asOf && asOf < x.groupClosed[$0] }
            guard open.count >= 2 else { continue }
            let reduced = open.filter { g in !open.contains { h in h != g && isAncestor(g, of: h, x.groupParent) } }
            guard reduced.count >= 2 else { continue }
            s.bridging += 1
            for i in 0..<reduced.count {
                for j in (i + 1)..<reduced.count { bridgeCounts[reduced[i] * groups.count + reduced[j], default: 0] += 1 }
            }
        }
        for g in groups.indices where x.groupCreated[g] <= asOf {
            let closedBy = x.groupClosed[g] <= asOf
            let groupEvents = x.groupEvents[g]
            let last = groupEvents.last { x.eventDay[$0] <= asOf }.map { x.eventDay[$0] }
            let status: Status
            if closedBy {
                status = .closed
            } else {
                status = asOf - (last ?? x.groupCreated[g]) > settings.dormantDays ? .dormant : .active
            }
            s.rows.append(Row(
                group: g, level: x.groupLevel[g], size: sizes[g], status: status,
                lifespanDays: (closedBy ? x.groupClosed[g] : asOf) - x.groupCreated[g],
                eventsInPeriod: groupEvents.filter { events.contains($0) }.count,
                lastEvent: last.map(CalendarDate.init(dayNumber:))))
            if x.groupCreated[g] >= from { s.createdInPeriod += 1 }
            if closedBy && x.groupClosed[g] >= from { s.closedInPeriod += 1 }
        }
        // Most members first, then by the groups' names (ranks computed once, then ids).
        let byName = groups.indices.sorted { (groups[$0].name, groups[$0].id) < (groups[$1].name, groups[$1].id) }
        var rank = [Int](repeating: 0, count: groups.count)
        for (r, g) in byName.enumerated() { rank[g] = r }
        s.bridges = bridgeCounts.map { (a: $0.key / groups.count, b: $0.key % groups.count, members: $0.value) }.sorted {
            if $0.members != $1.members { return $0.members > $1.members }
            return (rank[$0.a], rank[$0.b]) < (rank[$1.a], rank[$1.b])
        }
        return s
    }

    /// Whether `a` is a parent, grandparent … of `b`.
    static func isAncestor(_ a: Int, of b: Int, _ parents: [Int]) -> Bool {
        var g = parents[b]
        var steps = 0
        while g >= 0 && steps <= parents.count {
            if g == a { return true }
            g = parents[g]
            steps += 1
        }
        return false
    }
}
