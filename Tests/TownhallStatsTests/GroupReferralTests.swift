import Testing
import TownhallContent
import TownhallData
@testable import TownhallStats

@Suite struct GroupTests {
    let s = Build.stats(Build.quarter, "2026-Q1", build: "2026-04-15")

    func row(_ id: String) -> GroupStats.Row { s.groups.rows.first { s.index.data.groups[$0.group].id.rawValue == id }! }

    @Test func treeSizesAndStatus() {
        #expect(s.groups.count == 4 && s.groups.open == 3 && s.groups.closed == 1)
        #expect(row("all").level == 1 && row("tea").level == 2 && row("old").level == 3)
        #expect(s.groups.depth == 3)
        #expect(row("all").size == 4)     // m1, m2, m5, m3b
        #expect(row("tea").size == 3)     // m1, m5, m3b (m3 left)
        #expect(row("bikes").size == 2)   // m2, m5
        #expect(row("old").size == 0)     // closed before m5 joined
        #expect(row("all").status == .dormant, "no event of its own since it was created")
        #expect(row("tea").status == .active && row("bikes").status == .active && row("old").status == .closed)
        #expect(s.groups.dormant == 1 && s.groups.active == 2)
    }

    @Test func lifespans() {
        #expect(row("old").lifespanDays == 214)    // 2025-07-01 to 2026-01-31
        #expect(s.groups.closedLifespan == Mean(sum: 214, count: 1, people: Int.max))
        #expect(s.groups.createdInPeriod == 1 && s.groups.closedInPeriod == 1)   // bikes; old
        #expect(row("tea").eventsInPeriod == 2 && row("tea").lastEvent == Build.date("2026-03-20"))
    }

    @Test func bridgingIgnoresParentGroups() {
        // m1 is in all and tea (tea split off from all): not a bridge. m5 is in tea and
        // bikes (and all, their parent): a bridge between tea and bikes.
        #expect(s.groups.bridging == 1)
        #expect(s.groups.bridges.count == 1)
        let pair = s.groups.bridges[0]
        #expect(Set([s.index.data.groups[pair.a].id.rawValue, s.index.data.groups[pair.b].id.rawValue]) == ["tea", "bikes"] && pair.members == 1)
    }
}

@Suite struct ReferralTests {
    let s = Build.stats(Build.quarter, "2026-Q1", build: "2026-04-15")

    @Test func shareDepthAndChains() {
        let r = s.referrals
        #expect(r.joined == 4 && r.referred == 2)         // m3 (by m2), m5 (by m1)
        #expect(r.share == Ratio(2, of: 4))
        #expect(r.membersDuring == 6 && r.perMember == Ratio(2, of: 6))
        #expect(r.referrers == 2 && r.perReferrer.value == 1)
        #expect(r.depths == [2, 1, 1])                   // m4, m3b direct; m5 depth 1; m3 depth 2 (m1 → m2 → m3)
        #expect(r.longestChain == 3)
        #expect(r.meanDepth.value == 1.5)
        #expect(r.months.map { [$0.referred, $0.direct] } == [[1, 0], [0, 1], [1, 1]])
    }

    @Test func topReferrersAndTrees() {
        let r = s.referrals
        let id = { (m: Int) in s.index.data.members[m].id.rawValue }
        #expect(r.topReferrers.map { id($0.member) } == ["m1", "m2"], "ties by id")
        #expect(r.roots.map(id) == ["m1", "m2"], "m2 joined before the quarter, so it is a root here")
        #expect(r.children.mapValues { $0.map(id) } == [0: ["m5"], 1: ["m3"]])
    }
}

@Suite struct FunnelModerationRetentionTests {
    let s = Build.stats(Build.quarter, "2026-Q1", build: "2026-04-15")

    @Test func funnelStagesAreNested() {
        // Joined in Q1: m3 (2 events), m4 (none), m5 (1), m3b (1).
        #expect(s.funnel.stages == [4, 3, 0, 0])
    }

    @Test func moderationCounts() {
        let m = s.moderation
        #expect(m.warnings == 2 && m.secondWarnings == 1 && m.removals == 0 && m.records == 3)
        #expect(m.members == 2 && m.repeatOffenders == 1)   // m2 twice
        #expect(m.rules.map(\.rule) == ["no-ads", "on-topic"] && m.rules.map(\.count) == [2, 1])
        #expect(m.months.map { [$0.warnings, $0.secondWarnings, $0.removals] } == [[1, 0, 0], [0, 1, 0], [1, 0, 0]])
    }

    @Test func cohortTriangle() {
        let r = s.retention
        // A quarter is shorter than a year, so the triangle shows the twelve months to March 2026.
        #expect(r.cohorts.first?.month.description == "2025-04" && r.cohorts.count == 12)
        #expect(r.columns == 12)
        let c = Dictionary(uniqueKeysWithValues: r.cohorts.map { ($0.month.description, $0) })
        #expect(c["2025-11"]?.retained == [1, 1, 1, 1, 1])
        #expect(c["2025-11"]?.attending == [0, 1, 1, 1, 1], "m1's first event was in December")
        #expect(c["2025-12"]?.attending == [1, 1, 1, 1])
        #expect(c["2026-01"]?.attending == [1, 1, 0])
        #expect(c["2026-03"]?.retained == [2] && c["2026-03"]?.attending == [2])
        #expect(c["2025-06"]?.size == 0 && c["2025-06"]?.membership(0)?.value == nil, "an empty cohort is 0/0: no value")
    }

    @Test func retentionMarksPoolTheCohortsMeasuredInThePeriod() {
        // 3 months: cohorts 2025-10 (none), 2025-11 (m1, at the end of February), 2025-12
        // (m2, at the end of March): both still members and attending.
        #expect(s.retention.membershipAt[3] == Ratio(2, of: 2))
        #expect(s.retention.attendanceAt[3] == Ratio(2, of: 2))
        #expect(s.retention.membershipAt[6]?.value == nil && s.retention.membershipAt[12]?.value == nil)
    }
}

@Suite struct EdgeCaseTests {
    @Test func noDataAtAll() {
        let s = Build.stats(CommunityData(), "2026-10", build: "2026-11-20")
        #expect(s.membership.total == 0 && s.membership.months.count == 1)
        #expect(s.membership.churn.value == nil && s.membership.activeShare.value == nil)
        #expect(s.events.totals.showUp.value == nil && s.events.guestConversion.value == nil)
        #expect(s.groups.count == 0 && s.groups.depth == 0)
        #expect(s.referrals.share.value == nil && s.referrals.longestChain == 0)
        #expect(s.funnel.stages == [0, 0, 0, 0])
        #expect(s.retention.cohorts.count == 12 && s.retention.cohorts.allSatisfy { $0.size == 0 })
        #expect(StatsIndex(CommunityData()).firstDate == nil)
    }

    @Test func leapDay() {
        let data = CommunityData(
            members: [Build.member("a", "2024-02-29"), Build.member("b", "2024-03-30"), Build.member("c", "2024-03-31"),
                      Build.member("h", "2024-01-01", tier: .steward)],
            groups: [],
            events: [Build.event("leap", "2024-02-29", hosts: ["h"])],
            attendance: [Build.row("leap", "a", "2024-02-20", true), Build.row("leap", "b", "2024-02-20", true, guest: true),
                         Build.row("leap", "c", "2024-02-20", true, guest: true)],
            moderation: [])
        // 90 days after 29 February 2024 is 29 May: a, b and c (who came before joining) are
        // active up to the 28th.
        #expect(Build.stats(data, "2024-02-01..2024-05-28", build: "2026-01-01").membership.active == 3)
        #expect(Build.stats(data, "2024-02-01..2024-05-29", build: "2026-01-01").membership.active == 0)
        // b joined 30 days after the event (converted); c 31 days after (not).
        let feb = Build.stats(data, "2024-02", build: "2026-01-01")
        #expect(feb.events.firstTimeGuests == 2 && feb.events.guestsConverted == 0 && feb.events.guestsPending == 2, "as of the end of February, both windows are open")
        let spring = Build.stats(data, "2024-02-01..2024-04-30", build: "2026-01-01")
        #expect(spring.events.guestsConverted == 1 && spring.events.guestsPending == 0 && spring.events.guestConversion == Ratio(1, of: 2))
        // The February 2024 cohort: 12 months later is the end of February 2025 (the 28th).
        let year = Build.stats(data, "2024-02-01..2025-02-28", build: "2026-01-01")
        let cohort = year.retention.cohorts.first { $0.month.description == "2024-02" }!
        #expect(cohort.retained.count == 13 && cohort.retained.allSatisfy { $0 == 1 })
        #expect(year.retention.membershipAt[12] == Ratio(2, of: 2), "h (January 2024) and a (February 2024)")
    }

    @Test func eventsAtAMonthBoundaryBelongToTheirLocalDate() {
        // Times are on the site's clock: 23:30 on 31 October is October, whatever the zone.
        let data = CommunityData(
            members: [Build.member("h", "2026-01-01")], groups: [],
            events: [Build.event("late", "2026-10-31 23:30", hosts: ["h"]), Build.event("early", "2026-11-01 00:15", hosts: ["h"])],
            attendance: [Build.row("late", "h", "2026-10-01", true), Build.row("early", "h", "2026-10-01", true)], moderation: [])
        let s = Build.stats(data, "2026-10-01..2026-11-30", build: "2026-12-01")
        #expect(s.events.months.map(\.totals.events) == [1, 1])
        #expect(s.events.rows.map { s.index.data.events[$0.event].id.rawValue } == ["late", "early"])
    }
}
