import Testing
import TownhallContent
import TownhallData
@testable import TownhallStats

/// Figures of the worked example (`Build.quarter`), period 2026-Q1, built on 2026-04-15,
/// so as of 2026-03-31. Each expectation is worked out by hand in the comment beside it.
@Suite struct MembershipTests {
    let s = Build.stats(Build.quarter, "2026-Q1", build: "2026-04-15")

    @Test func asOfIsTheEndOfTheQuarter() {
        #expect(s.asOf == Build.date("2026-03-31"))
        #expect(s.months.map(\.description) == ["2026-01", "2026-02", "2026-03"])
    }

    @Test func totalsJoinedLeftAndNetGrowth() {
        let m = s.membership
        #expect(m.atStart == 2)   // m1, m2 on 2025-12-31
        #expect(m.joined == 4)    // m3, m4 (joined and left the same day), m5, m3b (m3 again under a new id)
        #expect(m.left == 2)      // m4 on 2026-02-20, m3 on 2026-03-05
        #expect(m.total == 4)     // m1, m2, m5, m3b: 2 + 4 − 2
        #expect(m.netGrowth == 2)
        #expect(m.guests == 3)    // g1, x1, g2 first recorded in the quarter
    }

    @Test func churnCountsOnlyMembersPresentAtTheStart() {
        // Nobody present on 2025-12-31 left in the quarter: m3 and m4 joined within it.
        #expect(s.membership.churned == 0)
        #expect(s.membership.churn == Ratio(0, of: 2))
        let march = s.membership.months[2]
        // March: m1, m2, m3 at the start; m3 (joined in January) left on the 5th.
        #expect(march.atStart == 3 && march.churned == 1 && march.churn.value == 1.0 / 3)
    }

    @Test func monthByMonth() {
        let rows = s.membership.months.map { [$0.atStart, $0.joined, $0.left, $0.atEnd, $0.churned, $0.active] }
        #expect(rows == [
            [2, 1, 0, 3, 0, 3],  // January: m3 joins; m1, m2, m3 all attended within 90 days of the 31st
            [3, 1, 1, 3, 0, 3],  // February: m4 joins and leaves on the 20th (no effect on the total, no churn)
            [3, 2, 1, 4, 1, 4],  // March: m5 and m3b join, m3 leaves; m1, m2, m5, m3b attended since 31 December
        ])
    }

    @Test func activeMembersAttendedInTheLast90Days() {
        #expect(s.membership.active == 4)
        #expect(s.membership.inactive == 0)
        #expect(s.membership.activeShare.value == 1)
    }

    @Test func leavingAndRejoiningCountsTwoMemberships() {
        // m3 (left 2026-03-05) and m3b (joined 2026-03-20) are one person recorded twice.
        let march = s.membership.months[2]
        #expect(march.joined == 2 && march.left == 1)
        let cohorts = Dictionary(uniqueKeysWithValues: s.retention.cohorts.map { ($0.month.description, $0) })
        #expect(cohorts["2026-01"]?.retained == [1, 1, 0], "m3's own membership ends in March")
        #expect(cohorts["2026-03"]?.size == 2, "m3b is counted in the cohort of its rejoining month")
    }

    @Test func joiningAndLeavingOnTheSameDay() {
        let cohorts = Dictionary(uniqueKeysWithValues: s.retention.cohorts.map { ($0.month.description, $0) })
        #expect(cohorts["2026-02"]?.size == 1)
        #expect(cohorts["2026-02"]?.retained == [0, 0], "never a member at any month end")
        #expect(s.membership.months[1].atEnd == s.membership.months[1].atStart)
    }
}
