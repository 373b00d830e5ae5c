import TownhallData

/// Tiers and roles of the members on the as-of date, and how the hosting of the period's
/// events is shared between role holders and everyone else.
public struct RoleStats: Sendable, Equatable {
    /// Members on the as-of date by tier (`member`, `steward`).
    public var members = 0
    public var stewards = 0
    /// Guests recorded by the as-of date (people known from registrations who never joined).
    public var guests = 0
    /// Members on the as-of date holding each role, in the handbook's order.
    public var roles: [(role: Member.Role, count: Int)] = []
    /// Members on the as-of date without a role.
    public var withoutRole = 0
    /// Host slots of the period (an event with two hosts gives two) and those filled by
    /// people holding a role.
    public var hostSlots = 0
    public var hostSlotsByRoleHolders = 0
    /// Host slots of the three busiest hosts.
    public var hostSlotsTopThree = 0

    public var total: Int { members + stewards }
    public var roleHolders: Int { roles.reduce(0) { $0 + $1.count } }
    public var roleShare: Ratio { Ratio(roleHolders, of: total) }
    /// Members (tier `member`) per steward.
    public var membersPerSteward: Ratio { Ratio(members, of: stewards, people: total) }
    public var roleHolderHosting: Ratio { Ratio(hostSlotsByRoleHolders, of: hostSlots, people: hostSlots) }
    public var topThreeHosting: Ratio { Ratio(hostSlotsTopThree, of: hostSlots, people: hostSlots) }

    public static func == (a: RoleStats, b: RoleStats) -> Bool {
        a.members == b.members && a.stewards == b.stewards && a.guests == b.guests && a.roles.map(\.count) == b.roles.map(\.count)
            && a.withoutRole == b.withoutRole && a.hostSlots == b.hostSlots && a.hostSlotsByRoleHolders == b.hostSlotsByRoleHolders
            && a.hostSlotsTopThree == b.hostSlotsTopThree
    }

    static func compute(_ x: StatsIndex, events: Range<Int>, asOf: Int, concentration: ConcentrationStats) -> RoleStats {
        var s = RoleStats()
        var byRole = [Member.Role: Int]()
        for m in 0..<x.memberCount {
            let member = x.data.members[m]
            if x.isGuest[m] {
                if x.joined[m] <= asOf { s.guests += 1 }
                continue
            }
            guard x.isMember(m, on: asOf) else { continue }
            if member.tier == .steward { s.stewards += 1 } else { s.members += 1 }
            if let role = member.role { byRole[role, default: 0] += 1 } else { s.withoutRole += 1 }
        }
        s.roles = Member.Role.allCases.map { ($0, byRole[$0] ?? 0) }
        for e in events {
            for h in x.hosts[e] {
                s.hostSlots += 1
                if x.data.members[h].role != nil { s.hostSlotsByRoleHolders += 1 }
            }
        }
        s.hostSlotsTopThree = concentration.hosts.prefix(3).reduce(0) { $0 + $1.slots }
        return s
    }
}

/// How concentrated the hosting is: CHAOSS's Contributor Absence Factor, the fewest hosts
/// who together hosted half of the period's host slots.
public struct ConcentrationStats: Sendable, Equatable {
    /// Hosts by slots, busiest first (ties by member id).
    public var hosts: [(member: Int, slots: Int)] = []
    public var hostSlots = 0
    /// nil when no event of the period has a host.
    public var absenceFactor: Int?

    public static func == (a: ConcentrationStats, b: ConcentrationStats) -> Bool {
        a.hosts.map(\.member) == b.hosts.map(\.member) && a.hosts.map(\.slots) == b.hosts.map(\.slots)
            && a.hostSlots == b.hostSlots && a.absenceFactor == b.absenceFactor
    }

    static func compute(_ x: StatsIndex, events: Range<Int>) -> ConcentrationStats {
        var s = ConcentrationStats()
        var slots = [Int: Int]()
        for e in events {
            for h in x.hosts[e] { slots[h, default: 0] += 1 }
        }
        let members = x.data.members
        s.hosts = slots.map { ($0.key, $0.value) }.sorted {
            $0.slots != $1.slots ? $0.slots > $1.slots : members[$0.member].id < members[$1.member].id
        }
        s.hostSlots = s.hosts.reduce(0) { $0 + $1.slots }
        guard s.hostSlots > 0 else { return s }
        var sum = 0
        for (i, host) in s.hosts.enumerated() {
            sum += host.slots
            if sum * 2 >= s.hostSlots {
                s.absenceFactor = i + 1
                break
            }
        }
        return s
    }
}
