import TownhallDiagnostics

/// site.yaml `privacy`: what may be published about members. By default nothing beyond
/// counts, and counts of fewer than `minGroupSize` people are not shown exactly.
public struct PrivacySettings: Sendable, Hashable {
    /// Member fields that may appear on pages (`name`, `city`, …). Empty by default.
    public var publishMemberFields: [String] = []
    /// Where each entry of `publish_member_fields` was written, for errors about unknown
    /// fields (checked against the member schema, which this module does not know).
    public var publishMemberFieldLocations: [SourceLocation] = []
    /// Figures about fewer people than this are shown as "fewer than N" (k-anonymity).
    public var minGroupSize = 5

    public init() {}

    /// Whether a member field may be published.
    public func publishes(_ field: String) -> Bool { publishMemberFields.contains(field) }
}
