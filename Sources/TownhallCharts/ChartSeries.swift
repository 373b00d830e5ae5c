/// One named series of values, aligned with a chart's labels or categories: `values[i]`
/// belongs to label `i`. A nil value is missing (a gap in a line, no bar); missing
/// trailing values may be left out.
public struct ChartSeries: Sendable, Equatable {
    public var name: String
    public var values: [Double?]

    public init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }

    /// The value at `index` when there is one and it is a number; NaN and infinity (from a
    /// division by zero upstream) count as missing.
    public func value(at index: Int) -> Double? {
        guard values.indices.contains(index), let value = values[index], value.isFinite else { return nil }
        return value
    }
}
