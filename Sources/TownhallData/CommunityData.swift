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
    /// Each registration's event and member as positions in `events` and `members` (−1 for
    /// an unknown id), in `attendance` order: resolved once, on every core, by the loader,
    /// for validation and statistics alike. Empty until `resolveAttendance` runs.
    public private(set) var attendanceIndexes: [(event: Int32, member: Int32)] = []

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

    /// Fills `attendanceIndexes`. Rows of one event come together, so the previous event
    /// lookup usually answers the next with one string comparison instead of a hash.
    public mutating func resolveAttendance(threads: Int = 0) {
        let count = attendance.count
        let chunk = 16_384
        let data = self
        let parts = Array(stride(from: 0, to: count, by: chunk)).concurrentMap(threads: threads) { start -> [(event: Int32, member: Int32)] in
            var out: [(event: Int32, member: Int32)] = []
            out.reserveCapacity(min(chunk, count - start))
            var lastEvent: (id: EventID, index: Int32)?
            for i in start..<min(start + chunk, count) {
                let row = data.attendance[i]
                let e: Int32
                if let last = lastEvent, last.id == row.event {
                    e = last.index
                } else {
                    e = data.eventIndex[row.event].map(Int32.init) ?? -1
                    lastEvent = (row.event, e)
                }
                out.append((e, data.memberIndex[row.member].map(Int32.init) ?? -1))
            }
            return out
        }
        var all: [(event: Int32, member: Int32)] = []
        all.reserveCapacity(count)
        for part in parts { all += part }
        attendanceIndexes = all
    }

    /// No records of any kind: the site has no community data.
    public var isEmpty: Bool {
        members.isEmpty && groups.isEmpty && events.isEmpty && attendance.isEmpty && moderation.isEmpty
    }

    public func member(_ id: MemberID) -> Member? { memberIndex[id].map { members[$0] } }
    public func group(_ id: GroupID) -> Group? { groupIndex[id].map { groups[$0] } }
    public func event(_ id: EventID) -> Event? { eventIndex[id].map { events[$0] } }
}
