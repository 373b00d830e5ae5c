/// A point in the chart's user units (the `viewBox` coordinate system).
public struct SVGPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}
