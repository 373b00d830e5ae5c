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

    /// `threads`: 0 uses every core; the figures are the same for any value.
    public init(_ index: StatsIndex, period: StatsPeriod, buildDate: CalendarDate, settings: StatsSettings = StatsSettings(), threads: Int = 0) {
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
        // Three independent groups of figures, computed side by side.
        enum Part: Sendable {
            case people(MembershipStats, RetentionStats, FunnelStats)
            case events(ConcentrationStats, RoleStats, EventStats)
            case structure(GroupStats, ReferralStats, ModerationStats)
        }
        let parts = [0, 1, 2].concurrentMap(threads: threads) { part -> Part in
            switch part {
            case 0:
                return .people(
                    .compute(index, from: from, asOf: end, months: buckets, settings: settings),
                    .compute(index, period: period, asOf: asOf, settings: settings),
                    .compute(index, from: from, asOf: end))
            case 1:
                let concentration = ConcentrationStats.compute(index, events: eventRange)
                return .events(
                    concentration, .compute(index, events: eventRange, asOf: end, concentration: concentration),
                    .compute(index, events: eventRange, asOf: end, months: buckets, settings: settings))
            default:
                return .structure(
                    .compute(index, from: from, asOf: end, events: eventRange, settings: settings),
                    .compute(index, from: from, asOf: end, months: buckets),
                    .compute(index, from: from, asOf: end, months: buckets))
            }
        }
        guard case let .people(membership, retention, funnel) = parts[0],
              case let .events(concentration, roles, events) = parts[1],
              case let .structure(groups, referrals, moderation) = parts[2] else { fatalError("parts out of order") }
        self.membership = membership
        self.retention = retention
        self.funnel = funnel
        self.concentration = concentration
        self.roles = roles
        self.events = events
        self.groups = groups
        self.referrals = referrals
        self.moderation = moderation
    }
}
