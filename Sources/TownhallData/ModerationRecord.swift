import TownhallContent

/// One step of the sanctions ladder given to a member. Never published individually.
public struct ModerationRecord: Sendable, Equatable {
    public enum Action: String, Sendable, CaseIterable {
        case warning
        case secondWarning = "second-warning"
        case removal
    }

    public var date: CalendarDate
    public var member: MemberID
    /// The rule broken, as the handbook cites it (`no-ads`, `§4.1`).
    public var rule: String
    public var action: Action
    public var origin: RecordOrigin

    public init(date: CalendarDate, member: MemberID, rule: String, action: Action, origin: RecordOrigin) {
        self.date = date
        self.member = member
        self.rule = rule
        self.action = action
        self.origin = origin
    }
}
