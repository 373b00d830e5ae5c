/// The kinds of community data, each read from `Content/data/<kind>.csv|yaml|yml|json`.
public enum DataKind: String, Sendable, CaseIterable, Hashable {
    case members, groups, events, attendance, moderation

    /// `member`, for messages.
    public var singular: String {
        switch self {
        case .members: return "member"
        case .groups: return "group"
        case .events: return "event"
        case .attendance: return "attendance row"
        case .moderation: return "moderation record"
        }
    }

    /// `attendance rows`, for messages about several records.
    public var plural: String {
        switch self {
        case .attendance: return "attendance rows"
        case .moderation: return "moderation records"
        default: return rawValue
        }
    }

    /// The columns this kind understands, in the order the README documents them.
    public var fields: [FieldSpec] {
        switch self {
        case .members:
            return [
                FieldSpec("id", .id, required: true),
                FieldSpec("name", .text, required: true),
                FieldSpec("joined", .date, required: true),
                FieldSpec("left", .date),
                FieldSpec("role", .choice(Member.Role.allCases.map(\.rawValue))),
                FieldSpec("tier", .choice(Member.Tier.allCases.map(\.rawValue)), required: true),
                FieldSpec("groups", .references(.groups)),
                FieldSpec("referred_by", .reference(.members)),
                FieldSpec("city", .text),
                FieldSpec("email", .text),
                FieldSpec("phone", .text),
            ]
        case .groups:
            return [
                FieldSpec("id", .id, required: true),
                FieldSpec("name", .text, required: true),
                FieldSpec("parent", .reference(.groups)),
                FieldSpec("created", .date, required: true),
                FieldSpec("closed", .date),
                FieldSpec("kind", .choice(Group.Kind.allCases.map(\.rawValue)), required: true),
                FieldSpec("carrier", .text),
                FieldSpec("purpose", .text),
            ]
        case .events:
            return [
                FieldSpec("id", .id, required: true),
                FieldSpec("title", .text, required: true),
                FieldSpec("date", .dateTime, required: true),
                FieldSpec("end", .dateTime),
                FieldSpec("kind", .choice(Event.Kind.allCases.map(\.rawValue)), required: true),
                FieldSpec("group", .reference(.groups)),
                FieldSpec("location", .text, required: true),
                FieldSpec("capacity", .whole, required: true),
                FieldSpec("hosts", .references(.members), required: true),
                FieldSpec("fee", .text),
                FieldSpec("plan", .text),
                FieldSpec("recap", .text),
            ]
        case .attendance:
            return [
                FieldSpec("event", .reference(.events), required: true),
                FieldSpec("member", .reference(.members), required: true),
                FieldSpec("registered", .date, required: true),
                FieldSpec("attended", .yesNo, required: true),
                FieldSpec("rating", .rating),
                FieldSpec("guest", .yesNo),
            ]
        case .moderation:
            return [
                FieldSpec("date", .date, required: true),
                FieldSpec("member", .reference(.members), required: true),
                FieldSpec("rule", .text, required: true),
                FieldSpec("action", .choice(ModerationRecord.Action.allCases.map(\.rawValue)), required: true),
            ]
        }
    }

    /// Member fields that hold contact details: never published unless site.yaml lists them.
    public static let privateMemberFields: Set<String> = ["email", "phone"]
}

/// One column of a data kind.
public struct FieldSpec: Sendable, Hashable {
    public enum FieldType: Sendable, Hashable {
        /// The record's own id: letters, digits, `-`, `_` and `.`.
        case id
        case text
        /// `YYYY-MM-DD`.
        case date
        /// `YYYY-MM-DD`, optionally with a time: `2026-12-05 14:00` (events).
        case dateTime
        /// A whole number, 0 or more.
        case whole
        /// `yes`/`no` (also `true`/`false`).
        case yesNo
        /// 1 to 5.
        case rating
        case choice([String])
        /// The id of a record of another kind.
        case reference(DataKind)
        /// Several ids: a YAML/JSON list, or `;` between them in CSV.
        case references(DataKind)
    }

    public var name: String
    public var type: FieldType
    public var required: Bool

    public init(_ name: String, _ type: FieldType, required: Bool = false) {
        self.name = name
        self.type = type
        self.required = required
    }
}
