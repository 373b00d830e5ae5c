import TownhallContent
import TownhallStats

/// What may be published about people (site.yaml `privacy`): a count of fewer than k
/// people is withheld ("fewer than k"), and so is a rate or average over fewer than k
/// people; names only where `publish_member_fields` lists `name`.
public struct Disclosure: Sendable, Hashable {
    /// `privacy.min_group_size`.
    public var k: Int
    public var publishesNames: Bool

    public init(k: Int = 5, publishesNames: Bool = false) {
        self.k = max(1, k)
        self.publishesNames = publishesNames
    }

    public init(_ privacy: PrivacySettings) {
        self.init(k: privacy.minGroupSize, publishesNames: privacy.publishes("name"))
    }

    /// A count of people; withheld below k (zero included: "fewer than 5" does not say
    /// whether anyone was counted). k = 1 publishes every count.
    public func people(_ n: Int) -> FigureValue { n >= k || k == 1 ? .integer(n) : .withheld }

    /// A count of things that are not people (events, groups, days).
    public func count(_ n: Int) -> FigureValue { .integer(n) }

    /// A share; "—" for 0/0, withheld when it is about fewer than k people.
    public func share(_ r: Ratio) -> FigureValue {
        guard let v = r.value else { return .undefined }
        return r.people >= k || k == 1 ? .fraction(v) : .withheld
    }

    /// A ratio written as a number (members per steward).
    public func ratio(_ r: Ratio, places: Int) -> FigureValue {
        guard let v = r.value else { return .undefined }
        return r.people >= k || k == 1 ? .decimal(v, places: places) : .withheld
    }

    public func mean(_ m: Mean, places: Int) -> FigureValue {
        guard let v = m.value else { return .undefined }
        return m.people >= k || k == 1 ? .decimal(v, places: places) : .withheld
    }
}
