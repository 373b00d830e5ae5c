import TownhallContent

/// Makes a realistic community data set from a seed: the Riverside Makers sample, or,
/// with larger counts, data sets for benchmarks. Realistic means shaped like the
/// handbook describes: growth with seasons, a core of regulars among many occasional
/// members, groups that split off and go quiet, referral chains, members who leave, and
/// a few warnings. The same options and seed always give the same bytes.
public struct SampleGenerator: Sendable {
    public var options: SampleOptions

    public init(options: SampleOptions) {
        self.options = options
    }

    /// Generates the data. `pages` are events written as Markdown pages: they take the
    /// place of a scheduled event of the same group on the same day and get attendance,
    /// but are not part of the generated events.
    public func generate(pages: [Event] = []) -> SampleData {
        var state = SampleState(options: options)
        state.makeGroups()
        state.makePeople()
        state.makeEvents(pages: pages)
        state.makeModeration()
        state.makeAttendance()
        return state.result()
    }
}

/// The records of a generated sample; `files` turns them into the data folder's files.
public struct SampleData: Sendable {
    public var members: [Member]
    public var groups: [Group]
    /// Generated events (those from pages are left out: they live in their pages).
    public var events: [Event]
    public var attendance: [Attendance]
    public var moderation: [ModerationRecord]
}

/// The working state of one generation. People, groups and events are referred to by
/// index while generating; ids are given at the end.
struct SampleState {
    let options: SampleOptions
    var random: SampleRandom
    let end: CalendarDate

    struct GroupPlan {
        var id: String
        var name: String
        var parent: Int?
        var created: CalendarDate
        var closed: CalendarDate?
        var kind: Group.Kind
        var carrier: String
        var purpose: String
        /// How likely members are to join it, relative to others.
        var popularity: Double
        /// A local group draws members from this part of the city.
        var city: Int?
    }

    struct Person {
        var name: String
        var joined: CalendarDate
        var left: CalendarDate?
        var tier: Member.Tier
        var role: Member.Role?
        var groups: [Int] = []
        var referrer: Int?
        var city: Int
        /// How often the person comes to events, 0…1: a few regulars, many occasional.
        var propensity: Double
    }

    struct EventPlan {
        var id: String
        var title: String
        var start: EventTime
        var end: EventTime?
        var kind: Event.Kind
        /// `repair`, `tea`, `workshop`, `talk`, `online`, `group`: for texts and turnout.
        var series: String
        var group: Int?
        var location: String
        var capacity: Int
        var hosts: [Int] = []
        var fee: String?
        var plan: String?
        var recap: String?
        /// From a Markdown page: attendance only, no row in events.csv.
        var fromPage: Bool = false
    }

    var groups: [GroupPlan] = []
    var people: [Person] = []
    var events: [EventPlan] = []
    var attendance: [(event: Int, person: Int, registered: CalendarDate, attended: Bool, rating: UInt8?, guest: Bool)] = []
    var moderation: [(date: CalendarDate, person: Int, rule: String, action: ModerationRecord.Action)] = []

    init(options: SampleOptions) {
        self.options = options
        self.random = SampleRandom(seed: options.seed)
        self.end = CalendarDate(dayNumber: options.asOf.dayNumber + 45)
    }

    static func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    /// Relative activity of a month: quiet in August and around Christmas, busy in autumn.
    static let season: [Double] = [1.15, 1.0, 1.1, 1.0, 1.0, 0.9, 0.7, 0.45, 1.3, 1.2, 1.05, 0.6]

    /// People active (members, or guests within their window) on a date, found by binary
    /// search since people are sorted by the day they joined.
    func joinedBy(_ date: CalendarDate) -> Int {
        let day = date.dayNumber
        var lo = 0, hi = people.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if people[mid].joined.dayNumber <= day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func isActive(_ p: Int, on date: CalendarDate) -> Bool {
        // Fields are read one by one: copying the whole person (name, groups) for each of
        // millions of draws would cost more than the draw.
        guard people[p].joined <= date else { return false }
        if let left = people[p].left, left <= date { return false }
        // Guests are around for a few months after their first visit.
        if people[p].tier == .guest { return date.dayNumber - people[p].joined.dayNumber <= 120 }
        return true
    }

    func isOpen(_ g: Int, on date: CalendarDate) -> Bool {
        groups[g].created <= date && (groups[g].closed.map { date < $0 } ?? true)
    }
}
