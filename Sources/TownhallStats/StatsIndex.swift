import TownhallContent
import TownhallData

/// The community data resolved to integers once, so that every figure is a pass over
/// arrays: members, events and groups by position in `data`, days as day numbers, and the
/// events each person attended, in date order. Building it is the only step that looks
/// ids up; a million registrations take a fraction of a second, split over `threads`.
public struct StatsIndex: Sendable {
    public let data: CommunityData

    // Members (guests included), in `data.members` order.
    /// Day number of `joined`.
    public let joined: [Int]
    /// Day number of `left`, or `Int.max` while still a member.
    public let left: [Int]
    public let isGuest: [Bool]
    /// Index of `referred_by`, or -1.
    public let referrer: [Int]
    /// Indexes of the member's known groups (none for guests).
    public let groupsOf: [[Int]]

    // Events, in `data.events` order (by start, then id).
    public let eventDay: [Int]
    /// Indexes of the hosts, each once.
    public let hosts: [[Int]]
    /// Registrations, attendances, ratings and their sum, per event.
    public let registered: [Int]
    public let attended: [Int]
    public let ratings: [Int]
    public let ratingSum: [Int]

    // What each person attended: `attendedEvents[attendOffsets[m] ..< attendOffsets[m + 1]]`
    // are the events member `m` attended, ascending (so also by date).
    public let attendOffsets: [Int]
    public let attendedEvents: [Int32]
    /// Day of each entry of `attendedEvents`.
    public let attendedDays: [Int32]
    /// Whether the person came as a guest: marked `guest: yes`, or not a member that day.
    public let attendedAsGuest: [Bool]

    // Groups, in `data.groups` order.
    public let groupCreated: [Int]
    /// Day number of `closed`, or `Int.max`.
    public let groupClosed: [Int]
    /// Index of the parent, or -1.
    public let groupParent: [Int]
    /// 1 for a group without a parent, 2 for its sub-groups, and so on.
    public let groupLevel: [Int]
    /// Events of each group, ascending.
    public let groupEvents: [[Int]]

    /// Moderation records with a known member, by date.
    public let moderation: [(day: Int, member: Int, record: Int)]

    /// The earliest day a member joined, an event took place or a moderation record was
    /// made, or nil when there is none: where the "all records" period starts.
    public let firstDate: CalendarDate?

    public init(_ data: CommunityData, threads: Int = 0) {
        self.data = data
        let members = data.members
        joined = members.map(\.joined.dayNumber)
        left = members.map { $0.left?.dayNumber ?? Int.max }
        isGuest = members.map { $0.tier == .guest }
        referrer = members.map { m in m.referredBy.flatMap { data.memberIndex[$0] } ?? -1 }
        groupsOf = members.map { m in
            guard m.tier != .guest, !m.groups.isEmpty else { return [] }
            var list = m.groups.compactMap { data.groupIndex[$0] }
            list.sort()
            var unique: [Int] = []
            unique.reserveCapacity(list.count)
            for g in list where unique.last != g { unique.append(g) }
            return unique
        }
        eventDay = data.events.map(\.date.dayNumber)
        hosts = data.events.map { e in
            var seen: Set<Int> = []
            return e.hosts.compactMap { data.memberIndex[$0] }.filter { seen.insert($0).inserted }
        }
        groupCreated = data.groups.map(\.created.dayNumber)
        groupClosed = data.groups.map { $0.closed?.dayNumber ?? Int.max }
        let parents = data.groups.enumerated().map { i, g in g.parent.flatMap { data.groupIndex[$0] }.flatMap { $0 == i ? nil : $0 } ?? -1 }
        groupParent = parents
        groupLevel = Self.levels(parents)
        var groupEvents = [[Int]](repeating: [], count: data.groups.count)
        for (e, event) in data.events.enumerated() {
            if let id = event.group, let g = data.groupIndex[id] { groupEvents[g].append(e) }
        }
        self.groupEvents = groupEvents

        // Registrations: ids to indexes (the loader resolved them already, on every core),
        // then counted in one pass.
        var resolvedData = data
        if resolvedData.attendanceIndexes.count != data.attendance.count { resolvedData.resolveAttendance(threads: threads) }
        let resolvedChunks = [resolvedData.attendanceIndexes]
        let rows = data.attendance
        var registered = [Int](repeating: 0, count: data.events.count)
        var attended = registered, ratings = registered, ratingSum = registered
        var perMember = [Int](repeating: 0, count: members.count + 1)
        var row = 0
        for chunk in resolvedChunks {
            for (e, m) in chunk {
                defer { row += 1 }
                guard e >= 0 else { continue }
                registered[Int(e)] += 1
                let r = rows[row]
                guard r.attended else { continue }
                attended[Int(e)] += 1
                if let rating = r.rating {
                    ratings[Int(e)] += 1
                    ratingSum[Int(e)] += Int(rating)
                }
                if m >= 0 { perMember[Int(m) + 1] += 1 }
            }
        }
        for i in 1..<perMember.count { perMember[i] += perMember[i - 1] }
        var fill = perMember
        var entries = [(event: Int32, guest: Bool)](repeating: (0, false), count: perMember.last ?? 0)
        row = 0
        for chunk in resolvedChunks {
            for (e, m) in chunk {
                defer { row += 1 }
                guard e >= 0, m >= 0, rows[row].attended else { continue }
                entries[fill[Int(m)]] = (e, rows[row].guest)
                fill[Int(m)] += 1
            }
        }
        let dayOf = eventDay
        let joinedDays = joined, leftDays = left, guests = isGuest
        var events = [Int32](), days = [Int32](), asGuest = [Bool]()
        events.reserveCapacity(entries.count)
        days.reserveCapacity(entries.count)
        asGuest.reserveCapacity(entries.count)
        for m in 0..<members.count {
            var slice = entries[perMember[m]..<perMember[m + 1]]
            if slice.count > 1 { slice.sort { $0.event < $1.event } }
            for entry in slice {
                let day = dayOf[Int(entry.event)]
                events.append(entry.event)
                days.append(Int32(truncatingIfNeeded: day))
                let member = !guests[m] && joinedDays[m] <= day && day < leftDays[m]
                asGuest.append(entry.guest || !member)
            }
        }
        attendOffsets = perMember
        attendedEvents = events
        attendedDays = days
        attendedAsGuest = asGuest
        self.registered = registered
        self.attended = attended
        self.ratings = ratings
        self.ratingSum = ratingSum

        moderation = data.moderation.enumerated().compactMap { i, r in
            data.memberIndex[r.member].map { (r.date.dayNumber, $0, i) }
        }.sorted { ($0.day, $0.record) < ($1.day, $1.record) }

        // Group creation and registration dates are left out: a community often records
        // groups older than its member list, and people register before the first event;
        // months before the first member or event would only be empty rows.
        var first = Int.max
        for d in joined { first = min(first, d) }
        if let e = eventDay.first { first = min(first, e) }
        for r in data.moderation { first = min(first, r.date.dayNumber) }
        firstDate = first == Int.max ? nil : CalendarDate(dayNumber: first)
    }

    /// Each group's level in the fission tree; a group caught in a cycle (an error the
    /// validator reports) counts as a root.
    static func levels(_ parents: [Int]) -> [Int] {
        var level = [Int](repeating: 0, count: parents.count)
        for start in parents.indices where level[start] == 0 {
            var chain: [Int] = []
            var g = start
            var onChain: Set<Int> = []
            while g >= 0, level[g] == 0, onChain.insert(g).inserted {
                chain.append(g)
                g = parents[g]
            }
            var base = g >= 0 && level[g] > 0 ? level[g] : 0
            for node in chain.reversed() {
                base += 1
                level[node] = base
            }
        }
        return level
    }

    // MARK: - Lookups

    public var memberCount: Int { joined.count }
    public var eventCount: Int { eventDay.count }
    public var groupCount: Int { groupCreated.count }

    /// A member (not a guest) on day `d`: joined by then and not yet left.
    @inline(__always)
    public func isMember(_ m: Int, on d: Int) -> Bool { !isGuest[m] && joined[m] <= d && d < left[m] }

    /// The events member `m` attended.
    @inline(__always)
    public func attendance(of m: Int) -> Range<Int> { attendOffsets[m]..<attendOffsets[m + 1] }

    /// How many events member `m` attended on or before day `d`.
    public func attendedCount(_ m: Int, through d: Int) -> Int {
        let r = attendance(of: m)
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(attendedDays[mid]) <= d { lo = mid + 1 } else { hi = mid }
        }
        return lo - r.lowerBound
    }

    /// Whether member `m` attended an event in the `days` days up to day `d` (d − days < day ≤ d).
    public func attended(_ m: Int, within days: Int, upTo d: Int) -> Bool {
        let n = attendedCount(m, through: d)
        guard n > 0 else { return false }
        return Int(attendedDays[attendOffsets[m] + n - 1]) > d - days
    }

    /// Events from day `from` to day `to`, both included, as a range of indexes.
    public func events(from: Int, to: Int) -> Range<Int> {
        func lowerBound(_ day: Int) -> Int {
            var lo = 0, hi = eventDay.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if eventDay[mid] < day { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let a = lowerBound(from), b = lowerBound(to + 1)
        return a..<max(a, b)
    }

    /// The event a person attended first, if any.
    public func firstEvent(of m: Int) -> Int? {
        let r = attendance(of: m)
        return r.isEmpty ? nil : Int(attendedEvents[r.lowerBound])
    }
}
