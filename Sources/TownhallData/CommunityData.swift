import TownhallContent

/// Everything known about the community: the records of every kind, checked, with the
/// lookups later stages need built once.
public struct CommunityData: Sendable {
    public var members: [Member] = []
    public var groups: [Group] = []
    /// Sorted by start, then id.
    public var events: [Event] = []
    public var attendance: [Attendance] = []
    public var moderation: [ModerationRecord] = []
    /// The data files that were read, as shown in messages (for "where the figures come from").
    public var files: [String] = []

    public private(set) var memberIndex: [MemberID: Int] = [:]
    public private(set) var groupIndex: [GroupID: Int] = [:]
    public private(set) var eventIndex: [EventID: Int] = [:]

    public init() {}

    public init(members: [Member], groups: [Group], events: [Event], attendance: [Attendance], moderation: [ModerationRecord], files: [String] = []) {
        self.members = members
        self.groups = groups
        self.events = events.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        self.attendance = attendance
        self.moderation = moderation
        self.files = files
        reindex()
    }

    /// Rebuilds the id lookups; the first record of an id wins (duplicates are errors anyway).
    mutating func reindex() {
        memberIndex = Self.index(members.map(\.id))
        groupIndex = Self.index(groups.map(\.id))
        eventIndex = Self.index(events.map(\.id))
    }

    static func index<ID: Hashable>(_ ids: [ID]) -> [ID: Int] {
        var out: [ID: Int] = [:]
        out.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where out[id] == nil { out[id] = i }
        return out
    }

    /// No records of any kind: the site has no community data.
    public var isEmpty: Bool {
        members.isEmpty && groups.isEmpty && events.isEmpty && attendance.isEmpty && moderation.isEmpty
    }

    public func member(_ id: MemberID) -> Member? { memberIndex[id].map { members[$0] } }
    public func group(_ id: GroupID) -> Group? { groupIndex[id].map { groups[$0] } }
    public func event(_ id: EventID) -> Event? { eventIndex[id].map { events[$0] } }
}
