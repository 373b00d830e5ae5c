import TownhallContent

/// Who brought whom: the members who joined in the period, the share of them who named a
/// referrer, how deep the chains run, and who brought the most people.
public struct ReferralStats: Sendable, Equatable {
    /// Members who joined in the period.
    public var joined = 0
    /// Of them, those who named a known referrer.
    public var referred = 0
    /// Members at the start of the period plus those who joined: everyone who could refer.
    public var membersDuring = 0
    /// Distinct referrers of the period's referred members.
    public var referrers = 0
    /// Referrers by people brought in the period, most first (ties by member id).
    public var topReferrers: [(member: Int, referred: Int)] = []
    /// For each depth (0 = not referred, 1 = brought by someone not referred, …), how
    /// many of the period's members have it.
    public var depths: [Int] = []
    /// The longest chain that ends with a member who joined in the period, in people
    /// (a referrer and the person they brought are a chain of 2); 0 when nobody was referred.
    public var longestChain = 0
    /// Each month: joined with a referrer, joined without one.
    public var months: [(month: YearMonth, referred: Int, direct: Int)] = []
    /// The referral forest of the period: each referrer's period members (indexes), with
    /// roots the referrers who were not themselves referred in the period.
    public var children: [Int: [Int]] = [:]
    public var roots: [Int] = []

    public var share: Ratio { Ratio(referred, of: joined) }
    public var perMember: Ratio { Ratio(referred, of: membersDuring) }
    public var perReferrer: Mean { Mean(sum: referred, count: referrers) }
    public var meanDepth: Mean {
        let sum = depths.enumerated().reduce(0) { $0 + $1.offset * $1.element }
        return Mean(sum: sum, count: referred)
    }

    public static func == (a: ReferralStats, b: ReferralStats) -> Bool {
        a.joined == b.joined && a.referred == b.referred && a.membersDuring == b.membersDuring && a.referrers == b.referrers
            && a.topReferrers.map(\.member) == b.topReferrers.map(\.member) && a.topReferrers.map(\.referred) == b.topReferrers.map(\.referred)
            && a.depths == b.depths && a.longestChain == b.longestChain && a.children == b.children && a.roots == b.roots
            && a.months.map { [$0.referred, $0.direct] } == b.months.map { [$0.referred, $0.direct] }
    }

    static func compute(_ x: StatsIndex, from: Int, asOf: Int, months buckets: [(YearMonth, Int, Int)]) -> ReferralStats {
        var s = ReferralStats()
        let (referrer, joined) = (x.referrer, x.joined)
        // Depth of every member by following `referred_by`; a cycle (a validation error) stops
        // the walk. Worked out for the period's members in order, as a cycle's depths depend
        // on where the walk starts.
        var depth = [Int](repeating: -1, count: x.memberCount)
        var chain: [Int] = []
        s.months = buckets.map { ($0.0, 0, 0) }
        var counts = [Int: Int]()
        var inPeriod = Set<Int>()
        for m in 0..<x.memberCount where !x.isGuest[m] && joined[m] >= from && joined[m] <= asOf {
            s.joined += 1
            inPeriod.insert(m)
            chain.removeAll(keepingCapacity: true)
            var up = m
            while up >= 0, depth[up] < 0, chain.count <= x.memberCount {
                chain.append(up)
                up = referrer[up]
                if chain.contains(up) { up = -1 }
            }
            var d = up >= 0 ? depth[up] : -1
            for node in chain.reversed() {
                d += 1
                depth[node] = d
            }
            d = depth[m]
            if s.depths.count <= d { s.depths += Array(repeating: 0, count: d + 1 - s.depths.count) }
            s.depths[d] += 1
            let i = bucket(buckets, joined[m])
            guard referrer[m] >= 0 else {
                if let i { s.months[i].direct += 1 }
                continue
            }
            s.referred += 1
            if let i { s.months[i].referred += 1 }
            counts[referrer[m], default: 0] += 1
            s.children[referrer[m], default: []].append(m)
            s.longestChain = max(s.longestChain, d + 1)
        }
        var atStart = 0
        for m in 0..<x.memberCount where x.isMember(m, on: from - 1) { atStart += 1 }
        s.membersDuring = atStart + s.joined
        s.referrers = counts.count
        // Member ids are compared only on ties: made for every comparison, they were most of
        // the time here (a tenth of a second on the benchmark's data set, on one core).
        let members = x.data.members
        s.topReferrers = counts.map { ($0.key, $0.value) }.sorted {
            $0.referred != $1.referred ? $0.referred > $1.referred : members[$0.member].id < members[$1.member].id
        }
        let byJoining = { (a: Int, b: Int) -> Bool in joined[a] != joined[b] ? joined[a] < joined[b] : members[a].id < members[b].id }
        // Children in order of joining; roots are referrers not referred within the period.
        for key in s.children.keys { s.children[key]!.sort(by: byJoining) }
        s.roots = s.children.keys.filter { !(inPeriod.contains($0) && referrer[$0] >= 0) }.sorted(by: byJoining)
        return s
    }
}
