/// One stage of a funnel: how many people reached it.
public struct FunnelStage: Sendable, Equatable {
    public var label: String
    public var count: Int

    public init(_ label: String, count: Int) {
        self.label = label
        self.count = count
    }
}
