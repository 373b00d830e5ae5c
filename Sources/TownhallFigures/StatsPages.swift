/// The statistics pages under `/stats/`: which figures, charts and tables each shows, in
/// order. The overview is the section page; the others are its pages.
public struct StatsPage: Sendable, Equatable {
    /// `membership` → `/stats/membership/`; empty for the overview.
    public var slug: String
    public var title: String
    /// One sentence for cards and the description meta tag.
    public var summary: String
    public var blocks: [StatsBlock]

    /// The site path: `stats/` or `stats/membership/`.
    public var path: String { slug.isEmpty ? StatsPage.root : StatsPage.root + slug + "/" }

    public static let root = "stats/"
}

/// One part of a statistics page.
public enum StatsBlock: Sendable, Equatable {
    /// Key figures with their definitions.
    case figures([String])
    /// A chart with its data table and CSV.
    case chart(String)
    /// A table and its CSV; `collapsed` puts a long table behind a disclosure.
    case table(String, collapsed: Bool)
}

extension StatsPage {
    /// Every page, in navigation order; moderation only when the site keeps a record.
    public static func all(hasModeration: Bool) -> [StatsPage] {
        var pages = [
            StatsPage(slug: "", title: "Statistics",
                      summary: "The community in figures: members, retention, roles, events, groups, referrals and the path from joining to holding a role.",
                      blocks: [
                        .figures(["members.total", "members.active", "members.active_share", "members.joined", "members.left", "members.monthly_churn",
                                  "events.count", "events.attended", "events.show_up_rate", "retention.membership_6m",
                                  "referrals.share", "concentration.absence_factor", "groups.open", "groups.dormant"]),
                        .chart("members.growth"),
                      ]),
            StatsPage(slug: "membership", title: "Membership",
                      summary: "Members over time: who joined and who left, net growth, churn and how many are active.",
                      blocks: [
                        .figures(["members.total", "members.at_start", "members.joined", "members.left", "members.net_growth", "members.churn",
                                  "members.monthly_churn", "members.active", "members.active_share", "members.inactive", "members.guests"]),
                        .chart("members.growth"), .chart("members.flow"), .table("members.monthly", collapsed: false),
                      ]),
            StatsPage(slug: "retention", title: "Retention",
                      summary: "Cohorts by month of joining: the share still members, and still coming to events, month by month.",
                      blocks: [
                        .figures(["retention.membership_3m", "retention.membership_6m", "retention.membership_12m",
                                  "retention.attendance_3m", "retention.attendance_6m", "retention.attendance_12m"]),
                        .chart("retention.membership"), .chart("retention.attendance"),
                      ]),
            StatsPage(slug: "roles", title: "Roles and tiers",
                      summary: "Tiers and roles, the staff-to-member ratio, and how much of the hosting rests on a few people.",
                      blocks: [
                        .figures(["roles.members", "roles.stewards", "roles.guests", "roles.members_per_steward", "roles.role_holders",
                                  "roles.role_share", "roles.role_holder_hosting", "roles.top3_hosting",
                                  "concentration.absence_factor", "concentration.hosts", "concentration.host_slots"]),
                        .chart("roles.tiers"), .chart("roles.roles"), .chart("concentration.cumulative"),
                        .table("concentration.top_hosts", collapsed: false),
                      ]),
            StatsPage(slug: "events", title: "Events",
                      summary: "Registrations, attendance, show-up rate, capacity fill, first-timers and returning people, ratings, and guests who became members.",
                      blocks: [
                        .figures(["events.count", "events.with_records", "events.without_records", "events.registrations", "events.attended",
                                  "events.show_up_rate", "events.capacity_fill", "events.first_timers", "events.returning",
                                  "events.first_timer_share", "events.rating", "events.ratings", "events.first_time_guests",
                                  "events.guests_converted", "events.guests_pending", "events.guest_conversion"]),
                        .chart("events.attendance"), .chart("events.rates"), .chart("events.kinds"),
                        .table("events.monthly", collapsed: false), .table("events.list", collapsed: true),
                      ]),
            StatsPage(slug: "groups", title: "Groups",
                      summary: "The tree of groups, their sizes and lifespans, dormant groups, and the members who connect them.",
                      blocks: [
                        .figures(["groups.count", "groups.open", "groups.active", "groups.dormant", "groups.closed", "groups.created",
                                  "groups.closed_in_period", "groups.depth", "groups.closed_lifespan", "groups.bridging", "groups.bridging_share"]),
                        .chart("groups.tree"), .chart("groups.sizes"), .table("groups.bridges", collapsed: false),
                        .table("groups.list", collapsed: true),
                      ]),
            StatsPage(slug: "referrals", title: "Referrals",
                      summary: "How many members came through someone they knew, the referral chains, and the people who bring others.",
                      blocks: [
                        .figures(["referrals.joined", "referrals.referred", "referrals.share", "referrals.per_member", "referrals.referrers",
                                  "referrals.per_referrer", "referrals.longest_chain", "referrals.mean_depth"]),
                        .chart("referrals.monthly"), .chart("referrals.tree"), .table("referrals.top", collapsed: false),
                        .table("referrals.depths", collapsed: false),
                      ]),
            StatsPage(slug: "funnel", title: "Funnel",
                      summary: "From joining to attending, to attending three times, to holding a role.",
                      blocks: [
                        .figures(["funnel.joined", "funnel.attended_once", "funnel.attended_three", "funnel.holds_role", "funnel.conversion"]),
                        .chart("funnel.stages"),
                      ]),
        ]
        if hasModeration {
            pages.append(StatsPage(
                slug: "moderation", title: "Moderation",
                summary: "Warnings and removals over time, repeat offenders and the rules cited; counts only, never a name.",
                blocks: [
                    .figures(["moderation.records", "moderation.warnings", "moderation.second_warnings", "moderation.removals",
                              "moderation.members", "moderation.repeat_offenders"]),
                    .chart("moderation.quarterly"), .chart("moderation.rules"), .table("moderation.monthly", collapsed: false),
                ]))
        }
        return pages
    }
}
