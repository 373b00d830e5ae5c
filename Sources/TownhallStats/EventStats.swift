import TownhallContent
import TownhallData

/// The events of the period (dated from its start to the as-of date) and their
/// registrations. Events without a single registration have no attendance record and are
/// left out of every attendance figure (they are counted as `withoutRecords`).
public struct EventStats: Sendable, Equatable {
    /// One event's figures.
    public struct Row: Sendable, Equatable {
        public var event: Int
        public var registered: Int
        public var attended: Int
        public var firstTimers: Int
        public var ratings: Int
        public var ratingSum: Int
        public var capacity: Int

        public var hasRecord: Bool { registered > 0 }
        public var returning: Int { attended - firstTimers }
        public var showUp: Ratio { Ratio(attended, of: registered) }
        public var capacityFill: Ratio { Ratio(attended, of: hasRecord ? capacity : 0, people: attended) }
        public var rating: Mean { Mean(sum: ratingSum, count: ratings) }
    }

    /// Sums over a set of events (the period, or one month of it).
    public struct Totals: Sendable, Equatable {
        public var events = 0
        public var withRecords = 0
        public var registered = 0
        public var attended = 0
        public var firstTimers = 0
        public var ratings = 0
        public var ratingSum = 0
        /// Places and attendances of the events with a record and a capacity above zero.
        public var capacity = 0
        public var attendedWithCapacity = 0

        public var withoutRecords: Int { events - withRecords }
        public var returning: Int { attended - firstTimers }
        public var showUp: Ratio { Ratio(attended, of: registered) }
        public var capacityFill: Ratio { Ratio(attendedWithCapacity, of: capacity, people: attendedWithCapacity) }
        public var firstTimerShare: Ratio { Ratio(firstTimers, of: attended) }
        public var rating: Mean { Mean(sum: ratingSum, count: ratings) }

        mutating func add(_ row: Row) {
            events += 1
            guard row.hasRecord else { return }
            withRecords += 1
            registered += row.registered
            attended += row.attended
            firstTimers += row.firstTimers
            ratings += row.ratings
            ratingSum += row.ratingSum
            if row.capacity > 0 {
                capacity += row.capacity
                attendedWithCapacity += row.attended
            }
        }
    }

    public var rows: [Row] = []
    public var totals = Totals()
    public var months: [(month: YearMonth, totals: Totals)] = []
    public var byKind: [(kind: Event.Kind, count: Int)] = []
    /// First-time guests: people whose first attended event ever was in the period and who
    /// came to it as a guest. Converted: joined within `conversionDays` of it. Pending: not
    /// (yet) joined, and the window is still open on the as-of date; they are left out of
    /// the conversion rate.
    public var firstTimeGuests = 0
    public var guestsConverted = 0
    public var guestsPending = 0

    /// Converted ÷ first-time guests whose window has closed or who joined (CHAOSS Conversion Rate).
    public var guestConversion: Ratio { Ratio(guestsConverted, of: firstTimeGuests - guestsPending) }

    public static func == (a: EventStats, b: EventStats) -> Bool {
        a.rows == b.rows && a.totals == b.totals && a.months.map(\.totals) == b.months.map(\.totals)
            && a.byKind.map(\.count) == b.byKind.map(\.count) && a.firstTimeGuests == b.firstTimeGuests
            && a.guestsConverted == b.guestsConverted && a.guestsPending == b.guestsPending
    }

    static func compute(_ x: StatsIndex, events: Range<Int>, asOf: Int, months buckets: [(YearMonth, Int, Int)], settings: StatsSettings) -> EventStats {
        var s = EventStats()
        var firstTimers = [Int](repeating: 0, count: events.count)
        for m in 0..<x.memberCount {
            guard let first = x.firstEvent(of: m), events.contains(first) else { continue }
            firstTimers[first - events.lowerBound] += 1
            guard x.attendedAsGuest[x.attendOffsets[m]] else { continue }
            s.firstTimeGuests += 1
            let day = x.eventDay[first]
            let joined = x.joined[m]
            let converted = !x.isGuest[m] && joined >= day && joined - day <= settings.conversionDays && joined <= asOf
            if converted {
                s.guestsConverted += 1
            } else if day + settings.conversionDays > asOf && (x.isGuest[m] || joined >= day) {
                // The window is still open and they have not joined within it yet.
                s.guestsPending += 1
            }
        }
        s.months = buckets.map { ($0.0, Totals()) }
        var kinds = [Event.Kind: Int]()
        for e in events {
            let event = x.data.events[e]
            let row = Row(
                event: e, registered: x.registered[e], attended: x.attended[e], firstTimers: firstTimers[e - events.lowerBound],
                ratings: x.ratings[e], ratingSum: x.ratingSum[e], capacity: event.capacity)
            s.rows.append(row)
            s.totals.add(row)
            kinds[event.kind, default: 0] += 1
            if let i = bucket(buckets, x.eventDay[e]) { s.months[i].totals.add(row) }
        }
        s.byKind = Event.Kind.allCases.map { ($0, kinds[$0] ?? 0) }
        return s
    }
}
