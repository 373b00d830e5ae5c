/// The id of a record of one kind: `MemberID`, `GroupID`, `EventID`. The phantom type
/// keeps a member id from being passed where a group id is expected.
public struct RecordID<Record>: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (a: RecordID, b: RecordID) -> Bool { a.rawValue < b.rawValue }
}

public typealias MemberID = RecordID<Member>
public typealias GroupID = RecordID<Group>
public typealias EventID = RecordID<Event>
