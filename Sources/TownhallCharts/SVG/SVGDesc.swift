/// `<desc>`: the longer accessible description of the chart.
public struct SVGDesc: Sendable, Equatable {
    public var id: String?
    public var text: String

    public init(_ text: String, id: String? = nil) {
        self.text = text
        self.id = id
    }
}
