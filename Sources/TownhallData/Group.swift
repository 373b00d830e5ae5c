import TownhallContent

/// A group or sub-group. Groups form a tree through `parent` (growth by fission).
public struct Group: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case interest, local, industry, temporary
    }

    public var id: GroupID
    public var name: String
    public var parent: GroupID?
    public var created: CalendarDate
    public var closed: CalendarDate?
    public var kind: Kind
    /// Where the group talks: a chat app, a forum, a mailing list.
    public var carrier: String?
    /// What the group is for, in a sentence or two (Markdown).
    public var purpose: String?
    public var origin: RecordOrigin

    public init(
        id: GroupID, name: String, parent: GroupID? = nil, created: CalendarDate, closed: CalendarDate? = nil,
        kind: Kind, carrier: String? = nil, purpose: String? = nil, origin: RecordOrigin
    ) {
        self.id = id
        self.name = name
        self.parent = parent
        self.created = created
        self.closed = closed
        self.kind = kind
        self.carrier = carrier
        self.purpose = purpose
        self.origin = origin
    }
}
