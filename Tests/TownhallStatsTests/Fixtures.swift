import TownhallContent
import TownhallData
@testable import TownhallStats

/// Small data sets written out in full, so that every figure can be worked out by hand.
enum Build {
    static func date(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }
    static let origin = RecordOrigin(source: 0, row: 0)

    static func member(
        _ id: String, _ joined: String, left: String? = nil, tier: Member.Tier = .member, role: Member.Role? = nil,
        groups: [String] = [], referredBy: String? = nil
    ) -> Member {
        Member(id: MemberID(id), name: "Name of \(id)", joined: date(joined), left: left.map(date), role: role, tier: tier,
               groups: groups.map { GroupID($0) }, referredBy: referredBy.map { MemberID($0) }, origin: origin)
    }

    static func event(_ id: String, _ start: String, kind: Event.Kind = .meetup, group: String? = nil, capacity: Int = 10, hosts: [String]) -> Event {
        Event(id: EventID(id), title: "Event \(id)", start: EventTime(text: start)!, kind: kind, group: group.map { GroupID($0) },
              location: "Hall", capacity: capacity, hosts: hosts.map { MemberID($0) }, origin: origin)
    }

    static func row(_ event: String, _ member: String, _ registered: String, _ attended: Bool, rating: UInt8? = nil, guest: Bool = false) -> Attendance {
        Attendance(event: EventID(event), member: MemberID(member), registered: date(registered), attended: attended, rating: rating, guest: guest, origin: origin)
    }

    static func group(_ id: String, _ created: String, parent: String? = nil, closed: String? = nil) -> Group {
        Group(id: GroupID(id), name: id.capitalized, parent: parent.map { GroupID($0) }, created: date(created), closed: closed.map(date), kind: .interest, origin: origin)
    }

    static func moderation(_ day: String, _ member: String, _ rule: String, _ action: ModerationRecord.Action) -> ModerationRecord {
        ModerationRecord(date: date(day), member: MemberID(member), rule: rule, action: action, origin: origin)
    }

    /// The worked example of the tests (README, "Statistics reference", uses the same
    /// definitions): a first quarter of 2026 with a same-day join and leave, a member who
    /// leaves and comes back under a new id, guests, an event without registrations, an
    /// upcoming event, groups three levels deep with one closed, and a referral chain.
    static let quarter: CommunityData = CommunityData(
        members: [
            member("m1", "2025-11-10", tier: .steward, role: .founder, groups: ["all", "tea"]),
            member("m2", "2025-12-05", groups: ["all", "bikes"], referredBy: "m1"),
            member("m3", "2026-01-10", left: "2026-03-05", groups: ["all", "tea", "bikes"], referredBy: "m2"),
            member("m4", "2026-02-20", left: "2026-02-20"),
            member("m5", "2026-03-12", groups: ["all", "tea", "bikes", "old"], referredBy: "m1"),
            member("m3b", "2026-03-20", groups: ["all", "tea"]),
            member("g1", "2026-01-20", tier: .guest),
            member("x1", "2026-02-01", tier: .guest),
            member("g2", "2026-03-18", tier: .guest),
        ],
        groups: [
            group("all", "2024-01-01"),
            group("tea", "2025-06-01", parent: "all"),
            group("bikes", "2026-02-01", parent: "all"),
            group("old", "2025-07-01", parent: "tea", closed: "2026-01-31"),
        ],
        events: [
            event("e0", "2025-12-10", group: "tea", hosts: ["m1"]),
            event("e1", "2026-01-15 18:00", group: "tea", hosts: ["m1"]),
            event("e2", "2026-02-10", kind: .workshop, group: "bikes", capacity: 4, hosts: ["m1", "m2"]),
            event("e3", "2026-03-01", kind: .talk, capacity: 20, hosts: ["m2"]),
            event("e5", "2026-03-20", group: "tea", hosts: ["m5"]),
            event("e4", "2026-05-02", hosts: ["m1"]),
        ],
        attendance: [
            row("e0", "m1", "2025-12-01", true, rating: 5),
            row("e0", "m2", "2025-12-01", true),
            row("e1", "m1", "2026-01-02", true, rating: 4),
            row("e1", "m2", "2026-01-02", false),
            row("e1", "m3", "2026-01-12", true, rating: 5),
            row("e1", "g1", "2026-01-13", true, rating: 3, guest: true),
            row("e2", "m1", "2026-02-01", true),
            row("e2", "m2", "2026-02-01", true, rating: 4),
            row("e2", "m3", "2026-02-02", true, rating: 2),
            row("e2", "m5", "2026-02-03", true, guest: true),
            row("e2", "x1", "2026-02-03", false, guest: true),
            row("e5", "m1", "2026-03-10", true),
            row("e5", "m3b", "2026-03-20", true),
            row("e5", "g2", "2026-03-18", true, guest: true),
            row("e5", "m2", "2026-03-10", false),
            row("e4", "m1", "2026-04-01", false),
        ],
        moderation: [
            moderation("2025-12-01", "m1", "on-topic", .warning),
            moderation("2026-01-05", "m2", "no-ads", .warning),
            moderation("2026-02-01", "m2", "no-ads", .secondWarning),
            moderation("2026-03-10", "m3b", "on-topic", .warning),
        ])

    static func stats(_ data: CommunityData, _ period: String, build: String) -> CommunityStats {
        CommunityStats(StatsIndex(data, threads: 1), period: try! StatsPeriod.parse(period).get(), buildDate: date(build))
    }
}
