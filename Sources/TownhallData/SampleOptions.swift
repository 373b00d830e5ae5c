import TownhallContent

/// What `townhall sample` makes. Counts left nil follow from `members` the way the
/// Riverside Makers sample is shaped; give them to make large data sets for benchmarks.
public struct SampleOptions: Sendable, Hashable {
    /// Rows of the member list (about one in seven a guest who never joined).
    public var members: Int
    public var groups: Int?
    public var events: Int?
    /// Registrations (rows of attendance.csv), approximately.
    public var attendance: Int?
    public var seed: UInt64
    /// The first day of the member list.
    public var start: CalendarDate
    /// The data's "today": members join up to it, attendance exists for events before it,
    /// and events are planned for six weeks after it.
    public var asOf: CalendarDate

    public init(
        members: Int = 400, groups: Int? = nil, events: Int? = nil, attendance: Int? = nil, seed: UInt64 = 1,
        start: CalendarDate = CalendarDate(year: 2024, month: 1, day: 1)!,
        asOf: CalendarDate = CalendarDate(year: 2026, month: 11, day: 20)!
    ) {
        self.members = members
        self.groups = groups
        self.events = events
        self.attendance = attendance
        self.seed = seed
        self.start = start
        self.asOf = asOf
    }
}
