/// The attendance figures of one event, counted from its registrations.
public struct EventFigures: Sendable, Equatable {
    /// Registrations (rows of attendance for the event).
    public var registered = 0
    /// Registrations marked `attended: yes`.
    public var attended = 0
    /// Attendees for whom this was the first event they attended.
    public var firstTimers = 0
    /// Attendees who came as guests.
    public var guests = 0
    /// Ratings given, and their sum.
    public var ratings = 0
    public var ratingSum = 0

    public init() {}

    /// The show-up (check-in) rate: attended ÷ registered.
    public var showUpRate: Double? { registered > 0 ? Double(attended) / Double(registered) : nil }

    public var averageRating: Double? { ratings > 0 ? Double(ratingSum) / Double(ratings) : nil }

    /// Figures for every event of `data`, in the order of `data.events`. One pass over the
    /// attendance; a first-timer is an attendee whose earliest attended event (by start,
    /// then id) is this one.
    public static func all(_ data: CommunityData) -> [EventFigures] {
        var figures = [EventFigures](repeating: EventFigures(), count: data.events.count)
        // Events are sorted by start then id, so the smallest index is the earliest event.
        var firstEvent: [MemberID: Int] = [:]
        for row in data.attendance {
            guard let e = data.eventIndex[row.event] else { continue }
            figures[e].registered += 1
            guard row.attended else { continue }
            figures[e].attended += 1
            if row.guest { figures[e].guests += 1 }
            if let rating = row.rating {
                figures[e].ratings += 1
                figures[e].ratingSum += Int(rating)
            }
            if let earlier = firstEvent[row.member] {
                if e < earlier { firstEvent[row.member] = e }
            } else {
                firstEvent[row.member] = e
            }
        }
        for e in firstEvent.values { figures[e].firstTimers += 1 }
        return figures
    }
}
