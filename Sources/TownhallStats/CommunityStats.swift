import TownhallContent
import TownhallData

/// Every figure of the README's "Statistics reference" for one period: pure arithmetic over
/// a `StatsIndex`, no I/O. Computing it for the 100,000-member benchmark set takes well
/// under a second.
public struct CommunityStats: Sendable {
    /// The data the figures were computed from.
    public let index: StatsIndex
    public let period: StatsPeriod
    /// The end of the period, or the build date when that is earlier.
    public let asOf: CalendarDate
    public let settings: StatsSettings
    /// The months of the period up to the as-of date, each cut to the period.
    public let months: [YearMonth]

    public let membership: MembershipStats
    public let retention: RetentionStats
    public let roles: RoleStats
    public let concentration: ConcentrationStats
    public let events: EventStats
    public let groups: GroupStats
    public let referrals: ReferralStats
    public let funnel: FunnelStats
    public let moderation: ModerationStats

    public init(_ index: StatsIndex, period: StatsPeriod, buildDate: CalendarDate, settings: StatsSettings = StatsSettings()) {
        self.index = index
        self.period = period
        self.settings = settings
        let asOf = period.asOf(buildDate)
        self.asOf = asOf
        let from = period.from.dayNumber, end = asOf.dayNumber
        // Month buckets: (month, first day, last day), cut to the period and the as-of date.
        let buckets: [(YearMonth, Int, Int)] = end < from ? [] : YearMonth.range(YearMonth(period.from), YearMonth(asOf)).map { m in
            (m, max(m.firstDay.dayNumber, from), min(m.lastDay.dayNumber, end))
        }
        months = buckets.map(\.0)
        let eventRange = end < from ? 0..<0 : index.events(from: from, to: end)
        membership = .compute(index, from: from, asOf: end, months: buckets, settings: settings)
        retention = .compute(index, period: period, asOf: asOf, settings: settings)
        concentration = .compute(index, events: eventRange)
        roles = .compute(index, events: eventRange, asOf: end, concentration: concentration)
        events = .compute(index, events: eventRange, asOf: end, months: buckets, settings: settings)
        groups = .compute(index, from: from, asOf: end, events: eventRange, settings: settings)
        referrals = .compute(index, from: from, asOf: end, atStart: membership.atStart, months: buckets)
        funnel = .compute(index, from: from, asOf: end)
        moderation = .compute(index, from: from, asOf: end, months: buckets)
    }
}
