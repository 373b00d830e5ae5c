import Testing
import TownhallContent
import TownhallData
@testable import TownhallStats

@Suite struct EventTests {
    let s = Build.stats(Build.quarter, "2026-Q1", build: "2026-04-15")

    @Test func totalsOfThePeriodsEvents() {
        let t = s.events.totals
        #expect(t.events == 4)            // e1, e2, e3, e5 (e0 is before, e4 after the quarter)
        #expect(t.withRecords == 3)       // e3 had no registrations
        #expect(t.withoutRecords == 1)
        #expect(t.registered == 13)       // 4 + 5 + 4
        #expect(t.attended == 10)         // 3 + 4 + 3
        #expect(t.showUp == Ratio(10, of: 13))
        #expect(t.capacity == 24)         // 10 + 4 + 10; e3's 20 places are left out
        #expect(t.capacityFill.value == 10.0 / 24)
        #expect(t.firstTimers == 5)       // m3, g1 (e1); m5 (e2); m3b, g2 (e5)
        #expect(t.returning == 5)
        #expect(t.rating == Mean(sum: 18, count: 5))   // 4, 5, 3 at e1; 4, 2 at e2
        #expect(t.rating.value == 3.6)
    }

    @Test func eventsWithoutRegistrationsHaveNoRates() {
        let e3 = s.events.rows.first { s.index.data.events[$0.event].id == "e3" }!
        #expect(!e3.hasRecord)
        #expect(e3.showUp.value == nil && e3.capacityFill.value == nil && e3.rating.value == nil)
    }

    @Test func perEventFirstTimers() {
        let byID = Dictionary(uniqueKeysWithValues: s.events.rows.map { (s.index.data.events[$0.event].id.rawValue, $0) })
        #expect(byID["e1"]?.firstTimers == 2 && byID["e2"]?.firstTimers == 1 && byID["e5"]?.firstTimers == 2)
        #expect(byID["e2"]?.registered == 5 && byID["e2"]?.attended == 4 && byID["e2"]?.capacityFill == Ratio(4, of: 4, people: 4))
    }

    @Test func guestsWhoBecameMembersWithin30Days() {
        // g1 (guest at e1, never joined: window closed), m5 (guest at e2 on 10 February,
        // joined 12 March: exactly 30 days), g2 (guest at e5 on 20 March: window still open).
        // m3b's first event was the day it joined, so not as a guest.
        #expect(s.events.firstTimeGuests == 3)
        #expect(s.events.guestsConverted == 1)
        #expect(s.events.guestsPending == 1)
        #expect(s.events.guestConversion == Ratio(1, of: 2))
    }

    @Test func monthsAndKinds() {
        #expect(s.events.months.map { [$0.totals.events, $0.totals.registered, $0.totals.attended, $0.totals.firstTimers] }
                == [[1, 4, 3, 2], [1, 5, 4, 1], [2, 4, 3, 2]])
        #expect(s.events.byKind.map(\.count) == [2, 1, 1, 0])  // meetup, talk, workshop, online
    }

    @Test func aPeriodWithNoEvents() {
        let april = Build.stats(Build.quarter, "2026-04", build: "2026-04-15")
        #expect(april.asOf == Build.date("2026-04-15"))
        #expect(april.events.totals.events == 0 && april.events.rows.isEmpty)
        #expect(april.events.totals.showUp.value == nil, "0/0 is no value, never NaN")
        #expect(april.concentration.absenceFactor == nil)
        #expect(april.membership.total == 4 && april.membership.active == 4)
    }
}

@Suite struct RoleTests {
    let s = Build.stats(Build.quarter, "2026-Q1", build: "2026-04-15")

    @Test func tiersRolesAndRatio() {
        let r = s.roles
        #expect(r.members == 3 && r.stewards == 1)      // m2, m5, m3b; m1
        #expect(r.guests == 3)                          // g1, x1, g2
        #expect(r.roleHolders == 1 && r.withoutRole == 3)
        #expect(r.membersPerSteward.value == 3)
        #expect(r.roleShare == Ratio(1, of: 4))
    }

    @Test func hostingLoadAndAbsenceFactor() {
        // Host slots: e1 m1; e2 m1, m2; e3 m2; e5 m5 → m1 2, m2 2, m5 1 (5 slots).
        let c = s.concentration
        #expect(c.hostSlots == 5)
        #expect(c.hosts.map { s.index.data.members[$0.member].id.rawValue } == ["m1", "m2", "m5"])
        #expect(c.absenceFactor == 2)                   // 2 of 5 is under half; 4 of 5 is over
        #expect(s.roles.roleHolderHosting == Ratio(2, of: 5, people: 5))
        #expect(s.roles.topThreeHosting.value == 1)
    }

    @Test func absenceFactorOfOneBusyHost() {
        var data = Build.quarter
        data = .init(members: data.members, groups: data.groups,
                     events: data.events + [Build.event("e6", "2026-03-25", hosts: ["m1"]), Build.event("e7", "2026-03-26", hosts: ["m1"])],
                     attendance: data.attendance, moderation: data.moderation)
        // m1 now 4 of 7 slots.
        #expect(Build.stats(data, "2026-Q1", build: "2026-04-15").concentration.absenceFactor == 1)
    }
}
