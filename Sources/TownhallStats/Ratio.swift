/// A share or rate kept as its two counts, so that 0/0 stays "no value" (never NaN) and a
/// page can decide whether the denominator is large enough to publish.
public struct Ratio: Sendable, Hashable {
    public var part: Int
    public var whole: Int
    /// How many people the figure is about, for the privacy threshold; the denominator
    /// unless said otherwise (capacity fill is about the attendees, not the places).
    public var people: Int

    public init(_ part: Int, of whole: Int, people: Int? = nil) {
        self.part = part
        self.whole = whole
        self.people = people ?? whole
    }

    /// part ÷ whole, or nil for 0/0 (and any division by zero).
    public var value: Double? { whole == 0 ? nil : Double(part) / Double(whole) }
}

/// An average kept as sum and count; nil when nothing was counted.
public struct Mean: Sendable, Hashable {
    public var sum: Int
    public var count: Int
    /// How many people the average is about, for the privacy threshold.
    public var people: Int

    public init(sum: Int, count: Int, people: Int? = nil) {
        self.sum = sum
        self.count = count
        self.people = people ?? count
    }

    public var value: Double? { count == 0 ? nil : Double(sum) / Double(count) }
}

/// Thresholds that define the figures; the defaults are the README's definitions.
public struct StatsSettings: Sendable, Hashable {
    /// A member is active when they attended an event in this many days up to the date.
    public var activeDays = 90
    /// An open group is dormant after this many days without an event.
    public var dormantDays = 90
    /// A first-time guest counts as converted when they join within this many days.
    public var conversionDays = 30
    /// Retention summary figures: months after joining.
    public var retentionMarks = [3, 6, 12]

    public init() {}
}
