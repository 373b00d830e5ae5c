/// The engagement funnel of the members who joined in the period, as of the as-of date
/// (CHAOSS Conversion Rate): joined → attended an event → attended three or more →
/// holds a role. Each stage is part of the one before.
public struct FunnelStats: Sendable, Equatable {
    public var joined = 0
    public var attendedOnce = 0
    public var attendedThree = 0
    public var holdsRole = 0

    public var stages: [Int] { [joined, attendedOnce, attendedThree, holdsRole] }

    static func compute(_ x: StatsIndex, from: Int, asOf: Int) -> FunnelStats {
        var s = FunnelStats()
        for m in 0..<x.memberCount where !x.isGuest[m] && x.joined[m] >= from && x.joined[m] <= asOf {
            s.joined += 1
            let n = x.attendedCount(m, through: asOf)
            guard n >= 1 else { continue }
            s.attendedOnce += 1
            guard n >= 3 else { continue }
            s.attendedThree += 1
            if x.data.members[m].role != nil { s.holdsRole += 1 }
        }
        return s
    }
}

/// The sanctions ladder in the period: warnings, second warnings and removals, the people
/// they went to, and the rules cited. Never a row per person.
public struct ModerationStats: Sendable, Equatable {
    public var warnings = 0
    public var secondWarnings = 0
    public var removals = 0
    /// Distinct members with a record in the period.
    public var members = 0
    /// Members with two or more records in the period.
    public var repeatOffenders = 0
    /// Records per rule, most first (ties by rule).
    public var rules: [(rule: String, count: Int)] = []
    public var months: [(month: YearMonth, warnings: Int, secondWarnings: Int, removals: Int)] = []
    /// Whether the site keeps a moderation record at all.
    public var hasData = false

    public var records: Int { warnings + secondWarnings + removals }

    public static func == (a: ModerationStats, b: ModerationStats) -> Bool {
        a.warnings == b.warnings && a.secondWarnings == b.secondWarnings && a.removals == b.removals && a.members == b.members
            && a.repeatOffenders == b.repeatOffenders && a.rules.map(\.rule) == b.rules.map(\.rule) && a.rules.map(\.count) == b.rules.map(\.count)
            && a.months.map { [$0.warnings, $0.secondWarnings, $0.removals] } == b.months.map { [$0.warnings, $0.secondWarnings, $0.removals] }
            && a.hasData == b.hasData
    }

    static func compute(_ x: StatsIndex, from: Int, asOf: Int, months buckets: [(YearMonth, Int, Int)]) -> ModerationStats {
        var s = ModerationStats()
        s.hasData = !x.data.moderation.isEmpty
        s.months = buckets.map { ($0.0, 0, 0, 0) }
        var perMember = [Int: Int]()
        var rules = [String: Int]()
        for row in x.moderation where row.day >= from && row.day <= asOf {
            let record = x.data.moderation[row.record]
            let i = bucket(buckets, row.day)
            switch record.action {
            case .warning:
                s.warnings += 1
                if let i { s.months[i].warnings += 1 }
            case .secondWarning:
                s.secondWarnings += 1
                if let i { s.months[i].secondWarnings += 1 }
            case .removal:
                s.removals += 1
                if let i { s.months[i].removals += 1 }
            }
            perMember[row.member, default: 0] += 1
            rules[record.rule, default: 0] += 1
        }
        s.members = perMember.count
        s.repeatOffenders = perMember.values.filter { $0 >= 2 }.count
        s.rules = rules.map { ($0.key, $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.rule < $1.rule }
        return s
    }
}
