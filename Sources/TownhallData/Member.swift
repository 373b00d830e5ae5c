import TownhallContent

/// A person in the member list: a member or steward, or a guest known from registrations.
public struct Member: Sendable, Equatable {
    /// Membership tier (see the handbook's "Joining, thresholds and tiers").
    public enum Tier: String, Sendable, CaseIterable {
        case guest, member, steward
    }

    /// A named role (see the handbook's "Roles").
    public enum Role: String, Sendable, CaseIterable {
        case founder, manager, recruiter, partnerships
        case eventPlanner = "event-planner"
        case contentEditor = "content-editor"
        case trainer
        case memberSupport = "member-support"
    }

    public var id: MemberID
    public var name: String
    /// The day the person joined; for a guest, the day they were first recorded.
    public var joined: CalendarDate
    public var left: CalendarDate?
    public var role: Role?
    public var tier: Tier
    public var groups: [GroupID]
    public var referredBy: MemberID?
    public var city: String?
    /// Contact details: private, published only when site.yaml's privacy settings say so.
    public var email: String?
    public var phone: String?
    public var origin: RecordOrigin

    public init(
        id: MemberID, name: String, joined: CalendarDate, left: CalendarDate? = nil, role: Role? = nil,
        tier: Tier, groups: [GroupID] = [], referredBy: MemberID? = nil, city: String? = nil,
        email: String? = nil, phone: String? = nil, origin: RecordOrigin
    ) {
        self.id = id
        self.name = name
        self.joined = joined
        self.left = left
        self.role = role
        self.tier = tier
        self.groups = groups
        self.referredBy = referredBy
        self.city = city
        self.email = email
        self.phone = phone
        self.origin = origin
    }
}
