import TownhallContent

/// An event: from a Markdown page in `Content/events/` (front matter, with the body as the
/// plan) or from a row of `data/events.*`.
public struct Event: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case meetup, talk, workshop, online
    }

    public var id: EventID
    public var title: String
    public var start: EventTime
    public var end: EventTime?
    public var kind: Kind
    public var group: GroupID?
    public var location: String
    public var capacity: Int
    public var hosts: [MemberID]
    /// As written: `free`, `€12`, `12 EUR, waivers available`.
    public var fee: String?
    /// Markdown: the `plan` of a data row. A page's plan is its body.
    public var plan: String?
    /// Markdown: `recap:` of the front matter or of a data row. A page may instead have a
    /// `## Recap` section in its body.
    public var recap: String?
    /// The Markdown page (`events/x.md`, relative to the content folder), or nil for a data row.
    public var page: String?
    public var origin: RecordOrigin

    public init(
        id: EventID, title: String, start: EventTime, end: EventTime? = nil, kind: Kind, group: GroupID? = nil,
        location: String, capacity: Int, hosts: [MemberID], fee: String? = nil, plan: String? = nil,
        recap: String? = nil, page: String? = nil, origin: RecordOrigin
    ) {
        self.id = id
        self.title = title
        self.start = start
        self.end = end
        self.kind = kind
        self.group = group
        self.location = location
        self.capacity = capacity
        self.hosts = hosts
        self.fee = fee
        self.plan = plan
        self.recap = recap
        self.page = page
        self.origin = origin
    }

    /// The day the event starts.
    public var date: CalendarDate { start.date }
}
