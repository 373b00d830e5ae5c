import TownhallContent

/// Members over a period: how many there were, who joined and left, churn and activity.
/// Guests (tier `guest`) are not members and are counted apart.
public struct MembershipStats: Sendable, Equatable {
    /// One month of the period (the first and last may be partial).
    public struct Month: Sendable, Equatable {
        public var month: YearMonth
        /// The days counted: the month, cut to the period and to the as-of date.
        public var from: CalendarDate
        public var to: CalendarDate
        /// Members on the day before `from`.
        public var atStart = 0
        public var joined = 0
        public var left = 0
        /// Members on `to`.
        public var atEnd = 0
        /// Members at the start who left during the month.
        public var churned = 0
        /// Members on `to` who attended an event in the `activeDays` days up to it.
        public var active = 0

        public var netGrowth: Int { joined - left }
        public var churn: Ratio { Ratio(churned, of: atStart) }
        public var activeShare: Ratio { Ratio(active, of: atEnd) }
    }

    public var atStart = 0
    public var joined = 0
    public var left = 0
    public var total = 0
    public var churned = 0
    public var active = 0
    /// Guests first recorded in the period.
    public var guests = 0
    public var months: [Month] = []

    public var netGrowth: Int { joined - left }
    /// The months' churn pooled: members who left in a month after being there at its
    /// start, over the members at the start of each month, summed over the months.
    public var monthlyChurn: Ratio {
        Ratio(months.reduce(0) { $0 + $1.churned }, of: months.reduce(0) { $0 + $1.atStart })
    }
    /// Of the members at the start of the period, the share who left during it.
    public var churn: Ratio { Ratio(churned, of: atStart) }
    public var activeShare: Ratio { Ratio(active, of: total) }
    public var inactive: Int { total - active }

    static func compute(_ x: StatsIndex, from: Int, asOf: Int, months buckets: [(YearMonth, Int, Int)], settings: StatsSettings) -> MembershipStats {
        var s = MembershipStats()
        // Members on day d = joined on or before d − left on or before d.
        var joins: [Int] = [], leaves: [Int] = []
        for m in 0..<x.memberCount where !x.isGuest[m] {
            joins.append(x.joined[m])
            if x.left[m] != Int.max { leaves.append(x.left[m]) }
        }
        joins.sort()
        leaves.sort()
        func onDay(_ d: Int) -> Int { upperBound(joins, d) - upperBound(leaves, d) }
        func between(_ sorted: [Int], _ a: Int, _ b: Int) -> Int { b < a ? 0 : upperBound(sorted, b) - upperBound(sorted, a - 1) }

        s.atStart = onDay(from - 1)
        s.total = onDay(asOf)
        s.joined = between(joins, from, asOf)
        s.left = between(leaves, from, asOf)
        s.months = buckets.map { month, a, b in
            var row = Month(month: month, from: CalendarDate(dayNumber: a), to: CalendarDate(dayNumber: b))
            row.atStart = onDay(a - 1)
            row.atEnd = onDay(b)
            row.joined = between(joins, a, b)
            row.left = between(leaves, a, b)
            return row
        }
        for m in 0..<x.memberCount {
            if x.isGuest[m] {
                if x.joined[m] >= from && x.joined[m] <= asOf { s.guests += 1 }
                continue
            }
            let l = x.left[m]
            if l >= from && l <= asOf {
                if x.joined[m] < from { s.churned += 1 }
                if let i = bucket(buckets, l), x.joined[m] < buckets[i].1 { s.months[i].churned += 1 }
            }
        }
        for m in 0..<x.memberCount where !x.isGuest[m] && !x.attendance(of: m).isEmpty {
            if x.isMember(m, on: asOf) && x.attended(m, within: settings.activeDays, upTo: asOf) { s.active += 1 }
            for i in buckets.indices {
                let end = buckets[i].2
                if x.isMember(m, on: end) && x.attended(m, within: settings.activeDays, upTo: end) { s.months[i].active += 1 }
            }
        }
        return s
    }
}

/// The number of elements ≤ `value` in a sorted array.
func upperBound(_ sorted: [Int], _ value: Int) -> Int {
    var lo = 0, hi = sorted.count
    while lo < hi {
        let mid = (lo + hi) / 2
        if sorted[mid] <= value { lo = mid + 1 } else { hi = mid }
    }
    return lo
}

/// The bucket (month) holding a day, if any.
func bucket(_ buckets: [(YearMonth, Int, Int)], _ day: Int) -> Int? {
    var lo = 0, hi = buckets.count
    while lo < hi {
        let mid = (lo + hi) / 2
        if buckets[mid].2 < day { lo = mid + 1 } else { hi = mid }
    }
    return lo < buckets.count && buckets[lo].1 <= day ? lo : nil
}
