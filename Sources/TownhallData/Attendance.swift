import TownhallContent

/// One registration for an event, and whether the person came.
public struct Attendance: Sendable, Equatable {
    public var event: EventID
    public var member: MemberID
    public var registered: CalendarDate
    public var attended: Bool
    /// 1 to 5, when asked and given.
    public var rating: UInt8?
    /// Came as a guest (not a member at the time).
    public var guest: Bool
    public var origin: RecordOrigin

    public init(
        event: EventID, member: MemberID, registered: CalendarDate, attended: Bool,
        rating: UInt8? = nil, guest: Bool = false, origin: RecordOrigin
    ) {
        self.event = event
        self.member = member
        self.registered = registered
        self.attended = attended
        self.rating = rating
        self.guest = guest
        self.origin = origin
    }
}
